// Membership of organisations: invitations by email, requests to join, roles, removal, leaving.
// Every change locks the organisation row (SELECT … FOR UPDATE) and reads the administrator
// count under that lock, so two administrators demoting or removing each other (or leaving) at
// once are serialised and the organisation never loses its last administrator. Every change is
// written to the audit log in the same transaction.
import { isAdmin, type Actor } from "~/domain/access/permissions";
import { mayOnOrganisation, requireOnOrganisation } from "~/domain/access/organisations.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { consumeToken, hashToken, issueToken, wellFormedToken } from "~/domain/kernel/tokens.server";
import { joinDecisionEmail, joinRequestEmail, organisationInvitationEmail } from "~/domain/notifications/emails/community";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import type { MembershipRole } from "~/generated/prisma/enums";
import { db, type Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { INVITATION_TTL_MS, LAST_ADMIN_MESSAGE, MEMBERSHIP_ROLE_LABELS, MEMBERSHIP_ROLES, losesLastAdmin } from "./community-forms";

const RANK: Record<MembershipRole, number> = { MEMBER: 0, REPRESENTATIVE: 1, ADMIN: 2 };
export const membersPath = (slug: string) => `/organisations/${encodeURIComponent(slug)}/members`;

/** Locks the organisation row: every membership change of one organisation runs one at a time. */
async function lockOrganisation(tx: Tx, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Organisation" WHERE "id" = ${organisationId}::uuid FOR UPDATE`;
}

async function adminCount(tx: Tx, organisationId: string): Promise<number> {
  return tx.membership.count({ where: { organisationId, role: "ADMIN" } });
}

async function organisationBySlug(slug: string) {
  const organisation = await db().organisation.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, kind: true } });
  if (!organisation) throw new DomainError("NOT_FOUND", "This organisation does not exist.");
  return organisation;
}

// ───────────────────────────── the members page ─────────────────────────────

