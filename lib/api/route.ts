import { randomUUID } from "node:crypto";
import { z } from "zod";
import { findApiKey } from "@/lib/auth/api-key";
import { logger } from "@/lib/log";
import { HttpError, problem } from "./problem";

// One wrapper for every API route: authentication, query validation, a request
// id, a tagged logger and problem+json errors. Handlers stay a few lines long.

export type Principal = { kind: "apiKey"; id: string; name: string };

interface Spec<Q extends z.ZodType> {
  /** "reader": an API key (sessions join in with the dashboard). "public": checked by the handler itself. */
  auth: "reader" | "public";
  query?: Q;
}

interface Context<Q extends z.ZodType> {
  request: Request;
  params: Record<string, string>;
  query: z.output<Q>;
  principal: Principal | null;
  log: typeof logger;
}

type Handler<Q extends z.ZodType> = (ctx: Context<Q>) => Promise<Response | object>;

export function apiRoute<Q extends z.ZodType = z.ZodUndefined>(spec: Spec<Q>, handler: Handler<Q>) {
  return async (request: Request, route: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const log = logger.child({ requestId, method: request.method, path: new URL(request.url).pathname });
    const respond = (response: Response) => {
      response.headers.set("x-request-id", requestId);
      return response;
    };
    try {
      let principal: Principal | null = null;
      if (spec.auth === "reader") {
        const key = await findApiKey(request.headers.get("authorization"));
        if (!key) return respond(problem(401, "Unauthorized", "Send an API key as Authorization: Bearer <key>."));
        principal = { kind: "apiKey", ...key };
      }
      let query = undefined as z.output<Q>;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success) return respond(problem(400, "Invalid query", z.prettifyError(parsed.error)));
        query = parsed.data;
      }
      const result = await handler({ request, params: await route.params, query, principal, log });
      return respond(result instanceof Response ? result : Response.json(result));
    } catch (e) {
      if (e instanceof HttpError) return respond(problem(e.status, e.title, e.message));
      log.error({ err: e }, "request failed");
      return respond(problem(500, "Internal error", `Something went wrong; quote request id ${requestId} when reporting it.`));
    }
  };
}
