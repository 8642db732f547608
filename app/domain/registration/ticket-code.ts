// Ticket codes: printed under the QR code and typed by hand at the door when a scanner fails,
// so they avoid look-alike characters (0/O, 1/I/L) and are grouped for reading aloud.
import { randomInt } from "node:crypto";

/** Crockford-like alphabet without 0, 1, I, L, O: 31 symbols, unambiguous when read aloud. */
export const TICKET_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const GROUP = 5;
const LENGTH = 10; // 31^10 ≈ 8·10^14 codes: unguessable for a door, collision-free in practice.

/** A fresh code such as "K7QF3-MZP9D". */
export function generateTicketCode(): string {
  let raw = "";
  for (let i = 0; i < LENGTH; i++) raw += TICKET_CODE_ALPHABET[randomInt(TICKET_CODE_ALPHABET.length)];
  return `${raw.slice(0, GROUP)}-${raw.slice(GROUP)}`;
}

/**
 * What someone typed or a scanner sent, in the stored form — or null when it cannot be a code.
 * Forgives case, spaces, missing or extra dashes, and the look-alikes O→0… are not in the
 * alphabet, so they are mapped to what a person most likely meant.
 */
export function normaliseTicketCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (compact.length !== LENGTH) return null;
  for (const character of compact) if (!TICKET_CODE_ALPHABET.includes(character)) return null;
  return `${compact.slice(0, GROUP)}-${compact.slice(GROUP)}`;
}
