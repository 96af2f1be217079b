import { describe, expect, it } from "vitest";
import { listHotLeads } from "@/lib/calls/hot-leads";
import { sql } from "../support/http";

// Hot leads page through every unhandled hot call with keyset cursors, in the
// list's order (score, then newest), and say how many there are in all.

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
