// The one vocabulary of who may do what. Every check in routes, sockets and jobs names a
// permission from these tables; nothing else decides access. Pure: no database here, so the
// tables can be read (and tested) at a glance. Every check lives in this folder:
// - `policy.server.ts`: the tables applied to rows (mayOnEvent, requireOnEvent, loadEventFor,
//   eventScope) and taking part (isConfirmedAttendee, isParticipant).
// - `events.server.ts`: creating events and the "Organise" area, managing or checking in at an
//   event (requireManagedEvent, canManageEvent), editing its agenda (requireAgendaEvent).
// - `meetings.server.ts`: roadshow meetings (requireOrganiser, requireParticipant, canHost,
//   hostsAt, requireHost).
// - `live.server.ts`: live Q&A and matchmaking rooms (eventAccess, canModerate, canParticipate,
//   requireQaParticipant, requireRoomParticipant).
// Capabilities ask these modules and only look rows up themselves. This folder imports only the
// kernel, accounts and the platform. One person acting has one type: `Actor` below.
import type { EventRole, UserRole } from "~/generated/prisma/enums";

/**
 * The person acting, built once per request (from the session cookie) or per socket (at the
 * handshake). Jobs act with the actor of whoever queued the work, or `null` for the platform.
 */
export interface Actor {
  readonly id: string;
  readonly roles: readonly UserRole[];
}

/** Platform roles: ADMIN holds every platform role. */
export function hasPlatformRole(actor: Pick<Actor, "roles"> | null | undefined, ...roles: readonly UserRole[]): boolean {
  return !!actor && actor.roles.some((role) => role === "ADMIN" || roles.includes(role));
}

export function isAdmin(actor: Pick<Actor, "roles"> | null | undefined): boolean {
  return !!actor && actor.roles.includes("ADMIN");
}

/**
 * What a role on an event's team grants. Platform admins hold every event permission.
 * - `event:staff`: see drafts and staff-only pages, join sessions (any team role).
 * - `event:manage`: edit the event, its agenda, tickets, registrations, meetings, team, tokens.
 * - `event:check-in`: scan and check people in at the door.
 * - `event:moderate`: moderate live Q&A, polls and rooms.
 */
export const EVENT_PERMISSIONS = {
  "event:staff": ["OWNER", "ORGANISER", "MODERATOR", "CHECKIN"],
  "event:manage": ["OWNER", "ORGANISER"],
  "event:check-in": ["OWNER", "ORGANISER", "CHECKIN"],
  "event:moderate": ["OWNER", "ORGANISER", "MODERATOR", "CHECKIN"],
} as const satisfies Record<string, readonly EventRole[]>;

export type EventPermission = keyof typeof EVENT_PERMISSIONS;

export function eventRolesGranting(permission: EventPermission): EventRole[] {
  return [...EVENT_PERMISSIONS[permission]];
}

export function eventRoleGrants(role: EventRole | null | undefined, permission: EventPermission): boolean {
  return !!role && (EVENT_PERMISSIONS[permission] as readonly EventRole[]).includes(role);
}
