import { describe, expect, it } from "vitest";
import { answerCell, csvCell, csvRow, toCsv } from "./csv";

describe("csv", () => {
  it("leaves plain cells alone and quotes commas, quotes and line breaks", () => {
    expect(csvCell("Lisbon")).toBe("Lisbon");
    expect(csvCell("Lyon, France")).toBe('"Lyon, France"');
    expect(csvCell('The "PED" lab')).toBe('"The ""PED"" lab"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("defuses formulas in text cells", () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("+33 1 23")).toBe("'+33 1 23");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell(-5)).toBe("-5"); // numbers are data, not formulas
  });

  it("joins rows with CRLF behind a byte-order mark", () => {
    expect(csvRow(["a", "b,c"])).toBe('a,"b,c"');
    expect(toCsv(["Name", "City"], [["Anna", "Wien"]])).toBe("\uFEFFName,City\r\nAnna,Wien\r\n");
  });

  it("renders stored answers", () => {
    expect(answerCell(true)).toBe("Yes");
    expect(answerCell(false)).toBe("No");
    expect(answerCell(["Energy", "Mobility"])).toBe("Energy; Mobility");
    expect(answerCell(undefined)).toBe("");
  });
});
