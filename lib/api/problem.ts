// Errors as RFC 9457 problem details: every API error says what is wrong.

export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return Response.json(
    { type: "about:blank", title, status, detail, ...extra },
    { status, headers: { "content-type": "application/problem+json", ...headers } },
  );
}
