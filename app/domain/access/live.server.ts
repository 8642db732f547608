// Who may take part in an event's live Q&A and rooms, and who moderates them. Taking part asks
// one question of registration: a CONFIRMED registration for the event.
import { DomainError } from "~/domain/kernel/errors";
import { db, type Db, type Tx } from "~/platform/db.server";
import type { Actor } from "./permissions";
import { isConfirmedAttendee, mayOnEvent } from "./policy.server";

/** A registered attendee: a CONFIRMED registration for the event (pending, waitlisted, cancelled do not count). */
export const canParticipate = isConfirmedAttendee;

/** Moderators: any organiser role of the event (owner, organiser, moderator, check-in), or an admin. */
export async function canModerate(actor: Actor | null, eventId: string, client: Tx | Db = db()): Promise<boolean> {
  return mayOnEvent(actor, "event:moderate", eventId, client);
}

export interface EventAccess {
  participant: boolean;
  moderator: boolean;
}

export async function eventAccess(actor: Actor | null, eventId: string, client: Tx | Db = db()): Promise<EventAccess> {
  if (!actor) return { participant: false, moderator: false };
  const [moderator, participant] = await Promise.all([canModerate(actor, eventId, client), canParticipate(actor.id, eventId, client)]);
  return { participant: participant || moderator, moderator };
}

/** Resolves an actor's access to an event; the socket layer passes a short-lived cache. */
export type AccessResolver = (actor: Actor | null, eventId: string) => Promise<EventAccess>;

/** Asking, voting and answering polls: a signed-in participant (see `eventAccess`). */
export function requireQaParticipant(actor: (Actor & { name: string }) | null, access: EventAccess): asserts actor is Actor & { name: string } {
  if (!actor) throw new DomainError("UNAUTHENTICATED", "Sign in to take part in the Q&A.");
  if (!access.participant) throw new DomainError("FORBIDDEN", "Only registered attendees of this event can take part in its Q&A.");
}

/** Entering a matchmaking room, chatting and contacting people there: a signed-in participant. */
export function requireRoomParticipant(actor: (Actor & { name: string }) | null, access: EventAccess): asserts actor is Actor & { name: string } {
  if (!actor) throw new DomainError("UNAUTHENTICATED", "Sign in to enter the room.");
  if (!access.participant) throw new DomainError("FORBIDDEN", "Only registered participants of this event can enter its rooms.");
}
