import { describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/credentials";
import { deleteDestination } from "../support/destinations";
import { jsonOf, uniq } from "../support/http";
import { asUser } from "../support/session";

// A Slack destination's URL is a credential that only Slack should receive:
// it is checked against Slack's hosts, and only ever shown back masked.

const post = (webhookUrl: string) =>
  asUser(TEST_ADMIN, "/api/destinations", {
    method: "POST",
    body: JSON.stringify({ kind: "slack", name: uniq("#slack"), config: { webhookUrl }, rules: { calls: "hot" } }),
  });

interface Problem {
  status: number;
  detail: string;
  errors: { field: string; message: string }[];
}

describe("Slack destinations", () => {
  it("refuse a URL that is not Slack's incoming webhook, in plain words, naming the field for programs", async () => {
    for (const url of ["https://example.com/hook", "http://hooks.slack.com/services/T0/B0/x", "https://hooks.slack.com.evil.example/services/T0/B0/x"]) {
      const res = await post(url);
      expect(res.status, url).toBe(400);
      const problem = await jsonOf<Problem>(res);
      expect(problem.detail).toBe("Paste the Slack incoming-webhook URL: it starts with https://hooks.slack.com/services/ (Slack app → Incoming Webhooks).");
      expect(problem.errors).toEqual([{ field: "config.webhookUrl", message: problem.detail }]);
    }
  });

  it("save Slack's and GovSlack's URLs, and never send the URL back, only its masked form", async () => {
    for (const url of ["https://hooks.slack.com/services/T0123/B0456/abcdefXyZ9", "https://hooks.slack-gov.com/services/T0123/B0456/abcdefGov1"]) {
      const res = await post(url);
      expect(res.status).toBe(201);
      const created = await res.text();
      expect(created).not.toContain("abcdef");
      const { destination } = JSON.parse(created) as { destination: { id: string } };

      const read = await (await asUser(TEST_ADMIN, `/api/destinations/${destination.id}`)).text();
      expect(read).not.toContain("abcdef");
      expect(JSON.parse(read)).toMatchObject({
        config: { webhookUrl: "set", webhookUrlMasked: `${new URL(url).origin}/services/…${url.slice(-4)}` },
      });
      const list = await (await asUser(TEST_ADMIN, "/api/destinations")).text();
      expect(list).not.toContain("abcdef");
      const page = await (await asUser(TEST_ADMIN, `/admin/destinations/${destination.id}`)).text();
      expect(page).not.toContain("abcdef");
      expect(page).toContain(`/services/…${url.slice(-4)}`);

      // Changing something else keeps the saved URL; a wrong new one is refused.
      const rename = await asUser(TEST_ADMIN, `/api/destinations/${destination.id}`, { method: "PATCH", body: JSON.stringify({ name: "#renamed" }) });
      expect(rename.status).toBe(200);
      const wrong = await asUser(TEST_ADMIN, `/api/destinations/${destination.id}`, {
        method: "PATCH",
        body: JSON.stringify({ config: { webhookUrl: "https://example.com/hook" } }),
      });
      expect(wrong.status).toBe(400);
      expect(await deleteDestination(destination.id)).toMatchObject({ status: 200 });
    }
  });
});
