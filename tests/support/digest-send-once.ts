// One digest send in a process of its own, so that a test can kill it while
// the mail server holds its answer, like a worker stopped mid-send:
// node --import tsx tests/support/digest-send-once.ts <sendId>
import { runDigestSend } from "@/lib/digests/send";

console.log(await runDigestSend(process.argv[2]));
process.exit(0);
