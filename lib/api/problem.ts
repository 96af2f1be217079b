// Errors as RFC 9457 problem details: every API error says what is wrong.

export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return Response.json(
    { type: "about:blank", title, status, detail, ...extra },
    { status, headers: { "content-type": "application/problem+json", ...headers } },
  );
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    /** More members of the problem, such as `errors`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}
