// Who may do what with an event's agenda. Registration flows live elsewhere (issue 3); the
// agenda only asks one question of them: does this person hold a confirmed registration?
import { EVENT_PERMISSIONS } from "~/domain/access/permissions";
import { eventScope, isConfirmedAttendee, mayOnEvent } from "~/domain/access/policy.server";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { DomainError } from "~/domain/kernel/errors";
import { db, type Db, type Tx } from "~/platform/db.server";

/** A CONFIRMED registration for the event; pending, waitlisted or cancelled ones do not count. */
export const isRegisteredFor = isConfirmedAttendee;

/** Event roles that may edit the agenda (moderators and check-in staff may not). */
export const AGENDA_EDITOR_ROLES = EVENT_PERMISSIONS["event:manage"];

export type AgendaUser = Pick<SessionUser, "id" | "roles">;

/** True for the event's owners/organisers and platform admins. */
export async function canEditAgenda(user: AgendaUser | null, eventId: string, client: Tx | Db = db()): Promise<boolean> {
  return mayOnEvent(user, "event:manage", eventId, client);
}

/** Any organiser role (including moderators) of the event, or an admin: may see drafts and join. */
export async function isEventStaff(user: AgendaUser | null, eventId: string, client: Tx | Db = db()): Promise<boolean> {
  return mayOnEvent(user, "event:staff", eventId, client);
}

/**
 * The event an organiser is editing, scoped in the query: only events where the user is an
 * owner/organiser (admins: any). A published event the user does not organise is FORBIDDEN;
 * a draft or missing one is NOT_FOUND, so drafts do not leak their existence.
 */
export async function requireAgendaEvent(user: AgendaUser, where: { slug: string } | { id: string }, client: Tx | Db = db()) {
  const event = await client.event.findFirst({ where: { ...where, ...eventScope(user, "event:manage") } });
  if (event) return event;
  const exists = await client.event.findFirst({ where, select: { status: true } });
  if (exists && exists.status !== "DRAFT") throw new DomainError("FORBIDDEN", "Only this event's organisers can edit its agenda.");
  throw new DomainError("NOT_FOUND", "This event does not exist.");
}
