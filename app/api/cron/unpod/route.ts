import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { pollConfiguredSources } from "@/lib/polling/poll-sources";

// One poll run of every configured polled source, Unpod today (or ?source=slug), for
// schedulers outside the app. The in-process schedule does the same on its own.
const query = z.object({ source: z.string().optional() });

const handler = apiRoute({ auth: "cron", query }, async ({ query }) => ({ sources: await pollConfiguredSources(query.source) }));

export const GET = handler;
export const POST = handler;
