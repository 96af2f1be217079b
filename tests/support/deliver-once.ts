// One delivery attempt in a process of its own, so that a test can kill it
// between sending and recording, like a crashed worker:
// node --import tsx tests/support/deliver-once.ts <deliveryId>
import { runDelivery } from "@/lib/destinations/deliver";

console.log(await runDelivery(process.argv[2]));
process.exit(0);
