// What the registration tests read back: the seat ledger of a ticket type. Rows are built with
// the shared factories (../support/factories).
import { db } from "~/platform/db.server";

export const HOUR = 3_600_000;

export async function seatState(ticketTypeId: string) {
  const ticketType = await db().ticketType.findUniqueOrThrow({ where: { id: ticketTypeId }, select: { taken: true, capacity: true } });
  const holding = await db().registration.count({ where: { ticketTypeId, status: { in: ["CONFIRMED", "PENDING_APPROVAL", "PENDING_PAYMENT", "OFFERED"] } } });
  return { ...ticketType, holding };
}
