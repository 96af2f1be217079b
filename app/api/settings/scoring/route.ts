import { apiRoute } from "@/lib/api/route";
import { rescoreState, startRescore } from "@/lib/scoring/rescore";
import { readScoring, scoringSchema } from "@/lib/scoring/settings";
import { saveSetting } from "@/lib/settings/store";

// The outcome mapping and hot-lead threshold (admins), with the progress of
// the re-score that saving them starts.
export const GET = apiRoute({ auth: "admin" }, async () => ({ scoring: await readScoring(), rescore: await rescoreState() }));

export const PUT = apiRoute({ auth: "admin", body: scoringSchema }, async ({ body, audit }) => {
  const before = await readScoring();
  await saveSetting("scoring", body);
  const rescore = await startRescore();
  await audit({ action: "scoring.update", target: { type: "settings", id: "scoring", name: "Scoring" }, before, after: body });
  return Response.json({ scoring: body, rescore }, { status: 202 });
});
