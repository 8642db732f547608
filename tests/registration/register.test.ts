// registerForEvent end to end against PostgreSQL: outcomes, emails, and every refusal leaving
// nothing behind.
import { beforeAll, describe, expect, it } from "vitest";
import { attachmentBytes, attachmentsOf } from "~/domain/notifications/attachments";
import { draftOf } from "~/domain/notifications/drafts";
import { registerForEvent } from "~/domain/registration/register.server";
import { drawEmailDraft } from "~/domain/admin/email-drafts.server";
import { db } from "~/platform/db.server";
import { makeEvent, makeTicketType, makeUser } from "../support/factories";
import { HOUR, seatState } from "./fixtures";
import { refusal } from "../support/refusal";

async function counts() {
  return { registrations: await db().registration.count(), answers: await db().registrationAnswer.count(), emails: await db().outboxEmail.count() };
}

describe("registerForEvent", () => {
  let event: Awaited<ReturnType<typeof makeEvent>>;
  let free: Awaited<ReturnType<typeof makeTicketType>>;
  let orgQuestion: { id: string };
  let consent: { id: string };

  beforeAll(async () => {
    event = await makeEvent();
    free = await makeTicketType(event.id, { capacity: 50 });
    orgQuestion = await db().registrationQuestion.create({
      data: { eventId: event.id, label: "Your organisation", kind: "SHORT_TEXT", required: true, position: 0 },
    });
    consent = await db().registrationQuestion.create({
      data: { eventId: event.id, label: "I agree to the privacy notice", kind: "CHECKBOX", required: true, position: 1 },
    });
  });

  const goodAnswers = () => ({ [`answer.${orgQuestion.id}`]: "City of Kiel", [`answer.${consent.id}`]: "on" });

  it("confirms a free ticket, stores the answers and queues the ticket email with QR and invitation", async () => {
    const user = await makeUser();
    const result = await registerForEvent(user, { eventSlug: event.slug, ticketTypeId: free.id, answers: goodAnswers() });
    expect(result.needsCheckout).toBe(false);
    expect(result.registration).toMatchObject({ status: "CONFIRMED", paymentStatus: "NONE" });
    expect(result.registration.ticketCode).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    const answers = await db().registrationAnswer.findMany({ where: { registrationId: result.registration.id }, orderBy: { questionId: "asc" } });
    expect(answers.map((a) => a.value).sort()).toEqual(["City of Kiel", true].sort());
    // Queued as a draft in the registering statement; the mail worker draws it when it sends it.
    const queued = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `registration-confirmed:${result.registration.id}` } });
    expect(queued.toAddress).toBe(user.email);
    expect(queued.draft).toEqual({ kind: "registration-confirmed", id: result.registration.id });
    const email = (await drawEmailDraft(draftOf(queued.draft)!))!;
    expect(email.text).toContain(result.registration.ticketCode);
    const attachments = attachmentsOf(email.attachments);
    // The QR code is stored as the ticket code and drawn as a PNG when the email is sent.
    const qr = attachments.find((a) => a.contentType === "image/png")!;
    expect(qr).toMatchObject({ filename: `ticket-${result.registration.ticketCode}.png`, qrCode: result.registration.ticketCode });
    expect(attachmentBytes(qr).subarray(1, 4).toString()).toBe("PNG");
    const ics = attachmentBytes(attachments.find((a) => a.filename.endsWith(".ics"))!).toString();
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain(`UID:registration-${result.registration.id}@`);
    expect(ics).toMatch(/ORGANIZER;CN=/);
    expect((await seatState(free.id)).taken).toBe(1);
  });

  it("refuses a second active registration for the same event (ALREADY_REGISTERED), keeping one seat", async () => {
    const user = await makeUser();
    await registerForEvent(user, { eventSlug: event.slug, ticketTypeId: free.id, answers: goodAnswers() });
    const before = await seatState(free.id);
    const error = await refusal(registerForEvent(user, { eventSlug: event.slug, ticketTypeId: free.id, answers: goodAnswers() }));
    expect(error.code).toBe("ALREADY_REGISTERED");
    expect(await seatState(free.id)).toEqual(before);
  });

  it("puts people on the waiting list when the ticket type is full, without a seat", async () => {
    const small = await makeTicketType(event.id, { name: "Lab seat", capacity: 1 });
    const first = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: small.id, answers: goodAnswers() });
    const second = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: small.id, answers: goodAnswers() });
    expect(first.registration.status).toBe("CONFIRMED");
    expect(second.registration.status).toBe("WAITLISTED");
    expect(await seatState(small.id)).toMatchObject({ taken: 1, holding: 1 });
    expect(await db().outboxEmail.count({ where: { dedupeKey: `registration-confirmed:${second.registration.id}` } })).toBe(0);
  });

  it("takes invoice payments as confirmed-unpaid and Stripe ones as held pending checkout", async () => {
    const priced = await makeTicketType(event.id, { name: "Study visit", priceCents: 4500, capacity: 5, paymentMethods: ["INVOICE", "STRIPE"] });
    const invoice = await registerForEvent(await makeUser(), {
      eventSlug: event.slug,
      ticketTypeId: priced.id,
      paymentMethod: "INVOICE",
      answers: goodAnswers(),
    });
    expect(invoice.registration).toMatchObject({ status: "CONFIRMED", paymentStatus: "UNPAID_INVOICE", paymentMethod: "INVOICE" });
    // Without Stripe keys, Stripe is not offered for this ticket.
    const error = await refusal(
      registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: priced.id, paymentMethod: "STRIPE", answers: goodAnswers() }),
    );
    expect(error.fieldErrors).toHaveProperty("paymentMethod");
    process.env.STRIPE_SECRET_KEY = "sk_test_123";
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_test";
    const { resetEnvForTests } = await import("~/platform/env.server");
    resetEnvForTests();
    try {
      const now = new Date();
      const stripe = await registerForEvent(
        await makeUser(),
        { eventSlug: event.slug, ticketTypeId: priced.id, paymentMethod: "STRIPE", answers: goodAnswers() },
        now,
      );
      expect(stripe.needsCheckout).toBe(true);
      expect(stripe.registration).toMatchObject({ status: "PENDING_PAYMENT", paymentStatus: "PENDING" });
      expect(stripe.registration.holdExpiresAt!.getTime() - now.getTime()).toBeGreaterThan(30 * 60_000);
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      resetEnvForTests();
    }
    expect((await seatState(priced.id)).taken).toBe(2);
  });

  it("keeps approval-required requests pending with their seat held, and emails that", async () => {
    const vetted = await makeTicketType(event.id, { name: "Investor", capacity: 3, requiresApproval: true });
    const result = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: vetted.id, answers: goodAnswers() });
    expect(result.registration.status).toBe("PENDING_APPROVAL");
    expect(await db().outboxEmail.count({ where: { dedupeKey: `registration-pending:${result.registration.id}` } })).toBe(1);
    expect((await seatState(vetted.id)).taken).toBe(1);
  });

  describe("bad input: a clear refusal and nothing written", () => {
    it("missing required answers → VALIDATION with one message per field", async () => {
      const before = await counts();
      const error = await refusal(registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: free.id, answers: {} }));
      expect(error.code).toBe("VALIDATION");
      expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual([`answer.${consent.id}`, `answer.${orgQuestion.id}`].sort());
      expect(await counts()).toEqual(before);
    });

    it("unknown or malformed ticket type → NOT_FOUND", async () => {
      const before = await counts();
      expect(
        (
          await refusal(
            registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: "00000000-0000-4000-8000-000000000000", answers: goodAnswers() }),
          )
        ).code,
      ).toBe("NOT_FOUND");
      expect((await refusal(registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: "'; DROP TABLE", answers: goodAnswers() }))).code).toBe(
        "NOT_FOUND",
      );
      expect(await counts()).toEqual(before);
    });

    it("a ticket type id of another event → NOT_FOUND, and the other event's seats untouched", async () => {
      const other = await makeEvent();
      const othersTicket = await makeTicketType(other.id, { capacity: 2 });
      const before = await counts();
      const error = await refusal(registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: othersTicket.id, answers: goodAnswers() }));
      expect(error.code).toBe("NOT_FOUND");
      expect(await counts()).toEqual(before);
      expect((await seatState(othersTicket.id)).taken).toBe(0);
    });

    it("closed or not yet open sales window → SALES_CLOSED / SALES_NOT_OPEN", async () => {
      const now = new Date();
      const closed = await makeTicketType(event.id, { name: "Early bird", salesEndAt: new Date(now.getTime() - HOUR), capacity: 10 });
      const later = await makeTicketType(event.id, { name: "Late", salesStartAt: new Date(now.getTime() + HOUR), capacity: 10 });
      const before = await counts();
      expect((await refusal(registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: closed.id, answers: goodAnswers() }, now))).code).toBe(
        "SALES_CLOSED",
      );
      expect((await refusal(registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: later.id, answers: goodAnswers() }, now))).code).toBe(
        "SALES_NOT_OPEN",
      );
      expect(await counts()).toEqual(before);
      expect((await seatState(closed.id)).taken).toBe(0);
    });

    it("over the per-person limit → OVER_PER_PERSON_LIMIT", async () => {
      const before = await counts();
      const error = await refusal(registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: free.id, quantity: 2, answers: goodAnswers() }));
      expect(error.code).toBe("OVER_PER_PERSON_LIMIT");
      expect(await counts()).toEqual(before);
    });

    it("hidden ticket without or with a wrong access code → refused; the right code works", async () => {
      const hidden = await makeTicketType(event.id, { name: "Partners", hidden: true, accessCode: "LIGHTHOUSE26", capacity: 10 });
      const before = await counts();
      expect((await refusal(registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: hidden.id, answers: goodAnswers() }))).code).toBe(
        "HIDDEN_NEEDS_CODE",
      );
      expect(
        (await refusal(registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: hidden.id, accessCode: "nope", answers: goodAnswers() })))
          .code,
      ).toBe("WRONG_ACCESS_CODE");
      expect(await counts()).toEqual(before);
      const ok = await registerForEvent(await makeUser(), {
        eventSlug: event.slug,
        ticketTypeId: hidden.id,
        accessCode: " lighthouse26 ",
        answers: goodAnswers(),
      });
      expect(ok.registration.status).toBe("CONFIRMED");
    });

    it("a tampered payment method → VALIDATION on the field", async () => {
      const invoiceOnly = await makeTicketType(event.id, { name: "Invoice only", priceCents: 1000, paymentMethods: ["INVOICE"], capacity: 10 });
      const before = await counts();
      const error = await refusal(
        registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: invoiceOnly.id, paymentMethod: undefined, answers: goodAnswers() }),
      );
      expect(error.code).toBe("VALIDATION");
      expect(await counts()).toEqual(before);
    });

    it("draft or cancelled events → SALES_CLOSED", async () => {
      const draft = await makeEvent({ status: "DRAFT" });
      const ticket = await makeTicketType(draft.id, { capacity: 10 });
      expect((await refusal(registerForEvent(await makeUser(), { eventSlug: draft.slug, ticketTypeId: ticket.id, answers: {} }))).code).toBe("SALES_CLOSED");
    });
  });
});
