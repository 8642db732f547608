// CSV for spreadsheets: RFC 4180 quoting, CRLF rows, a UTF-8 byte-order mark so Excel reads
// accents right, and protection against formula injection — an attendee who types
// `=HYPERLINK(...)` as their organisation must not run it in the organiser's spreadsheet.

/** Cells that a spreadsheet would treat as a formula (OWASP: = + - @, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return cells.map(csvCell).join(",");
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return `\uFEFF${[csvRow(header), ...rows.map(csvRow)].join("\r\n")}\r\n`;
}

/** How a stored answer (RegistrationAnswer.value) reads in one cell. */
export function answerCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(String).join("; ");
  return String(value);
}
