// The admin console's reads and writes: figures at a glance, people (search, roles, suspension),
// organisations (create, edit, merge duplicates) and reported introductions. Platform admins
// only; every write is audited in its own transaction.
import { requirePlatformAdmin } from "~/domain/access/organisations.server";
import type { Actor } from "~/domain/access/permissions";
import { endUserSessions } from "~/domain/accounts/sessions.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { publishUserRolesChanged } from "~/domain/community/user-changes.server";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { pageOf } from "~/domain/kernel/paging";
import type { Prisma } from "~/generated/prisma/client";
import type { UserRole } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { PLATFORM_ROLES, type OrganisationFields } from "./admin-forms";

export async function consoleFigures(actor: Actor | null) {
  requirePlatformAdmin(actor);
  const client = db();
  const [users, suspended, organisations, events, registrations, roleRequests, joinRequests, reports, outboxPending, outboxFailed, roleRows] =
    await Promise.all([
      client.user.count({ where: { deletedAt: null } }),
      client.user.count({ where: { suspendedAt: { not: null }, deletedAt: null } }),
      client.organisation.count(),
      client.event.count({ where: { status: "PUBLISHED" } }),
      client.registration.count({ where: { status: { in: ["CONFIRMED", "PENDING_PAYMENT"] } } }),
      client.roleRequest.count({ where: { status: "PENDING" } }),
      client.joinRequest.count({ where: { status: "PENDING" } }),
      client.introductionReport.count({ where: { resolvedAt: null } }),
      client.outboxEmail.count({ where: { status: "PENDING" } }),
      client.outboxEmail.count({ where: { status: "FAILED" } }),
      client.$queryRaw<{ role: string; n: bigint }[]>`SELECT unnest("roles")::text AS "role", count(*) AS "n" FROM "User" WHERE "deletedAt" IS NULL GROUP BY 1`,
    ]);
  const byRole = new Map(roleRows.map((row) => [row.role, Number(row.n)]));
  return {
    users,
    suspended,
    organisations,
    events,
    registrations,
    roleRequests,
    joinRequests,
    reports,
    outboxPending,
    outboxFailed,
    roles: PLATFORM_ROLES.map((role) => ({ role, count: byRole.get(role) ?? 0 })),
  };
}

// ───────────────────────────── people ─────────────────────────────

export const USERS_PAGE_SIZE = 25;

export async function searchUsers(actor: Actor | null, filter: { q?: string; page?: number }) {
  requirePlatformAdmin(actor);
  const q = filter.q?.trim();
  const where: Prisma.UserWhereInput = {
    deletedAt: null,
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q.toLowerCase() } }] } : {}),
  };
  const total = await db().user.count({ where });
  const { skip, take, ...paging } = pageOf(filter.page, total, USERS_PAGE_SIZE);
  const items = await db().user.findMany({
    where,
    select: { id: true, name: true, email: true, roles: true, suspendedAt: true, createdAt: true, emailVerifiedAt: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip,
    take,
  });
  return { items, paging };
}

export async function setUserRoles(actor: Actor | null, userId: string, roles: readonly UserRole[]): Promise<{ changed: boolean }> {
  requirePlatformAdmin(actor);
  const id = requireUuid(userId, "This person does not exist.");
  const wanted = [...new Set<UserRole>(["ATTENDEE", ...roles])].sort();
  if (id === actor.id && !wanted.includes("ADMIN")) throw new DomainError("CONFLICT", "You cannot take away your own administrator role.");
  const changed = await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { roles: UserRole[] }[]
    >`SELECT "roles"::text[] AS "roles" FROM "User" WHERE "id" = ${id}::uuid AND "deletedAt" IS NULL FOR UPDATE`;
    if (!row) throw new DomainError("NOT_FOUND", "This person does not exist.");
    if ([...row.roles].sort().join() === wanted.join()) return false;
    await tx.user.update({ where: { id }, data: { roles: wanted } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.roles-changed",
      subjectType: "user",
      subjectId: id,
      before: { roles: row.roles },
      after: { roles: wanted },
    });
    return true;
  });
  if (changed) publishUserRolesChanged(id);
  return { changed };
}

/**
 * Suspends an account: it can no longer sign in, its sessions are deleted and every socket it has
 * open closes on every node (the session-ended bus, relayed through the Socket.IO adapter).
 */
