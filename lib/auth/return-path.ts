// Where to send someone after signing in: a path on this site, never another
// site. The value comes from the URL (?callbackUrl=…), so anyone can craft it.

// A host that cannot exist: if a value resolves to any other origin, it named one.
const HERE = "http://return-path.invalid";

/**
 * `value` as a path on this site (path, query and fragment, as the URL parser
 * reads them), or "/" when it could lead anywhere else or is not a string.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  // Browsers read "\" as "/" ("/\evil.example" is "//evil.example") and drop
  // tabs and newlines anywhere ("/\t/evil.example"): refuse both outright.
  // eslint-disable-next-line no-control-regex -- matching control characters is this check's purpose
  if (/[\\\x00-\x1f\x7f]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return "/";
  }
  if (url.origin !== HERE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can leave "//host" behind ("/..//evil.example"), which a
  // browser given it again would read as another site.
  if (path.startsWith("//")) return "/";
  // Back to the sign-in page itself would only send a signed-in user round in a loop.
  if (url.pathname === "/login") return "/";
  return path;
}
