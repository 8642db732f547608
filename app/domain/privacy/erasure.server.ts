// GDPR Art. 17: erasing one's account. After the password (and the second factor when it is on),
// one transaction cancels what the person still takes part in through the existing steps — live
// registrations (seats released, the waiting list offered, the refund rule applied) and live
// meetings (the other party emailed, METHOD:CANCEL for a confirmed one) — revokes calendar feeds,
// deletes answers to custom questions and the directory profile with its photo, and anonymises
// the User row. Payments and invoices stay (accounting law: 10 years); questions and room messages stay, shown under "Deleted member".
// After the commit: card refunds are asked of Stripe and every session and socket is closed.
import { eraseEngagementData } from "~/domain/engagement/personal-data.server";
import { randomUUID } from "node:crypto";
import type { Actor } from "~/domain/access/permissions";
import { confirmPassword } from "~/domain/accounts/settings.server";
import { endUserSessions } from "~/domain/accounts/sessions.server";
import { hasTwoFactor, verifySecondFactor } from "~/domain/accounts/two-factor.server";
import { eraseCommunityData } from "~/domain/community/personal-data.server";
import { revokeIntegrationsOf } from "~/domain/integrations/personal-data.server";
import { DomainError } from "~/domain/kernel/errors";
import { cancelLockedMeeting } from "~/domain/meetings/cancel.server";
import { eraseDirectoryProfile } from "~/domain/network/profile.server";
import { lockMeeting } from "~/domain/meetings/lock.server";
import { issueRefundsAfterCommit, recordRefundOwed, type RefundToIssue } from "~/domain/payments/refund-queue.server";
import { cancelInTransaction } from "~/domain/registration/cancel.server";
import { TX_OPTIONS } from "~/domain/registration/store.server";
import { ENDED_STATUSES } from "~/domain/registration/ticket-rules";
import { db } from "~/platform/db.server";
import type { DeleteAccountInput } from "./privacy-forms";

export const DELETED_MEMBER_NAME = "Deleted member";

export function deletedEmail(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}

export interface ErasureReport {
  cancelledRegistrations: number;
  cancelledMeetings: number;
  endedSessions: number;
}

/** Checks the password and second factor, then erases the account. Field errors on a wrong one. */
export async function deleteAccount(userId: string, input: DeleteAccountInput, now: Date = new Date()): Promise<ErasureReport> {
  await confirmPassword(userId, input.currentPassword);
  if (await hasTwoFactor(userId)) {
    if (!input.code) {
      throw new DomainError("VALIDATION", "Enter a code from your authenticator app.", {
        fieldErrors: { code: "Enter the 6-digit code from your app, or a recovery code." },
      });
    }
    await verifySecondFactor(userId, input.code, now);
  }
  return eraseAccount(userId, now);
}

/** The erasure itself (identity already proven). */
export async function eraseAccount(userId: string, now: Date = new Date()): Promise<ErasureReport> {
  const actor: Actor = { id: userId, roles: [] };
  const { refunds, cancelledRegistrations, cancelledMeetings } = await db().$transaction(async (tx) => {
    // Serialises with another erasure of the same account; a second one finds deletedAt set.
    const locked = await tx.$queryRaw<{ deletedAt: Date | null }[]>`SELECT "deletedAt" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    if (locked.length === 0 || locked[0].deletedAt) throw new DomainError("NOT_FOUND", "This account no longer exists.");

    const refunds: RefundToIssue[] = [];
    const live = await tx.registration.findMany({
      where: { userId, status: { notIn: [...ENDED_STATUSES] }, event: { endsAt: { gt: now } } },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    for (const { id } of live) {
      const decision = await cancelInTransaction(tx, { kind: "attendee", userId }, id, now);
      if (decision.refundOwed) await recordRefundOwed(tx, decision.refundOwed.paymentId, decision.refundOwed.amountCents);
      if (decision.refund.due && decision.refund.method === "STRIPE") refunds.push({ registrationId: id, amountCents: decision.refund.amountCents });
    }

    // Meetings the registrations' cancellation did not already cancel (other events, roadshow stops).
    const meetings = await tx.meeting.findMany({
      where: { OR: [{ hostId: userId }, { guestId: userId }], status: { in: ["REQUESTED", "CONFIRMED"] }, startsAt: { gt: now } },
      select: { id: true },
      orderBy: { startsAt: "asc" },
    });
    for (const { id } of meetings) {
      await cancelLockedMeeting(tx, await lockMeeting(tx, id, actor), userId, now, "The member deleted their account.");
    }

    await tx.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await revokeIntegrationsOf(tx, userId, now);
    await tx.registrationAnswer.deleteMany({ where: { registration: { userId } } });
    await eraseEngagementData(tx, userId);
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.accountToken.deleteMany({ where: { userId } });
    await eraseCommunityData(tx, userId);
    await eraseDirectoryProfile(tx, userId);
    await tx.user.update({
      where: { id: userId },
      data: {
        name: DELETED_MEMBER_NAME,
        email: deletedEmail(userId),
        // Not an argon2 hash, so no password ever verifies against it.
        passwordHash: `!deleted:${randomUUID()}`,
        roles: ["ATTENDEE"],
        jobTitle: null,
        timeZone: null,
        locale: null,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        emailOptOuts: [],
        deletedAt: now,
      },
    });
    return { refunds, cancelledRegistrations: live.length, cancelledMeetings: meetings.length };
  }, TX_OPTIONS);

  await issueRefundsAfterCommit(refunds);
  const endedSessions = await endUserSessions(userId);
  return { cancelledRegistrations, cancelledMeetings, endedSessions };
}
