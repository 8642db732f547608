// Every change to an existing meeting starts here: the row is locked for the transaction, and
// the actor's part in it is known. Someone who is not in the meeting cannot tell it exists.
import { DomainError } from "~/domain/kernel/errors";
import type { Tx } from "~/platform/db.server";
import { notFound } from "./roadshow.server";
import type { Actor } from "~/domain/access/permissions";
import { isUuid } from "~/domain/kernel/ids";
import { meetingEmailSelect, type MeetingForEmail } from "./emails.server";

export interface LockedMeeting extends MeetingForEmail {
  eventId: string;
  stopId: string | null;
  meetingPointId: string | null;
  noShow: boolean;
}

export async function lockMeeting(tx: Tx, meetingId: unknown, actor: Actor): Promise<{ meeting: LockedMeeting; side: "host" | "guest" }> {
  if (!isUuid(meetingId)) throw notFound("This meeting");
  await tx.$executeRaw`SELECT 1 FROM "Meeting" WHERE "id" = ${meetingId}::uuid FOR UPDATE`;
  const meeting = await tx.meeting.findUnique({
    where: { id: meetingId },
    select: { ...meetingEmailSelect, eventId: true, stopId: true, meetingPointId: true, noShow: true },
  });
  if (!meeting) throw notFound("This meeting");
  if (meeting.host.id === actor.id) return { meeting, side: "host" };
  if (meeting.guest.id === actor.id) return { meeting, side: "guest" };
  throw notFound("This meeting");
}

export function requireStatus(meeting: LockedMeeting, allowed: readonly string[], message: string): void {
  if (!allowed.includes(meeting.status)) throw new DomainError("CONFLICT", message);
}
