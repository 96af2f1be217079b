// The Content-Security-Policy of every page. Scripts run only from this
// origin and only when they carry the request's nonce (Next.js puts it on its
// own scripts when it finds it in the request's CSP header); 'strict-dynamic'
// lets those scripts load the page's chunks. Styles allow inline attributes,
// which React and recharts render; they cannot run code. Nothing may frame a
// page, and plugins and <base> tricks are off.

export function pageCsp(nonce: string, { https, dev }: { https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server error stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
