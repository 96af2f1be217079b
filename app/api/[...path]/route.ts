import { problem } from "@/lib/api/problem";

// Unknown API paths answer in JSON like every other API error, not with an HTML page.
function notFound(request: Request): Response {
  return problem(404, "Not found", `There is no API at ${new URL(request.url).pathname}.`);
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
