import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { pollConfiguredUnpodSources } from "@/lib/polling/poll-all";

// One poll run of every configured Unpod source (or ?source=slug), for
// schedulers outside the app. The in-process schedule does the same on its own.
const query = z.object({ source: z.string().optional() });

const handler = apiRoute({ auth: "cron", query }, async ({ query }) => ({ sources: await pollConfiguredUnpodSources(query.source) }));

export const GET = handler;
export const POST = handler;
