import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "@/lib/http/retry-after";
import { tasksUrl } from "@/lib/providers/unpod/client";

describe("Unpod task API client", () => {
  it("builds the documented tasks URL, whatever the base URL's trailing slash", () => {
    const connection = { apiBaseUrl: "https://unpod.ai/api/v2/platform/", apiToken: "t", spaceToken: "8KZ AM", orgHandle: "acme" };
    expect(tasksUrl(connection, 3, 50).toString()).toBe("https://unpod.ai/api/v2/platform/spaces/8KZ%20AM/tasks/?page=3&page_size=50");
  });

  it("reads Retry-After as seconds or as an HTTP date, and waits a minute when it is missing or unreadable", () => {
    const now = Date.parse("2026-11-22T12:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBe(60_000);
    expect(parseRetryAfter("soon", now)).toBe(60_000);
  });
});
