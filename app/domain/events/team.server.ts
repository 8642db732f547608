// An event's team (EventOrganiser rows): listing it, adding people by the email of their
// account, changing roles and removing people. Every change locks the event row
// (SELECT … FOR UPDATE), then reads the actor's own role and the owner count under that lock,
// so two owners demoting each other at once are serialised and the second one — no longer an
// owner — is refused: an event never loses its last owner.
import { isAdmin, type Actor } from "~/domain/access/permissions";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { teamMemberAddedEmail, teamMemberRemovedEmail, teamRoleChangedEmail } from "~/domain/notifications/emails/events";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { requireManagedEvent } from "~/domain/access/events.server";
import { emailEvent } from "~/domain/notifications/emails/layout";
import { db, type Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import {
  TEAM_ROLE_DESCRIPTIONS,
  TEAM_ROLE_LABELS,
  grantableRoles,
  isTeamRole,
  judgeTeamChange,
  type TeamStanding,
  type TeamChange,
  type TeamRole,
} from "./team-input";

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
  since: Date;
}

export interface TeamView {
  event: { id: string; slug: string; title: string; timeZone: string };
  members: TeamMember[];
  viewer: TeamStanding & { id: string; grantable: TeamRole[] };
  owners: number;
}

const NOT_ON_TEAM = "This person is not on the team (any more). Reload the page.";

function asRole(role: string): TeamRole {
  if (!isTeamRole(role)) throw new Error(`Unknown event role ${role}`);
  return role;
}

async function readMembers(client: Tx | ReturnType<typeof db>, eventId: string): Promise<TeamMember[]> {
  const rows = await client.eventOrganiser.findMany({
    where: { eventId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  });
  const order = (role: TeamRole) => ["OWNER", "ORGANISER", "MODERATOR", "CHECKIN"].indexOf(role);
  return rows
    .map((row) => ({ userId: row.user.id, name: row.user.name, email: row.user.email, role: asRole(row.role), since: row.createdAt }))
    .sort((a, b) => order(a.role) - order(b.role));
}

/** The team page: OWNER/ORGANISER of the event and admins only. */
export async function getTeam(user: Actor, slug: string): Promise<TeamView> {
  const event = await requireManagedEvent(user, slug, "manage");
  const members = await readMembers(db(), event.id);
  const mine = members.find((member) => member.userId === user.id);
  const actor: TeamStanding = { admin: isAdmin(user), role: mine?.role ?? null };
  return {
    event: { id: event.id, slug: event.slug, title: event.title, timeZone: event.timeZone },
    members,
    viewer: { ...actor, id: user.id, grantable: grantableRoles(actor) },
    owners: members.filter((member) => member.role === "OWNER").length,
  };
}

interface Locked {
  actor: TeamStanding;
  owners: number;
}

/** Locks the event row for the rest of the transaction; then reads who acts and how many owners remain. */
async function lockTeam(tx: Tx, eventId: string, user: Actor): Promise<Locked> {
  await tx.$queryRaw`SELECT 1 FROM "Event" WHERE id = ${eventId}::uuid FOR UPDATE`;
  const [mine, owners] = await Promise.all([
    tx.eventOrganiser.findUnique({ where: { eventId_userId: { eventId, userId: user.id } }, select: { role: true } }),
    tx.eventOrganiser.count({ where: { eventId, role: "OWNER" } }),
  ]);
  return { actor: { admin: isAdmin(user), role: mine ? asRole(mine.role) : null }, owners };
}

function enforce(locked: Locked, change: TeamChange): void {
  const verdict = judgeTeamChange(locked.actor, change, locked.owners);
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message);
}

/** Where each role starts working on the event. */
export function teamHomePath(slug: string, role: TeamRole): string {
  if (role === "OWNER" || role === "ORGANISER") return `/organise/events/${slug}/dashboard`;
  if (role === "CHECKIN") return `/organise/events/${slug}/check-in`;
  return `/events/${slug}/agenda`;
}

/**
 * Adds the person whose account uses `email`, with `role`, and emails them (outbox, same
 * transaction). Unknown email and someone already on the team are field errors.
 */
