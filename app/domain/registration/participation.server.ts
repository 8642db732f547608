// What a registration means beyond its seat, kept in step in the transaction that changes it.
// Confirmed: a webinar reminds its attendees of its online sessions whether or not they added
// them to their agenda. Ended (cancelled by the attendee or an organiser): the person's agenda
// picks go (their seats on limited sessions freed), their pending reminders are withdrawn and
// their live meeting requests and meetings at the event are cancelled.
import { removeEventPicks } from "~/domain/agenda/personal.server";
import { cancelEventReminders, syncEventReminders, type ReminderTarget } from "~/domain/agenda/reminders.server";
import { withdrawFromEventMeetings } from "~/domain/meetings/withdraw.server";
import type { EventKind } from "~/generated/prisma/enums";
import type { Tx } from "~/platform/db.server";

/** A registration just became CONFIRMED. */
export async function startParticipation(
  tx: Tx,
  registration: { eventId: string; eventKind: EventKind | string; user: ReminderTarget },
  now: Date = new Date(),
): Promise<void> {
  if (registration.eventKind === "WEBINAR") await syncEventReminders(tx, registration.eventId, registration.user, now);
}

/** A registration ended: what the person had at the event goes with it. */
export async function endParticipation(tx: Tx, registration: { userId: string; eventId: string }, now: Date = new Date()) {
  const sessions = await removeEventPicks(tx, registration.userId, registration.eventId, now);
  await cancelEventReminders(tx, registration.eventId, registration.userId);
  const meetings = await withdrawFromEventMeetings(tx, registration.userId, registration.eventId, now);
  return { sessions, meetings };
}
