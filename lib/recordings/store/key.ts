// Keys are made here from a content hash and a container's extension (as
// file-type names it), never from vendor text; each store checks them again
// (assertSafeKey) in case one comes from anywhere else.

/**
 * "<first two hex digits>/<sha256>.<ext>": named by content, so calls with the
 * same audio share one file; the folder spreads files over 256 directories.
 */
export function contentKey(sha256: string, extension: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("A recording key needs a SHA-256 in hex");
  if (!/^[a-z0-9]{1,5}$/.test(extension)) throw new Error(`Not a recording extension: ${extension.slice(0, 20)}`);
  return `${sha256.slice(0, 2)}/${sha256}.${extension}`;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Relative "a/b/c.ext" of plain names: no "..", no absolute path, no NUL or
 * backslash, nothing hidden (the local store's temporary files begin with a dot).
 */
export function assertSafeKey(key: string): void {
  if (key.length === 0 || key.length > 512 || !key.split("/").every((s) => SEGMENT.test(s))) {
    throw new Error(`Not a recording key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}
