import { describe, expect, it } from "vitest";
import {
  MAX_LINE_OCTETS,
  encodeParameterValue,
  escapeText,
  foldContentLine,
  sanitizeText,
  serializeContentLines,
  unfoldContentLines,
  utf8ByteLength,
} from "./content-line";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** Splits folded output into physical lines at the byte level, so a cut inside a character shows up. */
function physicalLineBytes(folded: string): Uint8Array[] {
  const bytes = encoder.encode(folded);
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let index = 0; index < bytes.length - 1; index++) {
    if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a) {
      lines.push(bytes.subarray(start, index));
      start = index + 2;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

describe("utf8ByteLength", () => {
  it("counts octets, not characters", () => {
    for (const text of ["Zürich", "Łódź", "Έξυπνες πόλεις", "Умные города", "€", "🚲 bike", "Kraków"]) {
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, "utf8"));
    }
  });
});

describe("foldContentLine", () => {
  it("leaves lines of 75 octets or less alone", () => {
    const line = `SUMMARY:${"a".repeat(MAX_LINE_OCTETS - 8)}`;
    expect(foldContentLine(line)).toBe(line);
  });

  it("folds long ASCII lines with CRLF + space and unfolds back to the original", () => {
    const line = `DESCRIPTION:${"smart city ".repeat(40)}`;
    const folded = foldContentLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    expect(physical[0]).toHaveLength(75);
    for (const continuation of physical.slice(1)) expect(continuation.startsWith(" ")).toBe(true);
    for (const continuation of physical.slice(1, -1)) expect(continuation).toHaveLength(75);
    expect(unfoldContentLines(`${folded}\r\n`)).toEqual([line]);
  });

  // Every alignment of 2-, 3- and 4-octet characters against the 75-octet boundary.
  const samples = {
    "Polish (2-octet)": "Łódź Kraków Wrocław Gdańsk ",
    "Greek (2-octet)": "Έξυπνες πόλεις για τους πολίτες ",
    "Cyrillic (2-octet)": "Умные города Европы ",
    "Euro sign (3-octet)": "€€€ Göteborg Zürich ",
    "emoji (4-octet, surrogate pairs)": "🚲🚋🏙️ mobility ",
  };
  for (const [label, sample] of Object.entries(samples)) {
    it(`never exceeds 75 octets nor splits a character: ${label}`, () => {
      for (let shift = 0; shift < 4; shift++) {
        const line = `SUMMARY:${"x".repeat(shift)}${sample.repeat(12)}`;
        const folded = foldContentLine(line);
        const physical = physicalLineBytes(folded);
        expect(physical.length).toBeGreaterThan(1);
        physical.forEach((bytes, index) => {
          expect(bytes.length).toBeLessThanOrEqual(MAX_LINE_OCTETS);
          // A cut inside a multi-byte sequence makes a physical line invalid UTF-8 on its own.
          expect(() => strictUtf8.decode(bytes)).not.toThrow();
          // Lines are filled: only the last one may be much shorter than the limit.
          if (index < physical.length - 1) expect(bytes.length).toBeGreaterThan(MAX_LINE_OCTETS - 4);
        });
        expect(unfoldContentLines(folded)).toEqual([line]);
      }
    });
  }
});

describe("serializeContentLines / unfoldContentLines", () => {
  it("ends every line, including the last, with CRLF and round-trips", () => {
    const lines = ["BEGIN:VCALENDAR", `X-WR-CALNAME:${"Göteborg ".repeat(12)}`, "END:VCALENDAR"];
    const text = serializeContentLines(lines);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(unfoldContentLines(text)).toEqual(lines);
  });

  it("also unfolds tab continuations, which is how ics folds", () => {
    expect(unfoldContentLines("SUMMARY:Kra\r\n\tków\r\n")).toEqual(["SUMMARY:Kraków"]);
  });
});

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and newline as RFC 5545 TEXT", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("normalises CRLF and lone CR to an escaped newline", () => {
    expect(escapeText("one\r\ntwo\rthree")).toBe("one\\ntwo\\nthree");
  });

  it("keeps tabs and drops other control characters", () => {
    expect(escapeText("tab\there\u0000\u0007\u001b\u007f")).toBe("tab\there");
  });
});

describe("sanitizeText", () => {
  it("returns ordinary text unchanged", () => {
    const text = "Έξυπνες πόλεις, Łódź 🚲";
    expect(sanitizeText(text)).toBe(text);
  });

  it("replaces lone surrogates, which cannot be encoded in UTF-8", () => {
    expect(sanitizeText("a\uD83Db")).toBe("a\uFFFDb");
  });
});

describe("encodeParameterValue", () => {
  it("uses RFC 6868 caret encoding for quotes, carets and newlines", () => {
    expect(encodeParameterValue('Anna "AK" ^ Kowalska\nWarsaw')).toBe("Anna ^'AK^' ^^ Kowalska^nWarsaw");
  });
});
