/** The app's address as the browser sees it (behind a proxy too), for URLs shown to admins. */
export function publicOrigin(headers: Headers, fallback: string): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return new URL(fallback).origin;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? new URL(fallback).protocol.replace(":", "");
  return `${proto}://${host}`;
}
