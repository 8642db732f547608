// Password rules as NIST SP 800-63B (§5.1.1.2) asks: long enough, not a known-common password,
// not the account's own address — and no composition rules ("one digit, one symbol"), which
// push people to predictable patterns without making passwords harder to guess.
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; the cap only bounds the hashing work of one request. */
export const PASSWORD_MAX_LENGTH = 200;

let commonSet: Set<string> | undefined;
function common(): Set<string> {
  commonSet ??= new Set(COMMON_PASSWORDS.split("\n"));
  return commonSet;
}

/** Length counts characters as people see them (code points), so "ł" or "ö" count once. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * Why a password is refused, or null when it is acceptable. `context` holds words specific to
 * this account and service that must not be the password (the email, its local part).
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters — a few words make a good one.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const folded = password.normalize("NFKC").toLowerCase();
  if (common().has(folded) || /^(.)\1+$/.test(folded) || isSequence(folded)) {
    return "That password is one of the most commonly used, so it is guessed first. Choose another.";
  }
  const email = context.email?.trim().toLowerCase();
  if (email && (folded === email || folded === email.split("@")[0] || folded.includes(email))) {
    return "Your password must not be your email address.";
  }
  if (/scale[\s_-]*events?/.test(folded) && folded.replace(/scale[\s_-]*events?/g, "").replace(/[^a-z]/g, "").length < 4) {
    return "A password made of this site's name is guessed early. Choose another.";
  }
  return null;
}

/** "123456789012", "abcdefghijklm": each character one above (or below) the last. */
function isSequence(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  const step = codes[1] - codes[0];
  return Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - codes[i - 1] === step);
}
