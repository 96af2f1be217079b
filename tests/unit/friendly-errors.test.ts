import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors, fieldLabel, friendlyDetail } from "@/lib/api/friendly-errors";
import { sealConfig } from "@/lib/destinations/config";
import { SettingsError } from "@/lib/security/sealed-settings";
import { applySettings } from "@/lib/sources/settings";

// What people read when what they sent does not validate: sentences naming
// the field by its label, never zod's paths or wording.

const errorsOf = (schema: z.ZodType, value: unknown, labels = {}) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error("expected a failure");
  return fieldErrors(parsed.error, labels);
};

const LIBRARY_TEXT = /Invalid (input|option)|expected|received|→|✖|\bat\b [a-z]+[A-Z]|\.\d+:/;

describe("friendly validation errors", () => {
  it("name fields in words", () => {
    expect(fieldLabel("webhookUrl")).toBe("Webhook URL");
    expect(fieldLabel("source_ids")).toBe("Source IDs");
    expect(fieldLabel("hotThreshold")).toBe("Hot threshold");
  });

  it("turn each kind of issue into a sentence, with the field path kept for programs", () => {
    const schema = z.object({
      name: z.string().min(1),
      provider: z.array(z.enum(["cllr", "hooman"])),
      hotThreshold: z.int().min(0).max(100),
      email: z.email(),
      url: z.url(),
      enabled: z.boolean(),
    });
    const errors = errorsOf(schema, { name: "", provider: ["nope"], hotThreshold: 140, email: "x", url: "not a url" });
    expect(errors).toEqual([
      { field: "name", message: "Name cannot be empty." },
      { field: "provider.0", message: "Provider must be one of: cllr, hooman." },
      { field: "hotThreshold", message: "Hot threshold must be 100 or less." },
      { field: "email", message: "Email must be an email address." },
      { field: "url", message: "URL must be a web address (https://…)." },
      { field: "enabled", message: "Enabled is required." },
    ]);
    for (const e of errors) expect(e.message).not.toMatch(LIBRARY_TEXT);
  });

  it("use a route's labels, and keep messages a schema wrote for people", () => {
    const schema = z.object({ minScore: z.number(), code: z.string().regex(/^[A-Z]{2}$/, "A country is two capital letters, such as US.") });
    expect(errorsOf(schema, { minScore: "high", code: "usa" }, { minScore: "Minimum score" })).toEqual([
      { field: "minScore", message: "Minimum score must be a number." },
      { field: "code", message: "A country is two capital letters, such as US." },
    ]);
  });

  it("say each sentence once in the detail", () => {
    expect(
      friendlyDetail([
        { field: "a", message: "Enter it." },
        { field: "b", message: "Enter it." },
        { field: "c", message: "Fix that." },
      ]),
    ).toBe("Enter it. Fix that.");
  });

  it("reach settings errors, with the group named in words", () => {
    try {
      applySettings("hubtalk", {}, { storage: { bucket: "", accessKeyId: "AKIA", secretAccessKey: "s" } });
      throw new Error("expected a failure");
    } catch (e) {
      expect(e).toBeInstanceOf(SettingsError);
      expect((e as SettingsError).message).toBe("Storage: Bucket cannot be empty.");
      expect((e as SettingsError).errors).toEqual([{ field: "storage.bucket", message: "Bucket cannot be empty." }]);
    }
    expect(() => sealConfig("webhook", { url: "ftp://x", secret: "nope" })).toThrow(
      "The receiver's http(s) URL is needed. A Standard Webhooks secret looks like whsec_ followed by base64.",
    );
  });
});
