// Low-level iCalendar (RFC 5545) content-line helpers: TEXT escaping, parameter quoting,
// and folding by octets. Kept apart from render.ts so each rule can be tested on its own.

/** RFC 5545 §3.1: a content line SHOULD NOT be longer than 75 octets, excluding the CRLF. */
export const MAX_LINE_OCTETS = 75;

const CRLF = "\r\n";

/** Octets `codePoint` takes in UTF-8. Lone surrogates count as U+FFFD (3 octets), which is what encoders emit for them. */
function utf8OctetsOf(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Length of `text` in UTF-8 octets, without allocating a buffer. */
export function utf8ByteLength(text: string): number {
  let octets = 0;
  for (const character of text) octets += utf8OctetsOf(character.codePointAt(0)!);
  return octets;
}

/**
 * Folds one logical content line so that no physical line exceeds 75 octets of UTF-8.
 * The split only happens between code points, so a multi-byte character (ó, ł, Greek,
 * Cyrillic, emoji) is never cut in half. Continuation lines start with one space, which
 * counts towards their 75 octets and is removed again by unfolding.
 */
export function foldContentLine(line: string): string {
  // Fast path: every UTF-16 unit is at most 3 octets, so short lines cannot overflow.
  if (line.length * 3 <= MAX_LINE_OCTETS) return line;

  const physicalLines: string[] = [];
  let lineStart = 0;
  let lineOctets = 0;
  let octetLimit = MAX_LINE_OCTETS;
  for (let index = 0; index < line.length;) {
    const codePoint = line.codePointAt(index)!;
    const octets = utf8OctetsOf(codePoint);
    if (lineOctets + octets > octetLimit) {
      physicalLines.push(line.slice(lineStart, index));
      lineStart = index;
      lineOctets = 0;
      octetLimit = MAX_LINE_OCTETS - 1; // room for the leading space of a continuation line
    }
    lineOctets += octets;
    index += codePoint > 0xffff ? 2 : 1;
  }
  physicalLines.push(line.slice(lineStart));
  return physicalLines.join(`${CRLF} `);
}

/** Reverses any folding (CRLF followed by one space or tab), giving one logical line per entry. */
export function unfoldContentLines(text: string): string[] {
  const lines = text.replace(/\r\n[ \t]/g, "").split(CRLF);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Folds every logical line and joins them with CRLF, ending with a CRLF as RFC 5545 requires. */
export function serializeContentLines(lines: readonly string[]): string {
  let body = "";
  for (const line of lines) body += foldContentLine(line) + CRLF;
  return body;
}

// Lone UTF-16 surrogates cannot be encoded in UTF-8; they would turn into U+FFFD on the wire
// anyway, so replacing them here keeps our octet counting equal to what is sent.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// RFC 5545 TEXT (TSAFE-CHAR) forbids control characters other than HTAB; newlines are escaped.
const FORBIDDEN_CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
const NEEDS_SANITIZING = /[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF]/;

/**
 * Makes free text safe to put in a content line: normalises every line break to "\n" (so a
 * lone CR can never end a content line early), drops other control characters and repairs
 * lone surrogates. Does not escape — see {@link escapeText}.
 */
export function sanitizeText(text: string): string {
  // Fast path: most titles and descriptions contain nothing to repair.
  if (!NEEDS_SANITIZING.test(text)) return text;
  return text.replace(/\r\n?/g, "\n").replace(FORBIDDEN_CONTROL_CHARACTERS, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** RFC 5545 §3.3.11 TEXT escaping: backslash first, then semicolon, comma and newline. */
export function escapeText(text: string): string {
  return sanitizeText(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

/**
 * Encodes a value for a quoted parameter such as CN="…". RFC 5545 does not allow DQUOTE or
 * newlines inside a parameter value at all; RFC 6868 caret-encoding (^^, ^', ^n) carries
 * them, and ical.js decodes it. The surrounding quotes are added by the caller (or by `ics`).
 */
export function encodeParameterValue(value: string): string {
  return sanitizeText(value).replace(/\^/g, "^^").replace(/"/g, "^'").replace(/\n/g, "^n");
}
