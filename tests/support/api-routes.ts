import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The app's API routes, found by reading app/api, so that a test over "every
// admin route" or "every route that changes something" covers a route the
// day it is added.

export interface RouteExport {
  method: string;
  /** A URL for it, with made-up ids for dynamic segments. */
  path: string;
  /** The apiRoute auth mode, or null for a handler that does not go through apiRoute. */
  auth: string | null;
  /** Whether the route takes a JSON body (its spec has one). */
  takesBody: boolean;
  file: string;
}

const API_DIR = path.resolve("app/api");
const FAKE_ID = "01900000-0000-7000-8000-000000000000";

export function apiRoutes(): RouteExport[] {
  const found: RouteExport[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const url = `/api/${path.relative(API_DIR, dir)}`.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name) => (name === "slug" ? "some-source" : FAKE_ID));
        const file = path.relative(process.cwd(), full);
        for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = (apiRoute\(\s*\{\s*auth: "(\w+)"([^}]*)\}|\w+)/g)) {
          found.push({ method: m[1], path: url, auth: m[3] ?? null, takesBody: /\bbody\b/.test(m[4] ?? ""), file });
        }
        for (const m of source.matchAll(/export \{([^}]+)\}/g)) {
          for (const name of m[1].matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g))
            found.push({ method: name[1], path: url, auth: null, takesBody: false, file });
        }
        for (const m of source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g))
          found.push({ method: m[1], path: url, auth: null, takesBody: false, file });
      }
    }
  };
  walk(API_DIR);
  return found;
}
