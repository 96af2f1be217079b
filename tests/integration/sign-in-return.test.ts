import { describe, expect, it } from "vitest";
import { TEST_MANAGER } from "../support/credentials";
import { baseUrl } from "../support/http";
import { asUser } from "../support/session";

// After signing in, the app sends people back to the page they asked for:
// only ever a page of this app, whatever a crafted link puts in callbackUrl.

/** Where the sign-in page sends someone who is signed in already, as the browser would resolve it. */
async function returnTo(callbackUrl: string): Promise<URL> {
  const res = await asUser(TEST_MANAGER, `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`, { redirect: "manual" });
  expect(res.status, callbackUrl).toBe(307);
  return new URL(res.headers.get("location")!, baseUrl());
}

describe("sign-in return path", () => {
  it("goes back to the page asked for", async () => {
    const to = await returnTo("/calls?status=busy");
    expect(`${to.origin}${to.pathname}${to.search}`).toBe(`${baseUrl()}/calls?status=busy`);
  });

  it.each(["/\\example.org", "/\\/example.org", "//example.org", "/..//example.org", "/\t/example.org", "https://example.org/", "javascript:alert(1)"])(
    "stays on the app for %j",
    async (callbackUrl) => {
      const to = await returnTo(callbackUrl);
      expect(to.origin).toBe(baseUrl());
      expect(to.pathname).toBe("/");
    },
  );
});
