import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

// A stand-in for Unpod's task API as its docs describe it:
//   GET /spaces/{space_token}/tasks/?page=N&page_size=M
//   Authorization: Token <api token>, Org-Handle: <org handle>
//   200 {count, status_code, message, data: [task]}, newest task first.
// Tests script faults per page (429 with Retry-After, 500, a malformed body,
// a request that hangs, a redirect) and change tasks between polls.

export interface FakeTask {
  task_id: string;
  run_id: string;
  status: "pending" | "in_progress" | "completed" | "failed";
  created: string;
  modified: string;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}

type Fault =
  | { kind: "429"; retryAfter: string }
  | { kind: "500" }
  | { kind: "malformed" }
  | { kind: "hang"; onHang?: () => void }
  | { kind: "redirect"; status: number; location: string };

export interface UnpodServer {
  url: string;
  tasks: FakeTask[];
  requests: { page: number; at: number; authorized: boolean }[];
  /** The next request for `page` gets this fault instead of the page. */
  failOnce(page: number, fault: Fault): void;
  /** Answers every hung request (with its page) and stops hanging. */
  release(): void;
  close(): Promise<void>;
}

export const UNPOD_TOKENS = { apiToken: "unpod_api_token_SECRET_123", spaceToken: "SPACETOKEN42", orgHandle: "acme.test" };

let seq = 0;
/** A task as Unpod returns it, `minutesAgo` minutes old. */
export function fakeTask(minutesAgo: number, status: FakeTask["status"] = "completed"): FakeTask {
  const id = `T${Date.now().toString(16)}${(seq++).toString().padStart(4, "0")}`;
  const created = new Date(Date.now() - minutesAgo * 60_000);
  const start = new Date(created.getTime() + 5_000);
  const end = new Date(start.getTime() + 90_000);
  return {
    task_id: id,
    run_id: `R-${id}`,
    status,
    created: created.toISOString(),
    modified: created.toISOString(),
    input: { name: `Lead ${id}`, contact_number: "+14155550100", company_name: "Acme" },
    output:
      status === "completed"
        ? {
            call_id: `CALL_${id}`,
            call_type: "outbound",
            call_status: "completed",
            start_time: start.toISOString().replace("T", " ").replace("Z", ""),
            end_time: end.toISOString().replace("T", " ").replace("Z", ""),
            duration: 90,
            transcript: [
              { role: "assistant", content: "Hello" },
              { role: "user", content: "Hi, tell me more" },
            ],
            post_call_data: { summary: { status: "Connected", summary: `Talked with ${id}` }, profile_summary: { tone: "Positive", outcome: "Interested" } },
          }
        : {},
  };
}

/** Marks a task completed the way Unpod does when its call ends. */
export function complete(task: FakeTask): void {
  const done = fakeTask(0, "completed");
  task.status = "completed";
  task.modified = new Date().toISOString();
  task.output = done.output;
}

export async function startUnpodServer(): Promise<UnpodServer> {
  const faults = new Map<number, Fault[]>();
  const hung: Array<() => void> = [];
  let hanging = true;
  const state: Omit<UnpodServer, "url" | "close"> = {
    tasks: [],
    requests: [],
    failOnce(page, fault) {
      faults.set(page, [...(faults.get(page) ?? []), fault]);
    },
    release() {
      hanging = false;
      hung.splice(0).forEach((answer) => answer());
    },
  };

  const answerPage = (res: ServerResponse, page: number, size: number) => {
    const sorted = [...state.tasks].sort((a, b) => b.created.localeCompare(a.created));
    const data = sorted.slice((page - 1) * size, page * size);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ count: sorted.length, status_code: 200, message: "Tasks Fetched Successfully", data }));
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = /^\/api\/v2\/platform\/spaces\/([^/]+)\/tasks\/$/.exec(url.pathname);
    const page = Number(url.searchParams.get("page") ?? 1);
    const size = Number(url.searchParams.get("page_size") ?? 20);
    const authorized = req.headers.authorization === `Token ${UNPOD_TOKENS.apiToken}` && req.headers["org-handle"] === UNPOD_TOKENS.orgHandle;
    state.requests.push({ page, at: Date.now(), authorized });
    if (!match || match[1] !== UNPOD_TOKENS.spaceToken) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ status_code: 404, message: "Space not found" }));
      return;
    }
    if (!authorized) {
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ status_code: 401, message: "Invalid token" }));
      return;
    }
    const fault = faults.get(page)?.shift();
    if (fault?.kind === "429") {
      res.writeHead(429, { "retry-after": fault.retryAfter, "content-type": "application/json" }).end('{"message":"Too many requests"}');
    } else if (fault?.kind === "500") {
      res.writeHead(500, { "content-type": "application/json" }).end('{"message":"Internal Server Error"}');
    } else if (fault?.kind === "malformed") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"count": 3, "data": "oops"');
    } else if (fault?.kind === "redirect") {
      res.writeHead(fault.status, { location: fault.location }).end();
    } else if (fault?.kind === "hang" && hanging) {
      hung.push(() => answerPage(res, page, size));
      fault.onHang?.();
    } else {
      answerPage(res, page, size);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    ...state,
    url: `http://127.0.0.1:${port}/api/v2/platform`,
    close: () =>
      new Promise((resolve) => {
        state.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
