// npm run replay -- [--status failed|rejected] [--source SLUG]
// Runs kept events through the current adapters again. Needs DATABASE_URL
// (npm start prints the embedded database's URL).
import { parseArgs } from "node:util";
import { replayWhere } from "../ingest/replay";

const { values } = parseArgs({ options: { status: { type: "string", default: "failed" }, source: { type: "string" } } });
if (values.status !== "failed" && values.status !== "rejected") {
  console.error("--status must be failed or rejected");
  process.exit(1);
}
const counts = await replayWhere({ status: values.status, sourceSlug: values.source }, (done, c) => console.log(`replayed ${done}: ${JSON.stringify(c)}`));
console.log(Object.keys(counts).length ? `Done: ${JSON.stringify(counts)}` : "No events to replay.");
process.exit(0);
