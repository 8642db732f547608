// GDPR Art. 15/20: everything the platform holds about one person, as plain JSON. Every query is
// scoped to `userId` (the signed-in person; routes never pass another id). Left out on purpose:
// secrets (password hash, TOTP secret, recovery codes, session and feed tokens), card data (we
// never hold it; Stripe ids are not the person's data) and email attachments.
import { exportCommunityData } from "~/domain/community/personal-data.server";
import { integrationDataOf } from "~/domain/integrations/personal-data.server";
import { exportDirectoryProfile } from "~/domain/network/profile.server";
import { db } from "~/platform/db.server";
import { exportEngagementData } from "~/domain/engagement/personal-data.server";

export const EXPORT_FORMAT_VERSION = 1;

export async function exportPersonalData(userId: string, now: Date = new Date()) {
  const client = db();
  const user = await client.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      jobTitle: true,
      timeZone: true,
      locale: true,
      createdAt: true,
      emailVerifiedAt: true,
      totpEnabledAt: true,
      emailOptOuts: true,
      privacyVersion: true,
      privacyAcceptedAt: true,
    },
  });

  const [registrations, agendaPicks, meetings, questions, roomMessages, feedTokens, emails, sessions, memberships] = await Promise.all([
    client.registration.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        paymentStatus: true,
        paymentMethod: true,
        intents: true,
        checkedInAt: true,
        cancelledAt: true,
        createdAt: true,
        event: { select: { title: true, slug: true, startsAt: true, endsAt: true } },
        ticketType: { select: { name: true, priceCents: true, currency: true } },
        answers: { select: { value: true, question: { select: { label: true } } } },
        payments: {
          orderBy: { createdAt: "asc" },
          select: { method: true, state: true, amountCents: true, refundedCents: true, currency: true, paidAt: true, createdAt: true },
        },
      },
    }),
    client.agendaPick.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, session: { select: { title: true, startsAt: true, endsAt: true, event: { select: { title: true } } } } },
    }),
    client.meeting.findMany({
      where: { OR: [{ hostId: userId }, { guestId: userId }] },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        hostId: true,
        startsAt: true,
        endsAt: true,
        status: true,
        source: true,
        message: true,
        noShow: true,
        cancelledAt: true,
        createdAt: true,
        event: { select: { title: true } },
        host: { select: { name: true } },
        guest: { select: { name: true } },
        outcomes: { select: { followUp: true, nextStep: true, notes: true, updatedAt: true, organisation: { select: { name: true } } } },
      },
    }),
    client.question.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { body: true, anonymous: true, status: true, votes: true, createdAt: true, editedAt: true, session: { select: { title: true } } },
    }),
    client.roomMessage.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { body: true, kind: true, createdAt: true, room: { select: { name: true, event: { select: { title: true } } } } },
    }),
    client.calendarFeedToken.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, revokedAt: true, lastUsedAt: true },
    }),
    client.outboxEmail.findMany({
      where: { toAddress: user.email },
      orderBy: { createdAt: "asc" },
      select: { subject: true, status: true, createdAt: true, sentAt: true },
    }),
    client.session.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true },
    }),
    client.membership.findMany({ where: { userId }, select: { role: true, organisation: { select: { name: true } } } }),
  ]);

  const community = await exportCommunityData(userId);
  const integrations = await integrationDataOf(userId);
  const directoryProfile = await exportDirectoryProfile(userId);
  const engagement = await exportEngagementData(userId);
  const { totpEnabledAt, ...profile } = user;
  return {
    format: "scale-events-personal-data",
    version: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    profile: { ...profile, twoFactorEnabled: totpEnabledAt !== null },
    directoryProfile,
    organisations: memberships.map((m) => ({ organisation: m.organisation.name, role: m.role })),
    registrations: registrations.map(({ answers, ...registration }) => ({
      ...registration,
      answers: answers.map((answer) => ({ question: answer.question.label, value: answer.value })),
    })),
    agenda: agendaPicks.map((pick) => ({
      session: pick.session.title,
      event: pick.session.event.title,
      startsAt: pick.session.startsAt,
      endsAt: pick.session.endsAt,
      addedAt: pick.createdAt,
    })),
    meetings: meetings.map(({ hostId, host, guest, event, outcomes, ...meeting }) => ({
      ...meeting,
      event: event.title,
      role: hostId === userId ? "host" : "guest",
      with: hostId === userId ? guest.name : host.name,
      outcomes: outcomes.map(({ organisation, ...outcome }) => ({ organisation: organisation.name, ...outcome })),
    })),
    questions: questions.map(({ session, ...question }) => ({ session: session.title, ...question })),
    roomMessages: roomMessages.map(({ room, ...message }) => ({ room: room.name, event: room.event.title, ...message })),
    calendarFeeds: feedTokens,
    ...engagement,
    sessions,
    emails,
    community,
    integrations,
  };
}

export type PersonalDataExport = Awaited<ReturnType<typeof exportPersonalData>>;
