import { createServer } from "node:http";
import { asyncListener } from "./listener";
import type { Reply } from "./receiver";

// A small HubSpot CRM for tests, speaking the parts of the v3 API the
// forwarder uses (contacts search/create/update; notes and tasks search and
// create with associations), checking the private-app token. The app reaches
// it through the official client with HUBSPOT_API_BASE_URL.

interface CrmObject {
  id: string;
  properties: Record<string, string>;
  associations: unknown[];
}

/** What the forwarder sends: a search, or an object to create or update. */
interface RequestBody {
  filterGroups?: { filters: Filter[] }[];
  limit?: number;
  properties?: Record<string, string>;
  associations?: unknown[];
}

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
}

export interface HubSpotServer {
  url: string;
  token: string;
  objects: Record<"contacts" | "notes" | "tasks", CrmObject[]>;
  requests: Array<{ method: string; path: string }>;
  /** Replies for the next requests, whatever they are, before the CRM answers again. */
  script(...replies: Reply[]): void;
  /** One reply for the next request to `method path` (e.g. "POST /crm/v3/objects/tasks"). */
  failNext(route: string, reply: Reply): void;
  close(): Promise<void>;
}

const matches = (o: CrmObject, f: Filter) => {
  const v = o.properties[f.propertyName] ?? "";
  if (f.operator === "EQ") return v === f.value;
  if (f.operator === "CONTAINS_TOKEN") return v.includes(f.value ?? "");
  return false;
};

export async function startHubSpot(port: number, token = "pat-na1-test-token-0000"): Promise<HubSpotServer> {
  const queue: Reply[] = [];
  const traps = new Map<string, Reply>();
  let nextId = 1000;
  const state: HubSpotServer = {
    url: "",
    token,
    objects: { contacts: [], notes: [], tasks: [] },
    requests: [],
    script: (...replies) => queue.push(...replies),
    failNext: (route, reply) => traps.set(route, reply),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
  const now = () => new Date().toISOString();
  const view = (o: CrmObject) => ({ id: o.id, properties: o.properties, createdAt: now(), updatedAt: now(), archived: false });

  const server = createServer(
    asyncListener(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = (chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : {}) as RequestBody;
      const path = (req.url ?? "/").split("?")[0];
      state.requests.push({ method: req.method ?? "GET", path });
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(json));

      const route = `${req.method} ${path}`;
      const scripted = queue.shift() ?? traps.get(route);
      traps.delete(route);
      if (scripted) return res.writeHead(scripted.status, { "content-type": "application/json", ...scripted.headers }).end(scripted.body ?? "{}");
      if (req.headers.authorization !== `Bearer ${token}`) {
        return send(401, { status: "error", message: "Authentication credentials not found.", category: "INVALID_AUTHENTICATION" });
      }
      const m = /^\/crm\/v3\/objects\/(contacts|notes|tasks)(?:\/(search|\w+))?$/.exec(path);
      if (!m) return send(404, { status: "error", message: `No route ${path}` });
      const type = m[1] as keyof HubSpotServer["objects"];
      const list = state.objects[type];
      if (m[2] === "search" && req.method === "POST") {
        const groups = body.filterGroups ?? [];
        const found = groups.length ? list.filter((o) => groups.some((g) => g.filters.every((f) => matches(o, f)))) : list;
        return send(200, { total: found.length, results: found.slice(0, body.limit ?? 10).map(view) });
      }
      if (!m[2] && req.method === "POST") {
        const o = { id: String(nextId++), properties: body.properties ?? {}, associations: body.associations ?? [] };
        list.push(o);
        return send(201, view(o));
      }
      if (m[2] && req.method === "PATCH") {
        const o = list.find((x) => x.id === m[2]);
        if (!o) return send(404, { status: "error", message: "Object not found" });
        Object.assign(o.properties, body.properties ?? {});
        return send(200, view(o));
      }
      return send(405, { status: "error", message: "Method not allowed" });
    }),
  );
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${port}`;
  return state;
}
