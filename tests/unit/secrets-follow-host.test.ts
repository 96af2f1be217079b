import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sealConfig } from "@/lib/destinations/config";
import { DEFAULT_UNPOD_API, unpodPollingSettings as pollingSettings } from "@/lib/providers/unpod/polling-settings";
import { applySettings } from "@/lib/sources/settings";
import { storageSettings } from "@/lib/storage/settings";
import { SettingsError } from "@/lib/security/sealed-settings";

// A saved secret is kept when a change leaves it empty, but never when the
// URL it is sent to moves to another scheme, host or port.

beforeEach(() => {
  process.env.SECRETS_KEY = "22".repeat(32);
});
afterEach(() => delete process.env.SECRETS_KEY);

const tokens = { apiToken: "api-token-1", spaceToken: "space-token-1", orgHandle: "acme" };
const polling = (settings: unknown, input: Record<string, unknown>) => applySettings("unpod", settings, { polling: input });

describe("saved secrets and host changes", () => {
  it("asks for both Unpod tokens again when apiBaseUrl moves host, including away from the default API", () => {
    const onDefault = polling({}, tokens);
    expect(pollingSettings(onDefault)!.apiBaseUrl).toBe(DEFAULT_UNPOD_API);
    expect(() => polling(onDefault, { orgHandle: "acme", apiBaseUrl: "https://unpod.evil.example/api" })).toThrow(
      new SettingsError(
        "Polling: The Unpod API address moved to another host: enter the API token and the space token again (a saved secret never follows an address to another host).",
        [
          { field: "polling.apiToken", message: "Enter the API token again." },
          { field: "polling.spaceToken", message: "Enter the space token again." },
        ],
      ),
    );
    // One token entered again: the other is still asked for.
    expect(() => polling(onDefault, { orgHandle: "acme", apiBaseUrl: "https://unpod.evil.example/api", apiToken: "new" })).toThrow(
      /enter the space token again/,
    );
    for (const moved of ["http://unpod.ai/api/v2/platform", "https://unpod.ai:8443/api/v2/platform"]) {
      expect(() => polling(onDefault, { orgHandle: "acme", apiBaseUrl: moved }), moved).toThrow(/Unpod API address moved to another host/);
    }

    const custom = polling({}, { ...tokens, apiBaseUrl: "https://unpod.example.com/api" });
    // Leaving apiBaseUrl out means the default API: a move too.
    expect(() => polling(custom, { orgHandle: "acme" })).toThrow(/Unpod API address moved to another host/);
    // Another path on the same host keeps them; so do both tokens entered again.
    expect(pollingSettings(polling(custom, { orgHandle: "acme", apiBaseUrl: "https://UNPOD.example.com:443/v3" }))).toMatchObject({ apiToken: "api-token-1" });
    expect(pollingSettings(polling(custom, { ...tokens, apiToken: "api-token-2", apiBaseUrl: "https://other.example/api" }))).toMatchObject({
      apiToken: "api-token-2",
    });
  });

  it("asks for the storage secret again when the endpoint moves, to or from AWS", () => {
    const store = { bucket: "b", accessKeyId: "AKIA1" };
    const onAws = applySettings("hubtalk", {}, { storage: { ...store, secretAccessKey: "s3-secret" } });
    expect(() => applySettings("hubtalk", onAws, { storage: { ...store, endpoint: "https://minio.example.com" } })).toThrow(
      /Storage: The storage endpoint moved to another host: enter the secret access key again/,
    );
    const onMinio = applySettings("hubtalk", onAws, { storage: { ...store, endpoint: "https://minio.example.com", secretAccessKey: "s3-secret" } });
    expect(() => applySettings("hubtalk", onMinio, { storage: store })).toThrow(/storage endpoint moved to another host/);
    expect(
      storageSettings(applySettings("hubtalk", onMinio, { storage: { ...store, region: "eu-west-1", endpoint: "https://minio.example.com/" } })),
    ).toMatchObject({
      secretAccessKey: "s3-secret",
      region: "eu-west-1",
    });
  });

  it("asks for a webhook's signing secret again when its URL moves host", () => {
    const secret = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
    const saved = sealConfig("webhook", { url: "https://hooks.example.com/calls", secret });
    expect(() => sealConfig("webhook", { url: "https://hooks.evil.example/calls" }, saved)).toThrow(
      /^The receiver URL moved to another host: enter the signing secret again/,
    );
    expect(() => sealConfig("webhook", { url: "https://hooks.evil.example/calls", secret: "" }, saved)).toThrow(/receiver URL moved to another host/);
    expect(sealConfig("webhook", { url: "https://hooks.example.com/v2" }, saved)).toMatchObject({ url: "https://hooks.example.com/v2" });
    expect(sealConfig("webhook", { url: "https://hooks.evil.example/calls", secret }, saved)).toMatchObject({ url: "https://hooks.evil.example/calls" });
    // A change that leaves the URL out keeps it, and the secret with it.
    expect(sealConfig("webhook", {}, saved)).toMatchObject({ url: "https://hooks.example.com/calls" });
  });
});
