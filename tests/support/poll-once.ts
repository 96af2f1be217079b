// One Unpod poll run in a process of its own, so that a test can kill it
// mid-run like a crashed server: node --import tsx tests/support/poll-once.ts <sourceId>
import { pollUnpodSource } from "@/lib/polling/unpod-poll";

const outcome = await pollUnpodSource(process.argv[2]);
console.log(JSON.stringify(outcome));
process.exit(0);
