import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { replayEvents } from "@/lib/inbox/events";

// Replays raw events through the current adapters and answers what became of each (admins).
const body = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

export const POST = apiRoute({ auth: "admin", body }, async ({ body, log, audit }) => {
  const outcomes = await replayEvents([...new Set(body.ids)]);
  log.info({ replayed: outcomes.length }, "raw events replayed");
  const results: Record<string, number> = {};
  for (const o of outcomes) results[o.result] = (results[o.result] ?? 0) + 1;
  await audit({
    action: "raw_events.replay",
    target: { type: "raw_events", name: `${outcomes.length} event${outcomes.length === 1 ? "" : "s"}` },
    after: { results, ids: outcomes.map((o) => o.id) },
  });
  return { outcomes };
});
