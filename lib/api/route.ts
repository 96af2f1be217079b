import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findApiKey } from "@/lib/auth/api-key";
import { getViewer, type Role } from "@/lib/auth/session";
import { logger } from "@/lib/log";
import { recordAudit, type AuditInput } from "@/lib/audit/log";
import { BadCursorError } from "@/lib/calls/cursor";
import { readBodyCapped } from "@/lib/ingest/read-body";
import { cronRefusal } from "./cron";
import { fieldErrors, friendlyDetail, type FieldError, type Labels } from "./friendly-errors";
import { DomainError, type ErrorKind } from "@/lib/errors";
import { problem } from "./problem";
import { takeRate, type Limit } from "./rate-limit";
import { crossSiteRefusal, hasBody, isJson } from "./same-origin";

/** Largest JSON body an API takes (webhooks have their own, larger limit). */
const MAX_JSON_BYTES = 1024 * 1024;

// One wrapper for every API route: authentication, cross-site refusal for
// changes made with a session cookie, query and body validation (JSON only, at
// most 1 MB), a request id, a tagged logger and problem+json errors. Handlers
// stay a few lines long.

export type Principal =
  { kind: "apiKey"; id: string; name: string } | { kind: "user"; id: string; email: string; role: Role; mustChangePassword?: boolean } | { kind: "cron" };

/**
 * "reader": an API key or a signed-in user of any role; "user": a signed-in
 * user of any role (changes made by people); "admin": a signed-in admin;
 * "cron": an external scheduler presenting CRON_SECRET as a bearer token.
 */
type Auth = "reader" | "user" | "admin" | "cron";
type UserPrincipal = Extract<Principal, { kind: "user" }>;
/** Routes for people only get the person, with no need to check the kind again. */
type PrincipalFor<A extends Auth> = A extends "user" | "admin" ? UserPrincipal : Principal;

/** The one mapping from what went wrong (lib/errors.ts) to an HTTP status. */
const STATUS: Record<ErrorKind, number> = {
  not_found: 404,
  conflict: 409,
  invalid: 400,
  unauthorized: 401,
  refused: 403,
  gone: 410,
  too_many: 429,
  unavailable: 503,
  upstream: 502,
};

type RawParams = z.ZodType<Record<string, string>>;

interface Spec<A extends Auth, Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> {
  auth: A;
  /**
   * The path's parameters, e.g. z.object({ id: z.uuid() }). A value that does
   * not fit names nothing that can exist: answered 404 ("No `resource` has the
   * id …"), never 400.
   */
  params?: P;
  /** What the path names, for that 404 ("call", "raw event"). */
  resource?: string;
  /** Which fair-use limit requests count against: "read" (API keys, per minute) by default for readers; "export" (keys and people, per hour). */
  limit?: Limit;
  /** Open to someone who must first replace a password an admin gave them (every other route refuses them). */
  beforeOwnPassword?: true;
  body?: B;
  query?: Q;
  /** Field names in plain words for validation errors, where splitting the name is not enough ("webhookUrl" reads "Webhook URL"). */
  labels?: Labels;
}

interface Context<A extends Auth, Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> {
  request: Request;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  principal: PrincipalFor<A>;
  log: typeof logger;
  /** Records an admin's change in the audit log, as the signed-in user. */
  audit: (entry: Omit<AuditInput, "actor">) => Promise<void>;
}

type Handler<A extends Auth, Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> = (ctx: Context<A, Q, B, P>) => Promise<Response | object>;

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

/** A 400 whose detail is sentences for people and whose `errors` name each field for programs. */
const invalid = (title: string, errors: FieldError[]) => problem(400, title, friendlyDetail(errors), { errors });

export function apiRoute<A extends Auth, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = RawParams>(
  spec: Spec<A, Q, B, P>,
  handler: Handler<A, Q, B, P>,
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
      if (principal.kind === "user" && principal.mustChangePassword && !spec.beforeOwnPassword) {
        return respond(
          problem(403, "Choose your own password", "You signed in with a password someone else gave you: choose your own (on Your account) first."),
        );
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
        return respond(
          problem(
            429,
            "Too many requests",
            `This ${principal.kind === "apiKey" ? "API key" : "account"} has used its ${limit === "export" ? "exports" : "requests"} for now; try again in ${rate.headers["retry-after"]} seconds.`,
          ),
        );
      }
      const rawParams = await route.params;
      let params = rawParams as z.output<P>;
      if (spec.params) {
        const parsed = spec.params.safeParse(rawParams);
        if (!parsed.success) {
          const id = Object.values(rawParams)[0] ?? "";
          return respond(problem(404, "Not found", `No ${spec.resource ?? "such thing"} has the id "${id}".`));
        }
        params = parsed.data;
      }
      let query = undefined as z.output<Q>;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) return respond(invalid("Invalid query", fieldErrors(parsed.error, spec.labels)));
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
        if (json === undefined) return respond(problem(400, "Invalid body", "The body must be JSON."));
        if (!parsed.success) return respond(invalid("Invalid body", fieldErrors(parsed.error, spec.labels)));
        body = parsed.data;
      }
      const audit = async (entry: Omit<AuditInput, "actor">) => {
        if (principal.kind === "user") await recordAudit({ ...entry, actor: principal });
      };
      // The auth checks above made the principal what PrincipalFor<A> says.
      const result = await handler({ request, params, query, body, principal: principal as PrincipalFor<A>, log, audit });
      return respond(result instanceof Response ? result : Response.json(result));
    } catch (e) {
      if (e instanceof DomainError) return respond(problem(STATUS[e.kind], e.title, e.message, e.extra));
      if (e instanceof BadCursorError) return respond(problem(400, "Invalid cursor", e.message));
      log.error({ err: e }, "request failed");
      return respond(problem(500, "Internal error", `Something went wrong; quote request id ${requestId} when reporting it.`));
    }
  };
}
