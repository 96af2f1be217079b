import { apiRoute } from "@/lib/api/route";
import { removeTestCalls } from "@/lib/sources/test-calls";

// "Remove test calls": deletes the calls (and events) the source's test events made.
export const DELETE = apiRoute({ auth: "admin" }, async ({ params, audit }) => {
  const removed = await removeTestCalls(params.slug);
  await audit({
    action: "source.remove_test_calls",
    target: { type: "source", id: params.slug, name: removed.source.name },
    after: { calls: removed.calls, events: removed.events },
  });
  return { calls: removed.calls, events: removed.events };
});
