// Platform roles on request: a member asks (verified email required), platform admins decide.
// A request is decided once: the decision is a conditional UPDATE … WHERE status = 'PENDING', so
// two admins deciding at once decide it once. An approved role is added to the person's roles in
// the same transaction (array_append guarded, never twice), audited, emailed, and announced on
// the bus so open sockets pick it up at once.
import { requirePlatformAdmin } from "~/domain/access/organisations.server";
import type { Actor } from "~/domain/access/permissions";
import { requireVerifiedEmail } from "~/domain/accounts/verification.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { pageOf } from "~/domain/kernel/paging";
import { roleDecisionEmail, roleRequestReceivedEmail, roleRequestSentEmail } from "~/domain/notifications/emails/community";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import type { RequestStatus, UserRole } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { REQUESTABLE_ROLE_LABELS, type RequestableRole, type RoleRequestInput } from "./community-forms";
import { publishUserRolesChanged } from "./user-changes.server";

const label = (role: UserRole) => REQUESTABLE_ROLE_LABELS[role as RequestableRole] ?? role;

export async function myRoleRequests(actor: Actor) {
  return db().roleRequest.findMany({
    where: { userId: actor.id },
    select: { id: true, role: true, organisationName: true, status: true, createdAt: true, decidedAt: true, decisionNote: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

export async function requestRole(actor: Actor, input: RoleRequestInput): Promise<{ id: string }> {
  await requireVerifiedEmail(db(), actor.id, "ask for a role");
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, email: true, roles: true } });
  if (user.roles.includes(input.role))
    throw new DomainError("CONFLICT", `You already are ${label(input.role).toLowerCase()}.`, { fieldErrors: { role: "You already have this role." } });
  const organisation = await db().organisation.findFirst({ where: { name: { equals: input.organisationName, mode: "insensitive" } }, select: { id: true } });
  return db().$transaction(async (tx) => {
    const expert = input.role === "EXPERT";
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "RoleRequest" ("userId", "role", "organisationId", "organisationName", "reason", "expertise", "cvUrl")
      VALUES (${actor.id}::uuid, ${input.role}::"UserRole", ${organisation?.id ?? null}::uuid, ${input.organisationName}, ${input.reason},
              ${expert ? input.expertise : []}::text[], ${expert ? (input.cvUrl ?? null) : null})
      ON CONFLICT ("userId", "role") WHERE "status" = 'PENDING' DO NOTHING RETURNING "id"`;
    if (inserted.length === 0) {
      throw new DomainError("CONFLICT", "You already asked for this role; the admins will decide soon.", {
        fieldErrors: { role: "Already asked for; waiting for a decision." },
      });
    }
    const id = inserted[0].id;
    await enqueueEmail(tx, { to: user.email, ...roleRequestSentEmail({ name: user.name, roleLabel: label(input.role) }) });
    const admins = await tx.user.findMany({ where: { roles: { has: "ADMIN" }, deletedAt: null, suspendedAt: null }, select: { name: true, email: true } });
    for (const admin of admins) {
      await enqueueEmail(tx, {
        to: admin.email,
        ...roleRequestReceivedEmail({
          adminName: admin.name,
          requesterName: user.name,
          roleLabel: label(input.role),
          organisationName: input.organisationName,
          url: `${publicUrl()}/admin/requests`,
        }),
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "role-request.created",
      subjectType: "role-request",
      subjectId: id,
      after: { role: input.role, organisationName: input.organisationName },
    });
    return { id };
  });
}

export const ROLE_REQUEST_PAGE_SIZE = 25;

export async function listRoleRequests(actor: Actor | null, filter: { status?: RequestStatus; page?: number }) {
  requirePlatformAdmin(actor);
  const where = { status: filter.status ?? "PENDING" };
  const total = await db().roleRequest.count({ where });
  const { skip, take, ...paging } = pageOf(filter.page, total, ROLE_REQUEST_PAGE_SIZE);
  const items = await db().roleRequest.findMany({
    where,
    select: {
      id: true,
      role: true,
      organisationName: true,
      reason: true,
      expertise: true,
      cvUrl: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      decisionNote: true,
      user: { select: { id: true, name: true, email: true, roles: true } },
      organisation: { select: { slug: true, name: true } },
    },
    orderBy: { createdAt: "asc" },
    skip,
    take,
  });
  return { items, paging };
}

/** Decides a pending request once; the loser of a race is told it was already decided. */
export async function decideRoleRequest(actor: Actor | null, requestId: string, approve: boolean, note?: string): Promise<{ userId: string; role: UserRole }> {
  requirePlatformAdmin(actor);
  const id = requireUuid(requestId, "This request does not exist.");
  const decided = await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ userId: string; role: UserRole }[]>`
      UPDATE "RoleRequest" SET "status" = ${approve ? "APPROVED" : "REFUSED"}::"RequestStatus", "decidedById" = ${actor.id}::uuid, "decidedAt" = now(), "decisionNote" = ${note ?? null}
      WHERE "id" = ${id}::uuid AND "status" = 'PENDING' RETURNING "userId", "role"`;
    if (!row) {
      const exists = await tx.roleRequest.count({ where: { id } });
      throw exists
        ? new DomainError("CONFLICT", "This request was already decided by another admin. Reload the page.")
        : new DomainError("NOT_FOUND", "This request does not exist.");
    }
    const person = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { name: true, email: true, roles: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: approve ? "role-request.approved" : "role-request.refused",
      subjectType: "role-request",
      subjectId: id,
      before: { status: "PENDING" },
      after: { status: approve ? "APPROVED" : "REFUSED", note: note ?? null },
    });
    if (approve && !person.roles.includes(row.role)) {
      const [updated] = await tx.$queryRaw<{ roles: UserRole[] }[]>`
        UPDATE "User" SET "roles" = array_append("roles", ${row.role}::"UserRole"), "updatedAt" = now()
        WHERE "id" = ${row.userId}::uuid AND NOT (${row.role}::"UserRole" = ANY("roles")) RETURNING "roles"::text[] AS "roles"`;
      if (updated) {
        await recordAudit(tx, {
          actorId: actor.id,
          action: "user.roles-changed",
          subjectType: "user",
          subjectId: row.userId,
          before: { roles: person.roles },
          after: { roles: updated.roles },
        });
      }
    }
    await enqueueEmail(tx, {
      to: person.email,
      ...roleDecisionEmail({ name: person.name, roleLabel: label(row.role), approved: approve, note, url: `${publicUrl()}/account/roles` }),
    });
    return row;
  });
  if (approve) publishUserRolesChanged(decided.userId);
  return decided;
}
