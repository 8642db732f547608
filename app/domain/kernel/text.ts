// Cleaning what people type before it is stored or shown to others. Every capability that keeps
// free text (Q&A questions, room messages and topics, registration answers, organisers' notes,
// email subjects) uses these, so "what counts as empty" and "which characters never pass" are
// decided once.

// Control characters (tab and line feed excepted), zero-width characters and bidirectional
// overrides: invisible, and able to disguise what a text says.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;
// The same, tab included: messages and questions keep line breaks only.
const INVISIBLE_OR_TAB = /[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

/** CRLF and lone CR (from a <textarea>) become LF, so a line break counts as one character. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** Drops control (but tab and LF), zero-width and bidi-override characters. Does not trim. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/**
 * A chat message or a question: line breaks normalised, invisible characters and tabs removed,
 * at most one blank line in a row, trimmed.
 */
export function cleanMessage(text: string): string {
  return normaliseLineBreaks(text)
    .replace(INVISIBLE_OR_TAB, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A typed answer, tidied so limits and emptiness mean what they look like: NUL characters are
 * dropped (PostgreSQL's jsonb cannot store them), line breaks normalised, surrounding whitespace
 * trimmed ("   " counts as not answered).
 */
export function tidyTypedText(text: string): string {
  return normaliseLineBreaks(text.replace(/\u0000/g, "")).trim();
}

/** One header line (an email subject): user text must not be able to break it. */
export function singleLine(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
}
