// Introductions: a member asks to be introduced to a person, or to an organisation (its
// representatives and administrators answer). The recipient accepts — then both see each other's
// email address — or declines, and the sender is told politely, nothing more. No address is shown
// before acceptance. Limits: INTRODUCTIONS_PER_DAY per sender (PostgreSQL sliding window), one
// pending introduction per pair (partial unique index), none to someone who blocked the sender.
import { mayOnOrganisation } from "~/domain/access/organisations.server";
import type { Actor } from "~/domain/access/permissions";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { requireVerifiedEmail } from "~/domain/accounts/verification.server";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { introductionAcceptedEmail, introductionDeclinedEmail, introductionRequestEmail } from "~/domain/notifications/emails/community";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { INTRODUCTIONS_PER_DAY } from "./community-forms";

/** Said alike when a recipient blocked the sender or takes no introductions: it reveals no block. */
export const NOT_TAKING_INTRODUCTIONS = "This person is not taking introduction requests at the moment. Thank you for understanding.";
const ANSWERING_ROLES = ["REPRESENTATIVE", "ADMIN"] as const;
const myIntroductionsUrl = () => `${publicUrl()}/my/introductions`;

export type IntroductionTarget = { userId: string } | { organisationSlug: string };

/** Who may be introduced to: for the introduce pages (name only, never an address). */
export async function introductionTarget(actor: Actor, target: IntroductionTarget) {
  if ("userId" in target) {
    const id = requireUuid(target.userId, "This person does not exist.");
    const person = await db().user.findFirst({
      where: { id, deletedAt: null, suspendedAt: null },
      select: { id: true, name: true, jobTitle: true, profile: { select: { listed: true, openToIntroductions: true } } },
    });
    // Only people listed in the directory can be reached at all (others are "not found", as their
    // profile page is); of those, only people who chose to take introductions.
    if (!person || (!person.profile?.listed && person.id !== actor.id)) throw new DomainError("NOT_FOUND", "This person does not exist.");
    if (person.id === actor.id) throw new DomainError("VALIDATION", "You cannot ask for an introduction to yourself.");
    if (!person.profile?.openToIntroductions) throw new DomainError("CONFLICT", NOT_TAKING_INTRODUCTIONS);
    return { kind: "person" as const, id: person.id, name: person.name, detail: person.jobTitle };
  }
  const organisation = await db().organisation.findUnique({ where: { slug: target.organisationSlug }, select: { id: true, name: true, slug: true } });
  if (!organisation) throw new DomainError("NOT_FOUND", "This organisation does not exist.");
  return { kind: "organisation" as const, id: organisation.id, name: organisation.name, detail: null, slug: organisation.slug };
}

async function answerers(client: Tx, organisationId: string) {
  const rows = await client.membership.findMany({
    where: { organisationId, role: { in: [...ANSWERING_ROLES] }, user: { deletedAt: null, suspendedAt: null } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => row.user);
}

export async function requestIntroduction(actor: Actor, target: IntroductionTarget, message: string): Promise<{ id: string }> {
  await requireVerifiedEmail(db(), actor.id, "ask for introductions");
  const to = await introductionTarget(actor, target);
  const sender = await db().user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { name: true, memberships: { select: { organisation: { select: { name: true } } }, take: 1, orderBy: { createdAt: "asc" } } },
  });
  return db().$transaction(async (tx) => {
    const recipients =
      to.kind === "person"
        ? [await tx.user.findUniqueOrThrow({ where: { id: to.id }, select: { id: true, name: true, email: true } })]
        : await answerers(tx, to.id);
    if (recipients.length === 0)
      throw new DomainError("CONFLICT", "This organisation has nobody to answer introductions yet. Try one of its members in the directory.");
    if (to.kind === "organisation" && recipients.some((r) => r.id === actor.id))
      throw new DomainError("VALIDATION", "You already represent this organisation.");
    const blocked = await tx.introductionBlock.count({ where: { blockedId: actor.id, blockerId: { in: recipients.map((r) => r.id) } } });
    if (blocked > 0) throw new DomainError("CONFLICT", NOT_TAKING_INTRODUCTIONS);
    const inserted =
      to.kind === "person"
        ? await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO "Introduction" ("senderId", "recipientId", "message") VALUES (${actor.id}::uuid, ${to.id}::uuid, ${message})
            ON CONFLICT ("senderId", "recipientId") WHERE "status" = 'PENDING' AND "recipientId" IS NOT NULL DO NOTHING RETURNING "id"`
        : await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO "Introduction" ("senderId", "organisationId", "message") VALUES (${actor.id}::uuid, ${to.id}::uuid, ${message})
            ON CONFLICT ("senderId", "organisationId") WHERE "status" = 'PENDING' AND "organisationId" IS NOT NULL DO NOTHING RETURNING "id"`;
    if (inserted.length === 0) throw new DomainError("CONFLICT", `You already asked for an introduction to ${to.name}; they have not answered yet.`);
    // Counted only for a request that is really sent, inside its transaction's outcome.
    await hitRateLimit({ key: `introductions:${actor.id}`, limit: INTRODUCTIONS_PER_DAY, windowSeconds: 86_400 });
    for (const recipient of recipients) {
      await enqueueEmail(tx, {
        to: recipient.email,
        ...introductionRequestEmail({
          name: recipient.name,
          senderName: sender.name,
          senderOrganisation: sender.memberships[0]?.organisation.name ?? null,
          toOrganisation: to.kind === "organisation" ? to.name : null,
          message,
          url: myIntroductionsUrl(),
        }),
      });
    }
    return { id: inserted[0].id };
  });
}

