import { describe, expect, it } from "vitest";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { sql } from "../support/http";
import { asUser } from "../support/session";
import { configureSource, createSource } from "../support/sources";

// Admin changes land in the audit log with who, what, when, before and after,
// and never a secret.

type Entry = { actorEmail: string; action: string; targetId: string | null; targetName: string | null; before: unknown; after: unknown };
const audit = async (query: string) => ((await (await asUser(TEST_ADMIN, `/api/audit?${query}`)).json()) as { items: Entry[] }).items;

describe("audit log", () => {
  it("records a source change with before and after, secrets masked", async () => {
    const { slug } = await createSource("unpod");
    const token = "audit_secret_token_value";
    await configureSource(slug, { polling: { apiToken: token, spaceToken: "space", orgHandle: "acme", intervalSec: 0 } });
    await asUser(TEST_ADMIN, `/api/sources/${slug}`, { method: "PATCH", body: JSON.stringify({ enabled: false }) });

    const entries = (await audit("action=source.update")).filter((e) => e.targetId === slug);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actorEmail: TEST_ADMIN.email, before: { enabled: true }, after: { enabled: false } });
    expect(entries[1]).toMatchObject({ before: { settings: { polling: null } }, after: { settings: { polling: { apiToken: "set", orgHandle: "acme" } } } });
    const stored = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE before::text LIKE $1 OR after::text LIKE $1`, [`%${token}%`]);
    expect(stored[0].n).toBe(0);
  });

  it("filters by who, and is for admins only", async () => {
    // Managers act on follow-ups, review calls, keep their own alert rules and account; everything else is an admin's.
    const managers = ["follow-up.", "call.review", "alert_rule.", "account."];
    expect(
      (await audit(`actor=${encodeURIComponent(TEST_MANAGER.email)}`)).every(
        (e) => e.actorEmail === TEST_MANAGER.email && managers.some((prefix) => e.action.startsWith(prefix)),
      ),
    ).toBe(true);
    expect((await audit("actor=ADMIN@test")).every((e) => e.actorEmail === TEST_ADMIN.email)).toBe(true);
    expect((await asUser(TEST_MANAGER, "/api/audit")).status).toBe(403);
  });
});