export async function addTeamMember(user: Actor, slug: string, input: { email: string; role: TeamRole }): Promise<TeamMember> {
  const event = await requireManagedEvent(user, slug, "manage");
  const email = input.email.trim().toLowerCase();
  return db().$transaction(async (tx) => {
    const locked = await lockTeam(tx, event.id, user);
    enforce(locked, { kind: "add", role: input.role });
    const person = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
    if (!person) {
      throw new DomainError("VALIDATION", "Please correct the fields marked below.", {
        fieldErrors: { email: "No account uses that email — ask them to sign up first" },
      });
    }
    const existing = await tx.eventOrganiser.findUnique({ where: { eventId_userId: { eventId: event.id, userId: person.id } }, select: { role: true } });
    if (existing) {
      const as = TEAM_ROLE_LABELS[asRole(existing.role)].toLowerCase();
      throw new DomainError("CONFLICT", "That person is already on the team.", {
        fieldErrors: { email: `${person.name} is already on the team (as ${as}). Change their role in the list instead.` },
      });
    }
    const row = await tx.eventOrganiser.create({ data: { eventId: event.id, userId: person.id, role: input.role }, select: { createdAt: true } });
    const content = teamMemberAddedEmail({
      attendeeName: person.name,
      event: emailEvent(event),
      roleLabel: TEAM_ROLE_LABELS[input.role],
      roleDescription: TEAM_ROLE_DESCRIPTIONS[input.role],
      addedBy: await actorName(tx, user.id),
      startUrl: `${publicUrl()}${teamHomePath(event.slug, input.role)}`,
    });
    await enqueueEmail(tx, { to: person.email, subject: content.subject, text: content.text, html: content.html });
    return { userId: person.id, name: person.name, email: person.email, role: input.role, since: row.createdAt };
  });
}

async function actorName(tx: Tx, userId: string): Promise<string | null> {
  return (await tx.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? null;
}

/** Gives a member another role. Owners are changed only by owners (or admins); the last owner stays one. */
export async function changeTeamRole(user: Actor, slug: string, input: { userId: unknown; role: TeamRole }): Promise<{ changed: boolean }> {
  const event = await requireManagedEvent(user, slug, "manage");
  const userId = requireUuid(input.userId, NOT_ON_TEAM);
  return db().$transaction(async (tx) => {
    const locked = await lockTeam(tx, event.id, user);
    const target = await tx.eventOrganiser.findUnique({ where: { eventId_userId: { eventId: event.id, userId } }, select: { role: true } });
    if (!target) throw new DomainError("NOT_FOUND", NOT_ON_TEAM);
    const from = asRole(target.role);
    enforce(locked, { kind: "role", from, to: input.role, self: userId === user.id });
    if (from === input.role) return { changed: false };
    const member = await tx.eventOrganiser.update({
      where: { eventId_userId: { eventId: event.id, userId } },
      data: { role: input.role },
      select: { user: { select: { name: true, email: true } } },
    });
    // People are told about changes others make to their access (not about their own).
    if (userId !== user.id) {
      const content = teamRoleChangedEmail({
        attendeeName: member.user.name,
        event: emailEvent(event),
        roleLabel: TEAM_ROLE_LABELS[input.role],
        roleDescription: TEAM_ROLE_DESCRIPTIONS[input.role],
        changedBy: await actorName(tx, user.id),
        startUrl: `${publicUrl()}${teamHomePath(event.slug, input.role)}`,
      });
      await enqueueEmail(tx, { to: member.user.email, subject: content.subject, text: content.text, html: content.html });
    }
    return { changed: true };
  });
}

/** Takes a member off the team (themselves included, unless they are the last owner). */
export async function removeTeamMember(user: Actor, slug: string, input: { userId: unknown }): Promise<{ self: boolean }> {
  const event = await requireManagedEvent(user, slug, "manage");
  const userId = requireUuid(input.userId, NOT_ON_TEAM);
  return db().$transaction(async (tx) => {
    const locked = await lockTeam(tx, event.id, user);
    const target = await tx.eventOrganiser.findUnique({ where: { eventId_userId: { eventId: event.id, userId } }, select: { role: true } });
    if (!target) throw new DomainError("NOT_FOUND", NOT_ON_TEAM);
    enforce(locked, { kind: "remove", from: asRole(target.role), self: userId === user.id });
    const member = await tx.eventOrganiser.delete({
      where: { eventId_userId: { eventId: event.id, userId } },
      select: { user: { select: { name: true, email: true } } },
    });
    if (userId !== user.id) {
      const content = teamMemberRemovedEmail({ attendeeName: member.user.name, event: emailEvent(event), removedBy: await actorName(tx, user.id) });
      await enqueueEmail(tx, { to: member.user.email, subject: content.subject, text: content.text, html: content.html });
    }
    return { self: userId === user.id };
  });
}
