// PostgreSQL constraint violations of the meeting tables, turned into the messages people see.
// The constraints (migration 20261128112500_meeting_guarantees) are the real guarantee; the code
// checks first only to give a more precise message.
import { DomainError } from "~/domain/kernel/errors";

export const SLOT_TAKEN_MESSAGE = "That slot was just taken — pick another.";
export const TABLE_TAKEN_MESSAGE = "No meeting table is free at that time any more — pick another slot.";
export const PERSON_BUSY_MESSAGE = "One of you already has a meeting or a pending request at that time — pick another slot.";

export interface ConstraintViolation {
  /** 23P01 exclusion, 23505 unique, 23514 check. */
  code: string;
  constraint: string | null;
}

/** Finds a PostgreSQL constraint violation in a Prisma (driver adapter) or pg error. */
export function constraintViolation(error: unknown): ConstraintViolation | null {
  const seen = new Set<unknown>();
  const stack: unknown[] = [error];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    const code = typeof record.originalCode === "string" ? record.originalCode : typeof record.code === "string" ? record.code : null;
    if (code && /^23(P01|505|514)$/.test(code)) {
      const message = String(record.originalMessage ?? record.message ?? "");
      const constraint = typeof record.constraint === "string" ? record.constraint : (/constraint "([^"]+)"/.exec(message)?.[1] ?? null);
      return { code, constraint };
    }
    stack.push(record.meta, record.cause, record.driverAdapterError);
  }
  return null;
}

/** The DomainError for a violation of one of the booking constraints; null for anything else. */
export function bookingConstraintError(error: unknown): DomainError | null {
  const violation = constraintViolation(error);
  if (!violation) return null;
  switch (violation.constraint) {
    case "Meeting_host_slot_excl":
      return new DomainError("SLOT_TAKEN", SLOT_TAKEN_MESSAGE);
    case "Meeting_point_excl":
      return new DomainError("SLOT_TAKEN", TABLE_TAKEN_MESSAGE);
    case "MeetingParticipant_no_overlap":
      return new DomainError("SLOT_TAKEN", PERSON_BUSY_MESSAGE);
    case "Meeting_not_with_yourself":
      return new DomainError("VALIDATION", "You cannot book a meeting with yourself.");
    default:
      return null;
  }
}

export function isTableClash(error: unknown): boolean {
  return constraintViolation(error)?.constraint === "Meeting_point_excl";
}

/** A deadlock or serialization failure: concurrent exclusion checks can wait on each other, and
 * PostgreSQL aborts one of them (40P01). Retrying is safe: the retry sees the winner's row. */
export function isRetryableConflict(error: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [error];
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    if (record.code === "P2034" || record.originalCode === "40P01" || record.originalCode === "40001" || record.code === "40P01" || record.code === "40001")
      return true;
    stack.push(record.meta, record.cause, record.driverAdapterError);
  }
  return false;
}
