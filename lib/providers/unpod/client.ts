import { z } from "zod";
import { fieldErrors, friendlyDetail } from "@/lib/api/friendly-errors";
import { parseRetryAfter } from "@/lib/http/retry-after";
import { fetchPublic, OutboundRefused } from "@/lib/security/outbound";

// Unpod's task API (docs.unpod.dev, "Get Tasks by Space Token"):
//   GET {base}/spaces/{space_token}/tasks/?page=N&page_size=M
//   Authorization: Token <api token>, Org-Handle: <org handle>
//   200 {count, status_code, message, data: [task]}
// Errors are sorted by what the poller should do about them.

export interface UnpodConnection {
  apiBaseUrl: string;
  apiToken: string;
  spaceToken: string;
  orgHandle: string;
}

/** Unpod said 429: ask again no sooner than `retryAfterMs` from now. */
export class RateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Unpod is rate limiting; retry after ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/** Try again later: 5xx, a timeout, a broken connection or a page that is not a task list. */
export class TransientFailure extends Error {}

/** Retrying will not help until someone fixes the settings (401, 403, 404). */
export class ConfigurationFailure extends Error {}

const task = z.looseObject({
  task_id: z.union([z.string(), z.number()]).transform(String).nullish(),
  status: z.string().nullish(),
  created: z.string().nullish(),
  modified: z.string().nullish(),
});
export type UnpodTask = z.infer<typeof task> & Record<string, unknown>;

const page = z.looseObject({ count: z.number().int().nonnegative().nullish(), data: z.array(task) });
export interface TaskPage {
  count: number | null;
  tasks: UnpodTask[];
}

const TIMEOUT_MS = 20_000;

export function tasksUrl(connection: UnpodConnection, pageNumber: number, pageSize: number): URL {
  const base = connection.apiBaseUrl.replace(/\/+$/, "");
  const url = new URL(`${base}/spaces/${encodeURIComponent(connection.spaceToken)}/tasks/`);
  url.searchParams.set("page", String(pageNumber));
  url.searchParams.set("page_size", String(pageSize));
  return url;
}

export async function fetchTaskPage(connection: UnpodConnection, pageNumber: number, pageSize: number): Promise<TaskPage> {
  let response: Response;
  try {
    // The base URL is set by an admin: it goes through the same outbound guard
    // as vendor URLs. The space token is in the path, which a redirect's
    // target may repeat: no redirect to another host is followed.
    response = await fetchPublic(
      tasksUrl(connection, pageNumber, pageSize).toString(),
      {
        headers: { authorization: `Token ${connection.apiToken}`, "org-handle": connection.orgHandle, accept: "application/json" },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
      { redirects: "same-origin" },
    );
  } catch (e) {
    if (e instanceof OutboundRefused) throw new ConfigurationFailure(`The Unpod API address is not allowed: ${e.message}.`);
    throw new TransientFailure(`Unpod did not answer page ${pageNumber}: ${(e as Error).message}`);
  }
  if (response.status === 429) throw new RateLimited(parseRetryAfter(response.headers.get("retry-after")));
  if (response.status === 401 || response.status === 403 || response.status === 404) {
    throw new ConfigurationFailure(`Unpod answered ${response.status} for page ${pageNumber}: check the API token, space token and org handle.`);
  }
  // 206 is Unpod's "business logic error".
  if (response.status !== 200) throw new TransientFailure(`Unpod answered ${response.status} for page ${pageNumber}.`);

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new TransientFailure(`Unpod's page ${pageNumber} is not JSON.`);
  }
  const parsed = page.safeParse(json);
  if (!parsed.success)
    throw new TransientFailure(`Unpod's page ${pageNumber} is not a task list: ${friendlyDetail(fieldErrors(parsed.error, {}, { quotePaths: true }))}`);
  return { count: parsed.data.count ?? null, tasks: parsed.data.data };
}
