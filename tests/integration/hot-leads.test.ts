import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { listHotLeads, type HotLeadFilters } from "@/lib/calls/hot-leads";
import { TEST_MANAGER } from "../support/credentials";
import { sql, uniq } from "../support/http";
import { ownCalls, type OwnCalls } from "../support/own-calls";
import { asUser } from "../support/session";

// Hot leads page through every unhandled hot call with keyset cursors, in the
// list's order (score, then newest), and say how many there are in all; the
// call list's filters narrow them.

describe("hot leads paging", () => {
  it("covers every hot lead once, forward and back, and its total is the SQL count", async () => {
    const direct = await sql<{ id: string }>(
      "SELECT id FROM calls WHERE is_hot AND handled_at IS NULL AND NOT is_test ORDER BY lead_score DESC, started_at DESC, id DESC",
    );
    const pages = [await listHotLeads({ handled: false, limit: 3 })];
    while (pages.at(-1)!.nextCursor) pages.push(await listHotLeads({ handled: false, limit: 3, cursor: pages.at(-1)!.nextCursor! }));
    const forward = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(forward).toEqual(direct.map((r) => r.id));
    expect(pages[0].total).toEqual({ count: direct.length, exact: true });
    expect(pages[0].prevCursor).toBeNull();

    const backward: string[] = [];
    let page = pages.at(-1)!;
    backward.unshift(...page.items.map((i) => i.id));
    while (page.prevCursor) {
      page = await listHotLeads({ handled: false, limit: 3, cursor: page.prevCursor });
      backward.unshift(...page.items.map((i) => i.id));
    }
    expect(backward).toEqual(forward);
  });

  it("refuses a cursor that is not one of its own", async () => {
    await expect(listHotLeads({ handled: false, cursor: "bm90LWEtY3Vyc29y" })).rejects.toThrow("The cursor is not valid");
  });
});

describe("hot leads filters", () => {
  let calls: OwnCalls;
  afterAll(async () => calls?.remove());

  it("narrow the list by the call list's filters, in either tab, with its total", async () => {
    calls = await ownCalls();
    const campaign = uniq("Leads");
    const name = `Zyx${randomUUID().slice(0, 6)}`;
    const recent = await calls.send(campaign, { minutesAgo: 30, name });
    const older = await calls.send(campaign, { minutesAgo: 20 * 24 * 60 });
    const handled = await calls.send(campaign, { minutesAgo: 60 });
    await calls.send(uniq("Elsewhere"), { minutesAgo: 10 });
    expect((await asUser(TEST_MANAGER, `/api/calls/${handled}/handled`, { method: "PUT", body: JSON.stringify({ handled: true }) })).status).toBe(200);

    const ids = async (filters: HotLeadFilters, tab = false) => {
      const page = await listHotLeads({ handled: tab, filters });
      expect(page.total).toEqual({ count: page.items.length, exact: true });
      return page.items.map((i) => i.id).sort();
    };
    expect(await ids({ campaign })).toEqual([recent, older].sort());
    expect(await ids({ campaign }, true)).toEqual([handled]);
    expect(await ids({ campaign, period: "7d" })).toEqual([recent]);
    expect(await ids({ campaign, from: new Date(Date.now() - 2 * 3600_000).toISOString() })).toEqual([recent]);
    expect(await ids({ campaign, provider: ["autocalls"] })).toEqual([recent, older].sort());
    expect(await ids({ campaign, provider: ["hooman"] })).toEqual([]);
    expect(await ids({ campaign, outcome: ["not_interested"] })).toEqual([]);
    expect(await ids({ campaign, minScore: 100 })).toEqual([]);
    expect(await ids({ q: name })).toEqual([recent]);

    // The page reads them from its URL, and keeps them on the Handled tab.
    const html = async (query: string) => (await asUser(TEST_MANAGER, `/hot-leads?${query}`)).text();
    const shown = (page: string) => [recent, older, handled].filter((id) => page.includes(`/calls/${id}`)).sort();
    expect(shown(await html(`campaign=${campaign}&period=7d`))).toEqual([recent]);
    expect(shown(await html(`campaign=${campaign}&view=handled`))).toEqual([handled]);
    expect(await html("status=bogus")).toContain("These filters are not valid");
  });
});