export async function membersPage(actor: Actor, slug: string) {
  const organisation = await organisationBySlug(slug);
  const manages = await mayOnOrganisation(actor, "organisation:manage", organisation.id);
  const own = await db().membership.findUnique({
    where: { userId_organisationId: { userId: actor.id, organisationId: organisation.id } },
    select: { role: true },
  });
  const pendingJoin = await db().joinRequest.findFirst({
    where: { organisationId: organisation.id, userId: actor.id, status: "PENDING" },
    select: { id: true },
  });
  const base = { organisation, viewer: { id: actor.id, role: own?.role ?? null, manages, admin: isAdmin(actor), joinPending: pendingJoin !== null } };
  if (!manages) return { ...base, members: [], requests: [], invitations: [] };
  const [members, requests, invitations] = await Promise.all([
    db().membership.findMany({
      where: { organisationId: organisation.id },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, jobTitle: true } } },
      orderBy: [{ createdAt: "asc" }],
    }),
    db().joinRequest.findMany({
      where: { organisationId: organisation.id, status: "PENDING" },
      select: { id: true, message: true, createdAt: true, user: { select: { id: true, name: true, jobTitle: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db().organisationInvitation.findMany({
      where: { organisationId: organisation.id, status: "PENDING", expiresAt: { gt: new Date() } },
      select: { id: true, email: true, role: true, expiresAt: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return {
    ...base,
    members: members
      .map((m) => ({ userId: m.user.id, name: m.user.name, jobTitle: m.user.jobTitle, role: m.role, since: m.createdAt }))
      .sort((a, b) => RANK[b.role] - RANK[a.role]),
    requests: requests.map((r) => ({ id: r.id, message: r.message, createdAt: r.createdAt, userId: r.user.id, name: r.user.name, jobTitle: r.user.jobTitle })),
    invitations,
  };
}

// ───────────────────────────── invitations ─────────────────────────────

/**
 * Invites an address. While an invitation to the same address is pending, inviting again sends
 * nothing: the partial unique index (one pending invitation per organisation and address)
 * decides, so two administrators inviting the same colleague at once send one email.
 */
export async function inviteMember(actor: Actor, slug: string, input: { email: string; role: MembershipRole }): Promise<{ sent: boolean }> {
  const organisation = await requireOnOrganisation(actor, "organisation:manage", slug);
  const already = await db().membership.findFirst({ where: { organisationId: organisation.id, user: { email: input.email } }, select: { userId: true } });
  if (already) throw new DomainError("CONFLICT", "This person is already a member.", { fieldErrors: { email: "Already a member of this organisation." } });
  return db().$transaction(async (tx) => {
    const now = new Date();
    await tx.organisationInvitation.updateMany({
      where: { organisationId: organisation.id, email: input.email, status: "PENDING", expiresAt: { lte: now } },
      data: { status: "EXPIRED" },
    });
    const token = await issueToken(tx, { userId: actor.id, purpose: "ORG_INVITATION", ttlMs: INVITATION_TTL_MS, email: input.email, now });
    const tokenHash = hashToken(token);
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "OrganisationInvitation" ("organisationId", "email", "role", "invitedById", "tokenHash", "expiresAt")
      VALUES (${organisation.id}::uuid, ${input.email}, ${input.role}::"MembershipRole", ${actor.id}::uuid, ${tokenHash}, ${new Date(now.getTime() + INVITATION_TTL_MS)})
      ON CONFLICT ("organisationId", "email") WHERE "status" = 'PENDING' DO NOTHING
      RETURNING "id"`;
    if (inserted.length === 0) {
      // Already invited and still pending: the first link stays the one link.
      await tx.accountToken.deleteMany({ where: { tokenHash } });
      return { sent: false };
    }
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    await enqueueEmail(tx, {
      to: input.email,
      ...organisationInvitationEmail({
        inviterName: inviter.name,
        organisationName: organisation.name,
        roleLabel: MEMBERSHIP_ROLE_LABELS[input.role],
        url: `${publicUrl()}/invitations/${token}`,
      }),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "invitation.sent",
      subjectType: "invitation",
      subjectId: inserted[0].id,
      // The address stays on the invitation row (erased with it), never in the append-only log.
      after: { organisationId: organisation.id, role: input.role },
    });
    return { sent: true };
  });
}

export async function revokeInvitation(actor: Actor, slug: string, invitationId: string): Promise<void> {
  const organisation = await requireOnOrganisation(actor, "organisation:manage", slug);
  const id = requireUuid(invitationId, "This invitation does not exist.");
  await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ tokenHash: string }[]>`
      UPDATE "OrganisationInvitation" SET "status" = 'WITHDRAWN', "decidedAt" = now()
      WHERE "id" = ${id}::uuid AND "organisationId" = ${organisation.id}::uuid AND "status" = 'PENDING'
      RETURNING "tokenHash"`;
    if (!row) throw new DomainError("NOT_FOUND", "This invitation is no longer pending.");
    await tx.accountToken.updateMany({ where: { tokenHash: row.tokenHash, usedAt: null }, data: { usedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "invitation.withdrawn",
      subjectType: "invitation",
      subjectId: id,
      before: { status: "PENDING" },
      after: { status: "WITHDRAWN" },
    });
  });
}

const INVALID_INVITATION = "This invitation link is no longer valid: it was used, withdrawn or has expired. Ask the organisation for a new one.";

/** What the invitation page shows before accepting (nothing is used). */
export async function viewInvitation(token: unknown) {
  if (!wellFormedToken(token)) return null;
  const row = await db().organisationInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      status: true,
      expiresAt: true,
      email: true,
      role: true,
      organisation: { select: { name: true, slug: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!row || row.status !== "PENDING" || row.expiresAt <= new Date()) return null;
  return { email: row.email, role: row.role, organisation: row.organisation, inviterName: row.invitedBy.name };
}

/**
 * Accepts with the link's token, for the signed-in person the invitation was sent to. The token
 * is used once (conditional UPDATE); a person signed in with another address is refused and the
 * token stays unused (the transaction rolls back).
 */
export async function acceptInvitation(actor: Actor & { email: string }, token: unknown): Promise<{ slug: string; role: MembershipRole }> {
  return db().$transaction(async (tx) => {
    const used = await consumeToken(tx, "ORG_INVITATION", token);
    if (!used) throw new DomainError("INVALID_TOKEN", INVALID_INVITATION);
    if (used.email !== actor.email.toLowerCase()) {
      throw new DomainError("FORBIDDEN", "This invitation was sent to another email address. Sign in with that address to accept it.");
    }
    const [invitation] = await tx.$queryRaw<{ id: string; organisationId: string; role: MembershipRole }[]>`
      UPDATE "OrganisationInvitation" SET "status" = 'APPROVED', "acceptedById" = ${actor.id}::uuid, "decidedAt" = now()
      WHERE "tokenHash" = ${hashToken(token as string)} AND "status" = 'PENDING'
      RETURNING "id", "organisationId", "role"`;
    if (!invitation) throw new DomainError("INVALID_TOKEN", INVALID_INVITATION);
    await lockOrganisation(tx, invitation.organisationId);
    const before = await tx.membership.findUnique({ where: { userId_organisationId: { userId: actor.id, organisationId: invitation.organisationId } } });
    const role = before && RANK[before.role] >= RANK[invitation.role] ? before.role : invitation.role;
    await tx.membership.upsert({
      where: { userId_organisationId: { userId: actor.id, organisationId: invitation.organisationId } },
      create: { userId: actor.id, organisationId: invitation.organisationId, role },
      update: { role },
    });
    await tx.joinRequest.updateMany({
      where: { organisationId: invitation.organisationId, userId: actor.id, status: "PENDING" },
      data: { status: "WITHDRAWN", decidedAt: new Date() },
    });
    // The link reached this address and this account uses it: the address is confirmed.
    await tx.user.updateMany({ where: { id: actor.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.joined-by-invitation",
      subjectType: "membership",
      subjectId: `${invitation.organisationId}:${actor.id}`,
      before: before ? { role: before.role } : null,
      after: { role, invitationId: invitation.id },
    });
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: invitation.organisationId }, select: { slug: true } });
    return { slug: organisation.slug, role };
  });
}

// ───────────────────────────── requests to join ─────────────────────────────

export async function requestToJoin(actor: Actor, slug: string, message?: string): Promise<{ created: boolean }> {
  const organisation = await organisationBySlug(slug);
  const member = await db().membership.findUnique({ where: { userId_organisationId: { userId: actor.id, organisationId: organisation.id } } });
  if (member) throw new DomainError("CONFLICT", "You are already a member of this organisation.");
  return db().$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "JoinRequest" ("organisationId", "userId", "message") VALUES (${organisation.id}::uuid, ${actor.id}::uuid, ${message ?? null})
      ON CONFLICT ("organisationId", "userId") WHERE "status" = 'PENDING' DO NOTHING RETURNING "id"`;
    if (inserted.length === 0) return { created: false };
    const requester = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    const admins = await tx.membership.findMany({
      where: { organisationId: organisation.id, role: "ADMIN" },
      select: { user: { select: { name: true, email: true } } },
    });
    for (const { user } of admins) {
      await enqueueEmail(tx, {
        to: user.email,
        ...joinRequestEmail({
          adminName: user.name,
          requesterName: requester.name,
          organisationName: organisation.name,
          message,
          url: `${publicUrl()}${membersPath(slug)}`,
        }),
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "join-request.created",
      subjectType: "join-request",
      subjectId: inserted[0].id,
      after: { organisationId: organisation.id },
    });
    return { created: true };
  });
}

/** Approves or refuses a pending request: decided once (conditional update), audited, emailed. */
export async function decideJoinRequest(actor: Actor, slug: string, requestId: string, approve: boolean): Promise<void> {
  const organisation = await requireOnOrganisation(actor, "organisation:manage", slug);
  const id = requireUuid(requestId, "This request does not exist.");
  await db().$transaction(async (tx) => {
    await lockOrganisation(tx, organisation.id);
    const [row] = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "JoinRequest" SET "status" = ${approve ? "APPROVED" : "REFUSED"}::"RequestStatus", "decidedById" = ${actor.id}::uuid, "decidedAt" = now()
      WHERE "id" = ${id}::uuid AND "organisationId" = ${organisation.id}::uuid AND "status" = 'PENDING' RETURNING "userId"`;
    if (!row) throw new DomainError("CONFLICT", "This request was already decided. Reload the page.");
    if (approve) {
      await tx.membership.upsert({
        where: { userId_organisationId: { userId: row.userId, organisationId: organisation.id } },
        create: { userId: row.userId, organisationId: organisation.id, role: "MEMBER" },
        update: {},
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: approve ? "membership.join-approved" : "membership.join-refused",
      subjectType: "join-request",
      subjectId: id,
      before: { status: "PENDING" },
      after: { status: approve ? "APPROVED" : "REFUSED", userId: row.userId, organisationId: organisation.id, ...(approve ? { role: "MEMBER" } : {}) },
    });
    const person = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { name: true, email: true } });
    await enqueueEmail(tx, {
      to: person.email,
      ...joinDecisionEmail({ name: person.name, organisationName: organisation.name, approved: approve, url: `${publicUrl()}${membersPath(slug)}` }),
    });
  });
}

// ───────────────────────────── roles, removal, leaving ─────────────────────────────

type MemberChange = { kind: "role"; userId: string; role: MembershipRole } | { kind: "remove"; userId: string } | { kind: "leave" };

/**
 * One change of membership, under the organisation's lock: the actor's standing and the admin
 * count are read after the lock, so of two administrators leaving (or demoting each other) at
 * once, the second sees one administrator left and is refused.
 */
export async function changeMembership(actor: Actor, slug: string, change: MemberChange): Promise<{ changed: boolean }> {
  const organisation = await organisationBySlug(slug);
  const userId = change.kind === "leave" ? actor.id : requireUuid(change.userId, "This person is not a member.");
  if (change.kind === "role" && !MEMBERSHIP_ROLES.includes(change.role)) throw new DomainError("VALIDATION", "Choose a role.");
  return db().$transaction(async (tx) => {
    await lockOrganisation(tx, organisation.id);
    if (change.kind !== "leave" && !(await mayOnOrganisation(actor, "organisation:manage", organisation.id, tx))) {
      throw new DomainError("FORBIDDEN", "Only the administrators of this organisation can do that.");
    }
    const current = await tx.membership.findUnique({ where: { userId_organisationId: { userId, organisationId: organisation.id } } });
    if (!current)
      throw new DomainError(
        "NOT_FOUND",
        change.kind === "leave" ? "You are not a member of this organisation." : "This person is not a member (any more). Reload the page.",
      );
    const to = change.kind === "role" ? change.role : null;
    if (to === current.role) return { changed: false };
    if (losesLastAdmin(current.role, to, await adminCount(tx, organisation.id))) throw new DomainError("CONFLICT", LAST_ADMIN_MESSAGE);
    if (to) await tx.membership.update({ where: { userId_organisationId: { userId, organisationId: organisation.id } }, data: { role: to } });
    else await tx.membership.delete({ where: { userId_organisationId: { userId, organisationId: organisation.id } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: change.kind === "role" ? "membership.role-changed" : change.kind === "remove" ? "membership.removed" : "membership.left",
      subjectType: "membership",
      subjectId: `${organisation.id}:${userId}`,
      before: { role: current.role },
      after: to ? { role: to } : null,
    });
    return { changed: true };
  });
}
