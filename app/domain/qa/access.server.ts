// Who may take part in an event's live Q&A and rooms, and who moderates. Registration flows live
// elsewhere (issue 3); this asks one question of them: a CONFIRMED registration for the event.
import { isConfirmedAttendee, mayOnEvent } from "~/domain/access/policy.server";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { db, type Db, type Tx } from "~/platform/db.server";

export type AccessUser = Pick<SessionUser, "id" | "roles">;

/** A registered attendee: a CONFIRMED registration for the event (pending, waitlisted, cancelled do not count). */
export const canParticipate = isConfirmedAttendee;

/** Moderators: any organiser role of the event (owner, organiser, moderator, check-in), or an admin. */
export async function canModerate(user: AccessUser | null, eventId: string, client: Tx | Db = db()): Promise<boolean> {
  return mayOnEvent(user, "event:moderate", eventId, client);
}

export interface EventAccess {
  participant: boolean;
  moderator: boolean;
}

export async function eventAccess(user: AccessUser | null, eventId: string, client: Tx | Db = db()): Promise<EventAccess> {
  if (!user) return { participant: false, moderator: false };
  const [moderator, participant] = await Promise.all([canModerate(user, eventId, client), canParticipate(user.id, eventId, client)]);
  return { participant: participant || moderator, moderator };
}
