import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeReturnPath("/calls?status=busy&q=roof#top")).toBe("/calls?status=busy&q=roof#top");
    expect(safeReturnPath("/calls/0190a1b2-0000-7000-8000-000000000000")).toBe("/calls/0190a1b2-0000-7000-8000-000000000000");
    expect(safeReturnPath("/admin/inbox?call=x")).toBe("/admin/inbox?call=x");
  });

  it("keeps an encoded backslash or slash, which browsers leave in the path", () => {
    // Browsers do not decode %5C or %2F when resolving a URL: these stay paths here.
    expect(safeReturnPath("/%5Cexample.org")).toBe("/%5Cexample.org");
    expect(safeReturnPath("/%2F%2Fexample.org")).toBe("/%2F%2Fexample.org");
  });

  it.each([
    ["//example.org"],
    ["/\\example.org"],
    ["/\\/example.org"],
    ["\\\\example.org"],
    ["/..//example.org"],
    ["/./\\example.org"],
    ["/a/../..//example.org"],
    ["https://example.org"],
    ["http:/example.org"],
    ["javascript:alert(1)"],
    ["/\t/example.org"],
    ["/\n/example.org"],
    ["/\r\n/example.org"],
    ["/calls\u0000"],
    [" //example.org"],
    ["example.org"],
    [""],
  ])("sends %j home instead", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("sends anything that is not one string home", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/calls", "//example.org"])).toBe("/");
  });

  it("does not send a signed-in user back to the sign-in page", () => {
    expect(safeReturnPath("/login")).toBe("/");
    expect(safeReturnPath("/login?callbackUrl=/calls")).toBe("/");
  });

  it("normalises what it keeps, so the result reads the same when parsed again", () => {
    expect(safeReturnPath("/calls/../hot-leads")).toBe("/hot-leads");
    expect(safeReturnPath("/calls?q=a b")).toBe("/calls?q=a%20b");
  });
});
