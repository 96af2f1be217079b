import { expect } from "vitest";
import { TEST_ADMIN } from "./credentials";
import { sendAutocallsCall } from "./destinations";
import { markTestCall } from "./mark-test";
import { asUser } from "./session";
import { createSource } from "./sources";

// Calls a test makes through a source's webhook (so the pipeline sets them up
// as it does any call), and their removal at the end: out of every rollup
// first, then deleted with their source, so the other tests' "rollups equal
// the calls" checks still hold.

export interface OwnCalls {
  slug: string;
  ids: string[];
  /** An Autocalls call (hot, by the fixture) in `campaign`, started `minutesAgo`, from a phone number of its own. */
  send: (campaign: string, opts?: { minutesAgo?: number; name?: string; overrides?: Record<string, unknown> }) => Promise<string>;
  remove: () => Promise<void>;
}

let phone = Date.now() % 10_000_000;

export async function ownCalls(): Promise<OwnCalls> {
  const source = await createSource("autocalls");
  const ids: string[] = [];
  return {
    slug: source.slug,
    ids,
    async send(campaign, { minutesAgo = 5, name = "Maria Lopez", overrides = {} } = {}) {
      const started = new Date(Date.now() - minutesAgo * 60_000);
      const number = `+1202${String(++phone % 10_000_000).padStart(7, "0")}`;
      const id = await sendAutocallsCall(source.slug, {
        recording_url: null,
        customer_phone: number,
        lead: { id: 991, phone_number: number, variables: { name } },
        input_variables: { name },
        campaign: { id: 12, name: campaign, status: "active" },
        created_at: started.toISOString(),
        finished_at: new Date(started.getTime() + 187_000).toISOString(),
        ...overrides,
      });
      ids.push(id);
      return id;
    },
    async remove() {
      for (const id of ids) await markTestCall(id);
      const res = await asUser(TEST_ADMIN, `/api/sources/${source.slug}`, { method: "DELETE" });
      expect(res.status).toBe(200);
    },
  };
}
