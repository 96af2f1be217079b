import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findApiKey } from "@/lib/auth/api-key";
import { getViewer, type Role } from "@/lib/auth/session";
import { logger } from "@/lib/log";
import { recordAudit, type AuditInput } from "@/lib/audit/log";
import { BadCursorError } from "@/lib/calls/cursor";
import { readBodyCapped } from "@/lib/ingest/read-body";
import { cronRefusal } from "./cron";
import { HttpError, problem } from "./problem";
import { takeRate, type Limit } from "./rate-limit";
import { crossSiteRefusal, hasBody, isJson } from "./same-origin";

/** Largest JSON body an API takes (webhooks have their own, larger limit). */
const MAX_JSON_BYTES = 1024 * 1024;

// One wrapper for every API route: authentication, cross-site refusal for
// changes made with a session cookie, query and body validation (JSON only, at
// most 1 MB), a request id, a tagged logger and problem+json errors. Handlers
// stay a few lines long.

export type Principal =
  | { kind: "apiKey"; id: string; name: string }
  | { kind: "user"; id: string; email: string; role: Role; mustChangePassword?: boolean }
  | { kind: "cron" };

interface Spec<Q extends z.ZodType, B extends z.ZodType> {
  /**
   * "reader": an API key or a signed-in user of any role; "user": a signed-in
   * user of any role (changes made by people); "admin": a signed-in admin;
   * "cron": an external scheduler presenting CRON_SECRET as a bearer token.
   */
  auth: "reader" | "user" | "admin" | "cron";
  /** Which fair-use limit requests count against: "read" (API keys, per minute) by default for readers; "export" (keys and people, per hour). */
  limit?: Limit;
  body?: B;
  query?: Q;
}

interface Context<Q extends z.ZodType, B extends z.ZodType> {
  request: Request;
  params: Record<string, string>;
  query: z.output<Q>;
  body: z.output<B>;
  principal: Principal;
  log: typeof logger;
  /** Records an admin's change in the audit log, as the signed-in user. */
  audit: (entry: Omit<AuditInput, "actor">) => Promise<void>;
}

type Handler<Q extends z.ZodType, B extends z.ZodType> = (ctx: Context<Q, B>) => Promise<Response | object>;

/** An API key when one is presented, else the session cookie. */
async function authenticate(request: Request): Promise<Principal | null> {
  if (request.headers.get("authorization")) {
    const key = await findApiKey(request.headers.get("authorization"));
    return key ? { kind: "apiKey", ...key } : null;
  }
  const viewer = await getViewer();
  return viewer ? { kind: "user", id: viewer.id, email: viewer.email, role: viewer.role, mustChangePassword: viewer.mustChangePassword } : null;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

export function apiRoute<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  spec: Spec<Q, B>,
  handler: Handler<Q, B>,
) {
  return async (request: Request, route: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const log = logger.child({ requestId, method: request.method, path: new URL(request.url).pathname });
    const extraHeaders: Record<string, string> = { "x-request-id": requestId };
    const respond = (response: Response) => {
      for (const [name, value] of Object.entries(extraHeaders)) response.headers.set(name, value);
      return response;
    };
    try {
      if (spec.auth === "cron") {
        const refusal = cronRefusal(request);
        if (refusal) return respond(refusal);
      }
      const principal = spec.auth === "cron" ? { kind: "cron" as const } : await authenticate(request);
      if (!principal) {
        return respond(problem(401, "Unauthorized", "Sign in, or send an API key as Authorization: Bearer <key>."));
      }
      if (principal.kind === "user") {
        const refusal = crossSiteRefusal(request);
        if (refusal) {
          log.warn({ origin: request.headers.get("origin"), user: principal.id }, "cross-site change refused");
          return respond(problem(403, "Cross-site request refused", refusal));
        }
      }
      // Someone on a password an admin gave them chooses their own before anything else, in the API as on the pages.
      if (principal.kind === "user" && principal.mustChangePassword && !new URL(request.url).pathname.startsWith("/api/account/")) {
        return respond(problem(403, "Choose your own password", "You signed in with a password someone else gave you: choose your own (on Your account) first."));
      }
      if (spec.auth === "user" && principal.kind !== "user") {
        return respond(problem(403, "Forbidden", "API keys can only read; sign in to change things."));
      }
      if (spec.auth === "admin" && !(principal.kind === "user" && principal.role === "admin")) {
        return respond(problem(403, "Forbidden", "This needs an admin."));
      }
      const limit = spec.limit ?? (spec.auth === "reader" ? "read" : undefined);
      const rate = limit ? await takeRate(limit, principal) : null;
      if (rate) Object.assign(extraHeaders, rate.headers);
      if (rate && !rate.allowed) {
        return respond(problem(429, "Too many requests", `This ${principal.kind === "apiKey" ? "API key" : "account"} has used its ${limit === "export" ? "exports" : "requests"} for now; try again in ${rate.headers["retry-after"]} seconds.`));
      }
      let query = undefined as z.output<Q>;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) return respond(problem(400, "Invalid query", z.prettifyError(parsed.error)));
        query = parsed.data;
      }
      if ((spec.body || hasBody(request)) && !isJson(request)) {
        return respond(problem(415, "Unsupported content type", "Send the body as JSON, with Content-Type: application/json."));
      }
      let body = undefined as z.output<B>;
      if (spec.body) {
        const bytes = await readBodyCapped(request.body, MAX_JSON_BYTES);
        if (!bytes) return respond(problem(413, "Body too large", `A request body may be at most ${MAX_JSON_BYTES / 1024 / 1024} MB.`));
        const json = parseJson(bytes);
        const parsed = spec.body.safeParse(json);
        if (!parsed.success) return respond(problem(400, "Invalid body", json === undefined ? "The body must be JSON." : z.prettifyError(parsed.error)));
        body = parsed.data;
      }
      const audit = async (entry: Omit<AuditInput, "actor">) => {
        if (principal.kind === "user") await recordAudit({ ...entry, actor: principal });
      };
      const result = await handler({ request, params: await route.params, query, body, principal, log, audit });
      return respond(result instanceof Response ? result : Response.json(result));
    } catch (e) {
      if (e instanceof HttpError) return respond(problem(e.status, e.title, e.message));
      if (e instanceof BadCursorError) return respond(problem(400, "Invalid cursor", e.message));
      log.error({ err: e }, "request failed");
      return respond(problem(500, "Internal error", `Something went wrong; quote request id ${requestId} when reporting it.`));
    }
  };
}
