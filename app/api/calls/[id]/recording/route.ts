import { apiRoute } from "@/lib/api/route";
import { streamRecording } from "@/lib/calls/recording";

export const GET = apiRoute({ auth: "reader" }, async ({ request, params }) =>
  streamRecording(params.id, request, new URL(request.url).searchParams.has("download")),
);
