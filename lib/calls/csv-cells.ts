import { stringify } from "csv-stringify/sync";

// CSV cells that a spreadsheet opens as text, never as a formula. Vendor text
// (summaries, names, outcomes) is attacker-controlled, and Excel, LibreOffice
// and Google Sheets run a cell starting with =, +, -, @ (or a tab or CR before
// one) as a formula: =HYPERLINK(…), =cmd|' /C calc'!A0 and the like.

/**
 * A plain number or an E.164 phone number is left as it is: a formula made of
 * a sign and digits computes a number and runs nothing, and "'+15551234567" in
 * every phone cell would be harder to read and to paste into a dialler.
 */
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Text with a `'` before a trigger character at its start, or right after a
 * `;` or `,` (and any spaces): a spreadsheet that splits cells on that other
 * separator would start a new cell there.
 */
export function neutraliseFormula(value: unknown): unknown {
  if (typeof value !== "string" || NUMBER.test(value)) return value;
  return value.replace(/(^|[;,])( *)(?=[=+\-@\t\r])/g, "$1$2'");
}

/** Rows as CSV, every cell quoted (a spreadsheet then never splits one), formulas neutralised. */
export function csvRows(rows: unknown[][]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseFormula)),
    { quoted: true, quoted_empty: true },
  );
}
