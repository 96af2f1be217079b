import { publicOrigin } from "@/lib/api/origin";
import { apiRoute } from "@/lib/api/route";
import { sendTestEvent } from "@/lib/sources/test-event";

// Sends the vendor's sample payload through the source's pipeline and answers what the vendor would get.
export const POST = apiRoute({ auth: "admin" }, async ({ request, params, audit }) => {
  const result = await sendTestEvent(params.slug, publicOrigin(request.headers, request.url));
  await audit({
    action: "source.test_event",
    target: { type: "source", id: params.slug },
    after: { status: result.status, callId: result.answer.callId ?? null },
  });
  return result;
});
