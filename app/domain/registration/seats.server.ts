// The seat ledger. TicketType.taken counts every registration that holds a seat
// (SEAT_HOLDING_STATUSES) and is only ever changed by these two conditional updates, inside the
// transaction that changes the registration's status. The CHECK constraint
// (taken BETWEEN 0 AND capacity) is the last line of defence.
import type { Tx } from "~/platform/db.server";
import { offerNextInLine } from "./waitlist.server";

/**
 * Under a rush, registrations queue for the pool's connections (DATABASE_POOL_SIZE): waiting
 * for one is normal and must not fail the attempt, so the wait is generous. The transaction
 * itself is a handful of statements; its timeout only guards against a stuck connection.
 */
export const TX_OPTIONS = { maxWait: 120_000, timeout: 30_000 } as const;

/** Takes one seat if one is free; true when it did. Locks the ticket type row until commit. */
export async function takeSeat(tx: Tx, ticketTypeId: string): Promise<boolean> {
  const updated = await tx.$executeRaw`UPDATE "TicketType" SET "taken" = "taken" + 1 WHERE "id" = ${ticketTypeId}::uuid AND ("capacity" IS NULL OR "taken" < "capacity")`;
  return updated === 1;
}

/**
 * Gives one seat back and offers it to the next person on the waiting list, in the same
 * transaction: the row lock taken here keeps a newcomer from grabbing the seat first.
 */
export async function releaseSeat(tx: Tx, ticketTypeId: string, now: Date = new Date()): Promise<void> {
  await tx.$executeRaw`UPDATE "TicketType" SET "taken" = "taken" - 1 WHERE "id" = ${ticketTypeId}::uuid AND "taken" > 0`;
  await offerNextInLine(tx, ticketTypeId, now);
}