export async function suspendUser(actor: Actor | null, userId: string): Promise<{ sessionsEnded: number }> {
  requirePlatformAdmin(actor);
  const id = requireUuid(userId, "This person does not exist.");
  if (id === actor.id) throw new DomainError("CONFLICT", "You cannot suspend your own account.");
  await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ suspendedAt: Date }[]>`
      UPDATE "User" SET "suspendedAt" = now() WHERE "id" = ${id}::uuid AND "deletedAt" IS NULL AND "suspendedAt" IS NULL RETURNING "suspendedAt"`;
    if (!row) {
      const exists = await tx.user.count({ where: { id, deletedAt: null } });
      throw exists ? new DomainError("CONFLICT", "This account is already suspended.") : new DomainError("NOT_FOUND", "This person does not exist.");
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.suspended",
      subjectType: "user",
      subjectId: id,
      before: { suspendedAt: null },
      after: { suspendedAt: row.suspendedAt },
    });
  });
  return { sessionsEnded: await endUserSessions(id) };
}

export async function restoreUser(actor: Actor | null, userId: string): Promise<void> {
  requirePlatformAdmin(actor);
  const id = requireUuid(userId, "This person does not exist.");
  await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ suspendedAt: Date }[]>`
      UPDATE "User" u SET "suspendedAt" = NULL FROM (SELECT "id", "suspendedAt" FROM "User" WHERE "id" = ${id}::uuid FOR UPDATE) old
      WHERE u."id" = old."id" AND old."suspendedAt" IS NOT NULL RETURNING old."suspendedAt"`;
    if (!row) throw new DomainError("CONFLICT", "This account is not suspended.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.restored",
      subjectType: "user",
      subjectId: id,
      before: { suspendedAt: row.suspendedAt },
      after: { suspendedAt: null },
    });
  });
}

// ───────────────────────────── organisations ─────────────────────────────

export const ORGANISATIONS_PAGE_SIZE = 25;

