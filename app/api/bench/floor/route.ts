import { problem } from "@/lib/api/problem";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { readBodyCapped } from "@/lib/ingest/read-body";

// The framework's floor for `npm run bench:ingest`: the least a Next.js route
// handler in this build can do with a webhook (read the body, one INSERT,
// answer 202), so that the pipeline's own cost can be told from Next's.
// Off unless the app was started with BENCH_FLOOR=true: it takes no credential,
// and its table only exists in the benchmark's database.

export async function POST(request: Request): Promise<Response> {
  if (!env().BENCH_FLOOR) return problem(404, "Not found", "No such API route.");
  // Read as the webhooks read theirs, up to the same limit.
  const body = await readBodyCapped(request.body, env().WEBHOOK_MAX_BYTES);
  if (!body) return problem(413, "Payload too large", `The body is larger than ${env().WEBHOOK_MAX_BYTES} bytes.`);
  const { rows } = await pool.query<{ id: string }>("INSERT INTO bench_floor (body) VALUES ($1) RETURNING id", [
    Buffer.from(body.buffer, body.byteOffset, body.byteLength),
  ]);
  return Response.json({ status: "stored", id: rows[0].id }, { status: 202 });
}
