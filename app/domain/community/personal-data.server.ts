// The community's part of GDPR export (Art. 15/20) and erasure (Art. 17), called by
// app/domain/privacy. Export: memberships, invitations received, requests to join, role requests
// (reason, expertise, CV link), introductions sent and received (the other party by name; an
// address only where the introduction was accepted), blocks and reports made. Erasure: all of
// these rows are deleted (the audit log keeps ids and roles only, never a message or an address).
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/platform/db.server";

export async function exportCommunityData(userId: string) {
  const client = db();
  const user = await client.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const [invitations, joinRequests, roleRequests, sent, received, blocks, reports] = await Promise.all([
    client.organisationInvitation.findMany({
      where: { email: user.email },
      select: { role: true, status: true, createdAt: true, expiresAt: true, organisation: { select: { name: true } } },
    }),
    client.joinRequest.findMany({
      where: { userId },
      select: { message: true, status: true, createdAt: true, decidedAt: true, organisation: { select: { name: true } } },
    }),
    client.roleRequest.findMany({
      where: { userId },
      select: {
        role: true,
        organisationName: true,
        reason: true,
        expertise: true,
        cvUrl: true,
        status: true,
        decisionNote: true,
        createdAt: true,
        decidedAt: true,
      },
    }),
    client.introduction.findMany({
      where: { senderId: userId },
      select: {
        message: true,
        status: true,
        createdAt: true,
        answeredAt: true,
        recipient: { select: { name: true } },
        organisation: { select: { name: true } },
      },
    }),
    client.introduction.findMany({
      where: { recipientId: userId },
      select: { message: true, status: true, createdAt: true, answeredAt: true, sender: { select: { name: true } } },
    }),
    client.introductionBlock.findMany({ where: { blockerId: userId }, select: { createdAt: true, blocked: { select: { name: true } } } }),
    client.introductionReport.findMany({ where: { reporterId: userId }, select: { reason: true, createdAt: true, resolvedAt: true } }),
  ]);
  return {
    invitationsReceived: invitations.map(({ organisation, ...i }) => ({ organisation: organisation.name, ...i })),
    joinRequests: joinRequests.map(({ organisation, ...r }) => ({ organisation: organisation.name, ...r })),
    roleRequests,
    introductionsSent: sent.map(({ recipient, organisation, ...i }) => ({ to: recipient?.name ?? organisation?.name ?? null, ...i })),
    introductionsReceived: received.map(({ sender, ...i }) => ({ from: sender.name, ...i })),
    blocked: blocks.map((b) => ({ person: b.blocked.name, since: b.createdAt })),
    reportsMade: reports,
  };
}

/** Inside the erasure's transaction, before the User row is anonymised (its email is still real). */
export async function eraseCommunityData(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const memberships = await tx.membership.findMany({ where: { userId }, select: { organisationId: true, role: true } });
  for (const m of memberships) {
    await recordAudit(tx, {
      actorId: userId,
      action: "membership.erased",
      subjectType: "membership",
      subjectId: `${m.organisationId}:${userId}`,
      before: { role: m.role },
    });
  }
  await tx.membership.deleteMany({ where: { userId } });
  await tx.organisationInvitation.deleteMany({ where: { email: user.email } });
  await tx.organisationInvitation.updateMany({ where: { invitedById: userId, status: "PENDING" }, data: { status: "WITHDRAWN", decidedAt: new Date() } });
  await tx.joinRequest.deleteMany({ where: { userId } });
  await tx.roleRequest.deleteMany({ where: { userId } });
  await tx.introduction.deleteMany({ where: { OR: [{ senderId: userId }, { recipientId: userId }] } });
  await tx.introductionBlock.deleteMany({ where: { OR: [{ blockerId: userId }, { blockedId: userId }] } });
  await tx.introductionReport.deleteMany({ where: { reporterId: userId } });
}