export async function listOrganisationsForAdmin(actor: Actor | null, filter: { q?: string; page?: number }) {
  requirePlatformAdmin(actor);
  const q = filter.q?.trim();
  const where: Prisma.OrganisationWhereInput = q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { slug: { contains: q.toLowerCase() } }] } : {};
  const total = await db().organisation.count({ where });
  const { skip, take, ...paging } = pageOf(filter.page, total, ORGANISATIONS_PAGE_SIZE);
  const items = await db().organisation.findMany({
    where,
    select: { id: true, name: true, slug: true, kind: true, country: true, website: true, _count: { select: { memberships: true, organisedEvents: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip,
    take,
  });
  return { items, paging };
}

const SLUG_TAKEN = new DomainError("CONFLICT", "Another organisation already uses this address name.", {
  fieldErrors: { slug: "Already used by another organisation." },
});

export async function createOrganisation(actor: Actor | null, fields: OrganisationFields): Promise<{ id: string; slug: string }> {
  requirePlatformAdmin(actor);
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.organisation.create({ data: { ...fields, themes: [] }, select: { id: true, slug: true } });
      await recordAudit(tx, { actorId: actor.id, action: "organisation.created", subjectType: "organisation", subjectId: created.id, after: fields });
      return created;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw SLUG_TAKEN;
    throw error;
  }
}

export async function updateOrganisation(actor: Actor | null, organisationId: string, fields: OrganisationFields): Promise<void> {
  requirePlatformAdmin(actor);
  const id = requireUuid(organisationId, "This organisation does not exist.");
  try {
    await db().$transaction(async (tx) => {
      const before = await tx.organisation.findUnique({ where: { id }, select: { name: true, slug: true, kind: true, country: true, website: true } });
      if (!before) throw new DomainError("NOT_FOUND", "This organisation does not exist.");
      await tx.organisation.update({ where: { id }, data: fields });
      await recordAudit(tx, { actorId: actor.id, action: "organisation.edited", subjectType: "organisation", subjectId: id, before, after: fields });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw SLUG_TAKEN;
    throw error;
  }
}

/**
 * Merges a duplicate into the organisation kept, in one transaction: memberships (the higher
 * role wins where a person is in both), events, meeting notes, invitations, requests and
 * introductions move to the survivor; pending rows that would now be twice are closed; then the
 * duplicate is deleted. Both rows are locked first (in id order, so two merges cannot deadlock).
 */
export async function mergeOrganisations(actor: Actor | null, duplicateId: string, survivorId: string) {
  requirePlatformAdmin(actor);
  const dup = requireUuid(duplicateId, "Choose the duplicate.");
  const keep = requireUuid(survivorId, "Choose the organisation to keep.");
  if (dup === keep)
    throw new DomainError("VALIDATION", "Choose two different organisations.", {
      fieldErrors: { survivorId: "Choose another organisation than the duplicate." },
    });
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; name: string; slug: string }[]>`
      SELECT "id", "name", "slug" FROM "Organisation" WHERE "id" IN (${dup}::uuid, ${keep}::uuid) ORDER BY "id" FOR UPDATE`;
    const duplicate = locked.find((row) => row.id === dup);
    const survivor = locked.find((row) => row.id === keep);
    if (!duplicate || !survivor) throw new DomainError("NOT_FOUND", "One of these organisations no longer exists. Reload the page.");
    const moved = {
      memberships: await tx.$executeRaw`
        INSERT INTO "Membership" ("userId", "organisationId", "role", "createdAt")
        SELECT "userId", ${keep}::uuid, "role", "createdAt" FROM "Membership" WHERE "organisationId" = ${dup}::uuid
        ON CONFLICT ("userId", "organisationId") DO UPDATE SET "role" = CASE
          WHEN 'ADMIN' IN ("Membership"."role", EXCLUDED."role") THEN 'ADMIN'::"MembershipRole"
          WHEN 'REPRESENTATIVE' IN ("Membership"."role", EXCLUDED."role") THEN 'REPRESENTATIVE'::"MembershipRole"
          ELSE 'MEMBER'::"MembershipRole" END`,
      events: await tx.$executeRaw`UPDATE "Event" SET "organisationId" = ${keep}::uuid WHERE "organisationId" = ${dup}::uuid`,
      meetingOutcomes: await tx.$executeRaw`
        UPDATE "MeetingOutcome" o SET "organisationId" = ${keep}::uuid WHERE o."organisationId" = ${dup}::uuid
          AND NOT EXISTS (SELECT 1 FROM "MeetingOutcome" k WHERE k."meetingId" = o."meetingId" AND k."organisationId" = ${keep}::uuid)`,
      roleRequests: await tx.$executeRaw`UPDATE "RoleRequest" SET "organisationId" = ${keep}::uuid WHERE "organisationId" = ${dup}::uuid`,
      invitations: 0,
      joinRequests: 0,
      introductions: 0,
    };
    // Pending rows the survivor already has once are closed, then the rest move.
    await tx.$executeRaw`UPDATE "OrganisationInvitation" d SET "status" = 'WITHDRAWN', "decidedAt" = now() WHERE d."organisationId" = ${dup}::uuid AND d."status" = 'PENDING'
      AND EXISTS (SELECT 1 FROM "OrganisationInvitation" k WHERE k."organisationId" = ${keep}::uuid AND k."email" = d."email" AND k."status" = 'PENDING')`;
    moved.invitations = await tx.$executeRaw`UPDATE "OrganisationInvitation" SET "organisationId" = ${keep}::uuid WHERE "organisationId" = ${dup}::uuid`;
    await tx.$executeRaw`UPDATE "JoinRequest" d SET "status" = 'WITHDRAWN', "decidedAt" = now() WHERE d."organisationId" = ${dup}::uuid AND d."status" = 'PENDING'
      AND (EXISTS (SELECT 1 FROM "JoinRequest" k WHERE k."organisationId" = ${keep}::uuid AND k."userId" = d."userId" AND k."status" = 'PENDING')
        OR EXISTS (SELECT 1 FROM "Membership" m WHERE m."organisationId" = ${keep}::uuid AND m."userId" = d."userId"))`;
    moved.joinRequests = await tx.$executeRaw`UPDATE "JoinRequest" SET "organisationId" = ${keep}::uuid WHERE "organisationId" = ${dup}::uuid`;
    await tx.$executeRaw`UPDATE "Introduction" d SET "status" = 'DECLINED', "answeredAt" = now() WHERE d."organisationId" = ${dup}::uuid AND d."status" = 'PENDING'
      AND EXISTS (SELECT 1 FROM "Introduction" k WHERE k."organisationId" = ${keep}::uuid AND k."senderId" = d."senderId" AND k."status" = 'PENDING')`;
    moved.introductions = await tx.$executeRaw`UPDATE "Introduction" SET "organisationId" = ${keep}::uuid WHERE "organisationId" = ${dup}::uuid`;
    await tx.organisation.delete({ where: { id: dup } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "organisation.merged",
      subjectType: "organisation",
      subjectId: keep,
      before: { duplicate: duplicate, survivor: survivor },
      after: { survivor: survivor.id, moved },
    });
    return { survivor, moved };
  });
}

// ───────────────────────────── reports ─────────────────────────────

export async function openReports(actor: Actor | null) {
  requirePlatformAdmin(actor);
  return db().introductionReport.findMany({
    where: { resolvedAt: null },
    select: {
      id: true,
      reason: true,
      createdAt: true,
      reporter: { select: { id: true, name: true } },
      introduction: { select: { id: true, message: true, createdAt: true, sender: { select: { id: true, name: true, email: true } } } },
    },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
}

export async function resolveReport(actor: Actor | null, reportId: string): Promise<void> {
  requirePlatformAdmin(actor);
  const id = requireUuid(reportId, "This report does not exist.");
  await db().$transaction(async (tx) => {
    const { count } = await tx.introductionReport.updateMany({ where: { id, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: actor.id } });
    if (count === 0) throw new DomainError("CONFLICT", "This report was already resolved.");
    await recordAudit(tx, { actorId: actor.id, action: "report.resolved", subjectType: "report", subjectId: id });
  });
}
