// Who may take part in an event's live Q&A and rooms, and who moderates. Registration flows live
// elsewhere (issue 3); this asks one question of them: a CONFIRMED registration for the event.
import { hasRole } from "~/domain/accounts/accounts.server";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { db, type Db, type Tx } from "~/utils/db.server";

export type AccessUser = Pick<SessionUser, "id" | "roles">;

/** A registered attendee: a CONFIRMED registration for the event (pending, waitlisted, cancelled do not count). */
export async function canParticipate(userId: string, eventId: string, client: Tx | Db = db()): Promise<boolean> {
  const row = await client.registration.findFirst({ where: { userId, eventId, status: "CONFIRMED" }, select: { id: true } });
  return row !== null;
}

/** Moderators: any organiser role of the event (owner, organiser, moderator, check-in), or an admin. */
export async function canModerate(user: AccessUser | null, eventId: string, client: Tx | Db = db()): Promise<boolean> {
  if (!user) return false;
  if (hasRole(user, "ADMIN")) return true;
  const row = await client.eventOrganiser.findFirst({ where: { eventId, userId: user.id }, select: { eventId: true } });
  return row !== null;
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
