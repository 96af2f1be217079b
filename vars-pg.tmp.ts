import { startEmbeddedPostgres } from "@/lib/db/embedded";
const db = await startEmbeddedPostgres({ dir: ".data/bench-postgres", port: 54339, database: "calls_bench" });
console.log(db.url);
process.on("SIGTERM", async () => { await db.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
