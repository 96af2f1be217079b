import { describe, expect, it } from "vitest";
import { csvRows, neutraliseFormula } from "@/lib/calls/csv-cells";

describe("neutraliseFormula", () => {
  it.each([
    ['=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["  =1+1", "  '=1+1"],
  ])("puts a quote before a formula at the start: %j", (text, safe) => {
    expect(neutraliseFormula(text)).toBe(safe);
  });

  it.each([
    ['Asked for a quote;=HYPERLINK("http://x")', 'Asked for a quote;\'=HYPERLINK("http://x")'],
    ["Asked, =1+1 and; @A1", "Asked, '=1+1 and; '@A1"],
    ["a,+b;-c,\td", "a,'+b;'-c,'\td"],
    ["=a;=b", "'=a;'=b"],
  ])("and after a ; or , inside the cell: %j", (text, safe) => {
    expect(neutraliseFormula(text)).toBe(safe);
  });

  it.each(["+15551234567", "-12", "42", "3.5", "call +7 701 000 00 00, 1-2 pm", "Booked a visit", "e-mail me: a@b.c", "", "2026-03-01T10:00:00.000Z"])(
    "leaves %j readable",
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );

  it("passes numbers, booleans and nulls through", () => {
    expect(neutraliseFormula(-5)).toBe(-5);
    expect(neutraliseFormula(null)).toBeNull();
    expect(neutraliseFormula(true)).toBe(true);
  });
});

describe("csvRows", () => {
  it("quotes every cell, empty ones and the header included, and neutralises formulas", () => {
    const csv = csvRows([
      ["id", "customer_phone", "summary", "duration_sec", "email"],
      ["c1", "+15551234567", "ok;=1+1", 42, null],
    ]);
    expect(csv).toBe(`"id","customer_phone","summary","duration_sec","email"\n"c1","+15551234567","ok;'=1+1","42",""\n`);
  });

  it("keeps a quote or a line break inside one cell", () => {
    expect(csvRows([['say "hi"\n=then']])).toBe(`"say ""hi""\n=then"\n`);
  });
});