/** Introductions the actor may answer: addressed to them, or to an organisation they represent. */
async function addressedTo(actor: Actor): Promise<Prisma.IntroductionWhereInput> {
  const represented = await db().membership.findMany({ where: { userId: actor.id, role: { in: [...ANSWERING_ROLES] } }, select: { organisationId: true } });
  return { OR: [{ recipientId: actor.id }, { organisationId: { in: represented.map((m) => m.organisationId) } }] };
}

const person = { select: { id: true, name: true, email: true, jobTitle: true } } as const;

export async function myIntroductions(actor: Actor) {
  const [received, sent] = await Promise.all([
    db().introduction.findMany({
      where: await addressedTo(actor),
      select: {
        id: true,
        message: true,
        status: true,
        createdAt: true,
        answeredAt: true,
        sender: person,
        organisation: { select: { name: true, slug: true } },
        answeredById: true,
        reports: { where: { reporterId: actor.id }, select: { id: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 100,
    }),
    db().introduction.findMany({
      where: { senderId: actor.id },
      select: {
        id: true,
        message: true,
        status: true,
        createdAt: true,
        answeredAt: true,
        recipient: person,
        organisation: { select: { name: true, slug: true } },
        answeredById: true,
      },
      orderBy: { createdAt: "desc" },
      take: 100,
    }),
  ]);
  const answererIds = sent.filter((s) => s.status === "ACCEPTED" && s.answeredById).map((s) => s.answeredById!);
  const answerersById = new Map((await db().user.findMany({ where: { id: { in: answererIds } }, select: person.select })).map((u) => [u.id, u]));
  const blocked = new Set((await db().introductionBlock.findMany({ where: { blockerId: actor.id }, select: { blockedId: true } })).map((b) => b.blockedId));
  return {
    received: received.map((r) => ({
      id: r.id,
      message: r.message,
      status: r.status,
      createdAt: r.createdAt,
      toOrganisation: r.organisation?.name ?? null,
      from: { id: r.sender.id, name: r.sender.name, jobTitle: r.sender.jobTitle, email: r.status === "ACCEPTED" ? r.sender.email : null },
      blocked: blocked.has(r.sender.id),
      reported: r.reports.length > 0,
    })),
    sent: sent.map((s) => {
      const contact = s.status === "ACCEPTED" ? (s.recipient ?? (s.answeredById ? answerersById.get(s.answeredById) : undefined)) : undefined;
      return {
        id: s.id,
        message: s.message,
        // A declined request reads as "not taken up" to the sender: nothing more.
        status: s.status,
        createdAt: s.createdAt,
        to: s.recipient?.name ?? s.organisation?.name ?? "",
        contact: contact ? { name: contact.name, email: contact.email } : null,
      };
    }),
  };
}

async function loadAddressed(actor: Actor, introductionId: string) {
  const id = requireUuid(introductionId, "This introduction does not exist.");
  const row = await db().introduction.findFirst({
    where: { id, ...(await addressedTo(actor)) },
    select: { id: true, status: true, senderId: true, organisationId: true },
  });
  if (!row) throw new DomainError("NOT_FOUND", "This introduction does not exist.");
  return row;
}

/** Accepts or declines once (conditional update); emails the sender. */
export async function answerIntroduction(actor: Actor, introductionId: string, accept: boolean): Promise<void> {
  const row = await loadAddressed(actor, introductionId);
  if (row.organisationId && !(await mayOnOrganisation(actor, "organisation:represent", row.organisationId)))
    throw new DomainError("NOT_FOUND", "This introduction does not exist.");
  await db().$transaction(async (tx) => {
    const { count } = await tx.introduction.updateMany({
      where: { id: row.id, status: "PENDING" },
      data: { status: accept ? "ACCEPTED" : "DECLINED", answeredById: actor.id, answeredAt: new Date() },
    });
    if (count === 0) throw new DomainError("CONFLICT", "This introduction was already answered.");
    const [sender, answerer] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: row.senderId }, select: { name: true, email: true } }),
      tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, email: true } }),
    ]);
    await enqueueEmail(tx, {
      to: sender.email,
      ...(accept
        ? introductionAcceptedEmail({ name: sender.name, otherName: answerer.name, otherEmail: answerer.email, url: myIntroductionsUrl() })
        : introductionDeclinedEmail({ name: sender.name, otherName: answerer.name })),
    });
  });
}

/** Blocks the sender of an introduction addressed to the actor; a pending one is declined quietly. */
export async function blockSender(actor: Actor, introductionId: string): Promise<void> {
  const row = await loadAddressed(actor, introductionId);
  if (row.senderId === actor.id) throw new DomainError("VALIDATION", "You cannot block yourself.");
  await db().$transaction(async (tx) => {
    await tx.introductionBlock.upsert({
      where: { blockerId_blockedId: { blockerId: actor.id, blockedId: row.senderId } },
      create: { blockerId: actor.id, blockedId: row.senderId },
      update: {},
    });
    await tx.introduction.updateMany({
      where: { id: row.id, status: "PENDING" },
      data: { status: "DECLINED", answeredById: actor.id, answeredAt: new Date() },
    });
  });
}

export async function reportIntroduction(actor: Actor, introductionId: string, reason: string): Promise<void> {
  const row = await loadAddressed(actor, introductionId);
  await db().introductionReport.upsert({
    where: { introductionId_reporterId: { introductionId: row.id, reporterId: actor.id } },
    create: { introductionId: row.id, reporterId: actor.id, reason },
    update: { reason },
  });
}
