import { createHash } from "node:crypto";
import { resolve } from "node:path";

/**
 * .data/<kind>/<the database's host, port and name, hashed>: two apps on one
 * machine (a second checkout, the tests) each keep their files with their own database.
 */
export function dataDirFor(kind: string, databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return resolve(".data", kind, createHash("sha256").update(`${url.hostname}:${url.port}${url.pathname}`).digest("hex").slice(0, 12));
}
