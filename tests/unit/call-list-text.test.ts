import { describe, expect, it } from "vitest";
import { formatPhone } from "@/components/calls/phone";
import { isCurrent } from "@/components/layout/nav-items";

describe("the call list's words", () => {
  it("shows phone numbers in international format, and anything else as sent", () => {
    expect(formatPhone("+14155550190")).toBe("+1 415 555 0190");
    expect(formatPhone("+442071838750")).toBe("+44 20 7183 8750");
    expect(formatPhone("agent-7")).toBe("agent-7");
    expect(formatPhone(null)).toBeNull();
  });

  it("marks a header entry current on its page and its sub-pages, the overview only on itself", () => {
    expect(isCurrent("/calls", "/calls")).toBe(true);
    expect(isCurrent("/calls", "/calls/0190")).toBe(true);
    expect(isCurrent("/calls", "/callsx")).toBe(false);
    expect(isCurrent("/", "/calls")).toBe(false);
    expect(isCurrent("/", "/")).toBe(true);
  });
});
