// The peer: a receiver written the way Unpod's integration guide suggests
// (Express, express.json(), one INSERT ... ON CONFLICT DO NOTHING with pg).
// It checks no secret, keeps no raw request and maps nothing beyond a few fields.
import express from "express";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
// Without a listener, an idle connection dropped by a database restart would crash it (npm run bench:spool restarts one).
pool.on("error", () => {});
await pool.query(`CREATE TABLE IF NOT EXISTS call_records (
  task_id text PRIMARY KEY, run_id text, contact_name text, contact_phone text, call_status text,
  duration int, outcome text, summary_text text, recording_url text, transcript jsonb, created_at timestamptz)`);

/** The fields a receiver like this reads, from whichever vendor's payload (all of them optional). */
export interface PeerPayload {
  task_id?: string;
  callId?: string;
  call_event_uuid?: string;
  callInfo?: { callSid?: string };
  id?: string;
  run_id?: string;
  status?: string;
  duration?: number | string;
  summary?: string;
  transcript?: unknown;
  input?: { name?: string; contact_number?: string };
  output?: {
    call_status?: string;
    duration?: number | string;
    post_call_data?: { profile_summary?: { outcome?: string }; summary?: { summary?: string } };
    recording_url?: string;
    transcript?: unknown;
  };
}

const app = express();
app.use(express.json({ limit: "5mb" }));
app.post("/webhook/:vendor", async (req, res) => {
  const b = (req.body ?? {}) as PeerPayload;
  const out = b.output ?? {};
  const id = b.task_id ?? b.callId ?? b.call_event_uuid ?? b.callInfo?.callSid ?? b.id;
  await pool.query(
    `INSERT INTO call_records (task_id, run_id, contact_name, contact_phone, call_status, duration, outcome,
       summary_text, recording_url, transcript, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10, now()) ON CONFLICT (task_id) DO NOTHING`,
    [
      String(id),
      b.run_id ?? null,
      b.input?.name ?? null,
      b.input?.contact_number ?? null,
      out.call_status ?? b.status ?? null,
      Number(out.duration ?? b.duration) || null,
      out.post_call_data?.profile_summary?.outcome ?? null,
      out.post_call_data?.summary?.summary ?? b.summary ?? null,
      out.recording_url ?? null,
      JSON.stringify(out.transcript ?? b.transcript ?? []),
    ],
  );
  res.sendStatus(200);
});
app.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("peer ready"));
