// One Unpod poll run in a process of its own, so that a test can kill it
// mid-run like a crashed server: node --import tsx tests/support/poll-once.ts <sourceId>
import { pollSource } from "@/lib/polling/poll-sources";

const outcome = await pollSource(process.argv[2]);
console.log(JSON.stringify(outcome));
process.exit(0);
