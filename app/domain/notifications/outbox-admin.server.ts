// What the admin outbox page reads and the one thing it may do (send a failed email again).
// Admin-only: the route checks the role before calling any of these.
import type { EmailStatus } from "~/generated/prisma/enums";
import { DomainError } from "~/domain/kernel/errors";
import { pageOf, type PageInfo } from "~/domain/kernel/paging";
import { db } from "~/platform/db.server";
import { attachmentBytes, attachmentsOf } from "./attachments";

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxListItem {
  id: string;
  status: EmailStatus;
  toAddress: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
  attachmentCount: number;
}

export async function listOutbox(filter: { status?: EmailStatus; search?: string; page?: number }): Promise<{
  items: OutboxListItem[];
  counts: Record<EmailStatus, number>;
  paging: PageInfo;
}> {
  const search = filter.search?.trim();
  const where = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(search
      ? { OR: [{ toAddress: { contains: search, mode: "insensitive" as const } }, { subject: { contains: search, mode: "insensitive" as const } }] }
      : {}),
  };
  const total = await db().outboxEmail.count({ where });
  const { skip, take, ...paging } = pageOf(filter.page, total, OUTBOX_PAGE_SIZE);
  const [rows, grouped] = await Promise.all([
    db().outboxEmail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip,
      take,
      select: {
        id: true,
        status: true,
        toAddress: true,
        subject: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        sentAt: true,
        createdAt: true,
        attachments: true,
      },
    }),
    db().outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = { PENDING: 0, SENT: 0, FAILED: 0 } as Record<EmailStatus, number>;
  for (const group of grouped) counts[group.status] = group._count._all;
  return {
    items: rows.map(({ attachments, ...row }) => ({ ...row, attachmentCount: Array.isArray(attachments) ? attachments.length : 0 })),
    counts,
    paging,
  };
}

export async function getOutboxEmail(id: string) {
  const row = await db().outboxEmail.findUnique({ where: { id } });
  if (!row) return null;
  return { ...row, attachments: describeAttachments(row.attachments) };
}

/** Name, type and size of each attachment, in order (the index is its download address). */
export function describeAttachments(stored: unknown): { index: number; filename: string; contentType: string; sizeBytes: number }[] {
  return attachmentsOf(stored).map((attachment, index) => ({
    index,
    filename: attachment.filename,
    contentType: attachment.contentType,
    sizeBytes: attachmentBytes(attachment).length,
  }));
}

export async function getOutboxAttachment(id: string, index: number): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
  const row = await db().outboxEmail.findUnique({ where: { id }, select: { attachments: true } });
  const attachment = row ? attachmentsOf(row.attachments)[index] : undefined;
  if (!attachment) return null;
  return { filename: attachment.filename, contentType: attachment.contentType, content: attachmentBytes(attachment) };
}

/** Puts a FAILED email back in the queue for a fresh round of attempts. */
export async function retryFailedEmail(id: string, now: Date = new Date()): Promise<void> {
  const updated = await db().outboxEmail.updateMany({ where: { id, status: "FAILED" }, data: { status: "PENDING", attempts: 0, nextAttemptAt: now } });
  if (updated.count !== 1) throw new DomainError("CONFLICT", "Only failed emails can be sent again.");
}
