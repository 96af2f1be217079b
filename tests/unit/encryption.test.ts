import { afterEach, describe, expect, it } from "vitest";
import { decrypt, encrypt, EncryptionKeyMissing } from "@/lib/security/encryption";
import { pollingInterval } from "@/lib/polling/interval";
import { unpodPollingSettings } from "@/lib/providers/unpod/polling-settings";
import { applySettings, publicSettings } from "@/lib/sources/settings";

const KEY_A = "11".repeat(32);
const KEY_B = Buffer.alloc(32, 7).toString("base64");

afterEach(() => {
  delete process.env.SECRETS_KEY;
  delete process.env.SECRETS_KEY_PREVIOUS;
});

describe("secrets at rest", () => {
  it("round-trips, with a fresh IV each time, and detects tampering", () => {
    process.env.SECRETS_KEY = KEY_A;
    const a = encrypt("unpod-token");
    expect(a).not.toContain("unpod-token");
    expect(encrypt("unpod-token")).not.toBe(a);
    expect(decrypt(a)).toBe("unpod-token");
    const parts = a.split(":");
    parts[5] = Buffer.from("unpod-tokeX").toString("base64url");
    expect(() => decrypt(parts.join(":"))).toThrow();
  });

  it("opens values sealed with the previous key after a rotation", () => {
    process.env.SECRETS_KEY = KEY_A;
    const old = encrypt("s3-secret");
    process.env.SECRETS_KEY = KEY_B;
    expect(() => decrypt(old)).toThrow(EncryptionKeyMissing);
    process.env.SECRETS_KEY_PREVIOUS = KEY_A;
    expect(decrypt(old)).toBe("s3-secret");
    expect(decrypt(encrypt("new"))).toBe("new");
  });

  it("refuses to work without a key of the right size", () => {
    expect(() => encrypt("x")).toThrow(/SECRETS_KEY is not set/);
    process.env.SECRETS_KEY = "short";
    expect(() => encrypt("x")).toThrow(/32 bytes/);
  });

  it("stores source tokens encrypted, shows them only as set, and keeps them when a change leaves them out", () => {
    process.env.SECRETS_KEY = KEY_A;
    const input = { apiToken: "tok-1", spaceToken: "space-1", orgHandle: "acme" };
    const saved = applySettings("unpod", {}, { polling: input });
    expect(JSON.stringify(saved)).not.toContain("tok-1");
    expect(publicSettings(saved).polling).toMatchObject({ apiToken: "set", spaceToken: "set", orgHandle: "acme", pageSize: 50, intervalSec: 60 });
    const changed = applySettings("unpod", saved, { polling: { orgHandle: "acme2", intervalSec: 300 } });
    expect(unpodPollingSettings(changed)).toMatchObject({ apiToken: "tok-1", spaceToken: "space-1", orgHandle: "acme2", intervalSec: 300 });
    expect(() => applySettings("cllr", {}, { polling: input })).toThrow(/no polling settings/);
    // The schedule reads the interval without the key: nothing is decrypted for it.
    delete process.env.SECRETS_KEY;
    expect(pollingInterval("unpod", changed)).toBe(300);
    expect(pollingInterval("unpod", applySettings("unpod", {}, {}))).toBeNull();
    expect(pollingInterval("cllr", changed)).toBeNull();
  });
});
