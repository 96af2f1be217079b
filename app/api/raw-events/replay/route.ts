import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { replayEvents } from "@/lib/inbox/events";

// Replays raw events through the current adapters and answers what became of each (admins).
const body = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

export const POST = apiRoute({ auth: "admin", body }, async ({ body, log }) => {
  const outcomes = await replayEvents([...new Set(body.ids)]);
  log.info({ replayed: outcomes.length }, "raw events replayed");
  return { outcomes };
});
