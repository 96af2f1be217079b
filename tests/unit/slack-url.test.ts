import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publicConfig, sealConfig } from "@/lib/destinations/config";
import { isSlackWebhookUrl, maskSlackUrl, SLACK_URL_ERROR } from "@/lib/destinations/kinds/slack/url";

// A Slack destination only posts to Slack's incoming-webhook hosts; the URL
// is a credential, shown back masked.

const TEST_HOSTS = process.env.SLACK_WEBHOOK_TEST_HOSTS;
beforeEach(() => {
  process.env.SECRETS_KEY = "33".repeat(32);
});
afterEach(() => {
  delete process.env.SECRETS_KEY;
  if (TEST_HOSTS === undefined) delete process.env.SLACK_WEBHOOK_TEST_HOSTS;
  else process.env.SLACK_WEBHOOK_TEST_HOSTS = TEST_HOSTS;
});

describe("Slack webhook URLs", () => {
  it("accept Slack's and GovSlack's incoming-webhook URLs only", () => {
    delete process.env.SLACK_WEBHOOK_TEST_HOSTS;
    expect(isSlackWebhookUrl("https://hooks.slack.com/services/T000/B000/XyZ9abc")).toBe(true);
    expect(isSlackWebhookUrl("https://hooks.slack-gov.com/services/T000/B000/XyZ9abc")).toBe(true);
    for (const url of [
      "https://example.com/hook",
      "http://hooks.slack.com/services/T000/B000/x",
      "https://hooks.slack.com:8443/services/T000/B000/x",
      "https://hooks.slack.com/workflows/T000/x",
      "https://hooks.slack.com.evil.example/services/T000/B000/x",
      "https://user:pw@hooks.slack.com/services/T000/B000/x",
      "http://127.0.0.1:8080/services/T1/B1/x",
      "not a url",
    ]) {
      expect(isSlackWebhookUrl(url), url).toBe(false);
    }
  });

  it("take a stand-in host only when the test environment names it", () => {
    process.env.SLACK_WEBHOOK_TEST_HOSTS = "127.0.0.1:*";
    expect(isSlackWebhookUrl("http://127.0.0.1:8080/services/T1/B1/x")).toBe(true);
    expect(isSlackWebhookUrl("http://localhost:8080/services/T1/B1/x")).toBe(false);
    process.env.SLACK_WEBHOOK_TEST_HOSTS = "127.0.0.1:9000";
    expect(isSlackWebhookUrl("http://127.0.0.1:8080/services/T1/B1/x")).toBe(false);
  });

  it("refuse another URL in plain words, and show a saved one masked with its last characters", () => {
    delete process.env.SLACK_WEBHOOK_TEST_HOSTS;
    expect(() => sealConfig("slack", { webhookUrl: "https://example.com/hook" })).toThrow(SLACK_URL_ERROR);
    const saved = sealConfig("slack", { webhookUrl: " https://hooks.slack.com/services/T000/B000/abcdXyZ9 " });
    expect(publicConfig("slack", saved)).toEqual({ webhookUrl: "set", webhookUrlMasked: "https://hooks.slack.com/services/…XyZ9" });
    expect(maskSlackUrl("https://hooks.slack-gov.com/services/T/B/secret1234/")).toBe("https://hooks.slack-gov.com/services/…1234");
  });
});
