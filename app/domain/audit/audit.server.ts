// The audit log: every admin action and every role and membership change, appended in the same
// transaction as the change it records (so a rolled-back change leaves no entry, and a committed
// one always has its entry). The table is append-only in the database itself: a trigger refuses
// UPDATE, DELETE and TRUNCATE, so no route, job or console can edit history.
import type { Prisma } from "~/generated/prisma/client";
import { isUuid } from "~/domain/kernel/ids";
import { pageOf, type PageInfo } from "~/domain/kernel/paging";
import { db, type Db, type Tx } from "~/platform/db.server";

export type AuditSubject = "user" | "organisation" | "membership" | "invitation" | "join-request" | "role-request" | "introduction" | "report";

export interface AuditInput {
  /** Who acted; null for the platform (seed, jobs). */
  actorId: string | null;
  /** "<area>.<verb>", e.g. "membership.role-changed", "user.suspended". */
  action: string;
  subjectType: AuditSubject;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

/** Dates as ISO text, bigints as text, undefined dropped: what JSON can keep. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item))) as Prisma.InputJsonValue;
}

/** Appends one entry inside the caller's transaction. */
export async function recordAudit(tx: Tx | Db, input: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      before: auditJson(input.before),
      after: auditJson(input.after),
    },
  });
}

export interface AuditFilter {
  action?: string;
  subjectType?: string;
  /** An actor or subject id. */
  id?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
}

/** Newest first, filtered by action prefix, subject type and an actor or subject id. */
export async function listAudit(filter: AuditFilter): Promise<{ items: AuditRow[]; paging: PageInfo; actions: string[] }> {
  const where: Prisma.AuditEntryWhereInput = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.subjectType ? { subjectType: filter.subjectType } : {}),
    ...(filter.id ? { OR: [{ subjectId: filter.id }, ...(isUuid(filter.id) ? [{ actorId: filter.id }] : [])] } : {}),
  };
  const total = await db().auditEntry.count({ where });
  const paging = pageOf(filter.page, total, AUDIT_PAGE_SIZE);
  const rows = await db().auditEntry.findMany({ where, orderBy: { id: "desc" }, skip: paging.skip, take: paging.take });
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const actors = new Map((await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const actions = (await db().auditEntry.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } })).map((row) => row.action);
  const { skip: _skip, take: _take, ...info } = paging;
  return {
    items: rows.map((row) => ({ ...row, id: row.id.toString(), actorName: row.actorId ? (actors.get(row.actorId) ?? null) : null })),
    paging: info,
    actions,
  };
}
