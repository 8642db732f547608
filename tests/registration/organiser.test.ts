// The organiser's side against PostgreSQL: approvals (both outcomes email), invoices, capacity
// edits, check-in counted once under concurrent scans, CSV export, the held-seat sweep.
import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/kernel/errors";
import { requireManagedEvent } from "~/domain/access/events.server";
import { cancelRegistration } from "~/domain/payments/cancellation.server";
import { checkIn } from "~/domain/registration/checkin.server";
import { approveRegistration, markInvoicePaid, rejectRegistration } from "~/domain/registration/decisions.server";
import { ticketTypeFormSchema } from "~/domain/registration/organiser-input";
import { updateTicketType } from "~/domain/registration/organiser.server";
import { registerForEvent } from "~/domain/registration/register.server";
import { registrationsCsv } from "~/domain/registration/reports.server";
import { expireStaleHolds } from "~/domain/registration/waitlist.server";
import { db } from "~/platform/db.server";
import { makeEvent, makeTeamMember, makeTicketType, makeUser } from "../support/factories";
import { seatState } from "./fixtures";

describe("organiser tools", () => {
  it("scopes every event to its organisers (others: FORBIDDEN; drafts: NOT_FOUND)", async () => {
    const owner = await makeUser({ name: "Owner", roles: ["ORGANISER"] });
    const stranger = await makeUser({ name: "Stranger", roles: ["ORGANISER"] });
    const admin = await makeUser({ name: "Admin", roles: ["ADMIN"] });
    const door = await makeUser({ name: "Door", roles: ["ATTENDEE"] });
    const event = await makeEvent();
    const draft = await makeEvent({ status: "DRAFT" });
    await makeTeamMember(event, owner, "OWNER");
    await makeTeamMember(event, door, "CHECKIN");
    expect((await requireManagedEvent(owner, event.slug)).id).toBe(event.id);
    expect((await requireManagedEvent(admin, draft.slug)).id).toBe(draft.id);
    await expect(requireManagedEvent(stranger, event.slug)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requireManagedEvent(stranger, draft.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireManagedEvent(door, event.slug, "manage")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await requireManagedEvent(door, event.slug, "check-in")).id).toBe(event.id);
  });

  it("approves and rejects pending requests, emailing both outcomes; rejection frees the seat", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { requiresApproval: true, capacity: 2 });
    const a = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    const b = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    const c = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    expect([a, b, c].map((r) => r.registration.status)).toEqual(["PENDING_APPROVAL", "PENDING_APPROVAL", "WAITLISTED"]);

    await approveRegistration(event.id, a.registration.id, "Looking forward to your pitch!");
    const approved = await db().registration.findUniqueOrThrow({ where: { id: a.registration.id } });
    expect(approved).toMatchObject({ status: "CONFIRMED", decisionNote: "Looking forward to your pitch!" });
    const approvalEmail = await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `registration-approved:${a.registration.id}` } });
    expect(approvalEmail.textBody).toContain("Looking forward to your pitch!");
    expect(await db().outboxEmail.count({ where: { dedupeKey: `registration-confirmed:${a.registration.id}` } })).toBe(1);

    await rejectRegistration(event.id, b.registration.id, "The investor track is full of city delegates this time.");
    expect((await db().registration.findUniqueOrThrow({ where: { id: b.registration.id } })).status).toBe("REJECTED");
    expect((await db().outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `registration-rejected:${b.registration.id}` } })).textBody).toContain(
      "full of city delegates",
    );
    // The freed seat went to the waiting list.
    expect((await db().registration.findUniqueOrThrow({ where: { id: c.registration.id } })).status).toBe("OFFERED");
    expect(await seatState(ticket.id)).toMatchObject({ taken: 2, holding: 2 });

    await expect(approveRegistration(event.id, b.registration.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await makeEvent();
    await expect(approveRegistration(other.id, a.registration.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("approving a priced request continues with the chosen payment, or invoice when that is gone", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { requiresApproval: true, priceCents: 9000, paymentMethods: ["STRIPE", "INVOICE"], capacity: 10 });
    const { resetEnvForTests } = await import("~/platform/env.server");
    process.env.STRIPE_SECRET_KEY = "sk_test_approval";
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_test";
    resetEnvForTests();
    let viaStripe: string;
    let stillStripe: string;
    try {
      viaStripe = (await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, paymentMethod: "STRIPE", answers: {} }))
        .registration.id;
      stillStripe = (await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, paymentMethod: "STRIPE", answers: {} }))
        .registration.id;
      expect(await approveRegistration(event.id, viaStripe)).toEqual({ status: "PENDING_PAYMENT" });
      const held = await db().registration.findUniqueOrThrow({ where: { id: viaStripe } });
      expect(held).toMatchObject({ paymentStatus: "PENDING", paymentMethod: "STRIPE" });
      expect(held.holdExpiresAt).not.toBeNull();
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      resetEnvForTests();
    }
    // Stripe switched off meanwhile: the approval still goes through, by invoice.
    expect(await approveRegistration(event.id, stillStripe)).toEqual({ status: "CONFIRMED" });
    expect(await db().registration.findUniqueOrThrow({ where: { id: stillStripe } })).toMatchObject({
      paymentStatus: "UNPAID_INVOICE",
      paymentMethod: "INVOICE",
    });
  });

  it("marks an invoice paid once, and only for its event", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { priceCents: 4500, paymentMethods: ["INVOICE"], capacity: 10 });
    const r = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, paymentMethod: "INVOICE", answers: {} });
    const other = await makeEvent();
    await expect(markInvoicePaid(other.id, r.registration.id)).rejects.toBeInstanceOf(DomainError);
    await markInvoicePaid(event.id, r.registration.id);
    expect((await db().registration.findUniqueOrThrow({ where: { id: r.registration.id } })).paymentStatus).toBe("PAID");
    await expect(markInvoicePaid(event.id, r.registration.id)).rejects.toMatchObject({ code: "CONFLICT" });
    // Cancelling within the refund window of a paid invoice → refund due by bank transfer.
    await db().ticketType.update({ where: { id: ticket.id }, data: { refundUntilHours: 24 } });
    const outcome = await cancelRegistration({ kind: "organiser", eventId: event.id }, r.registration.id);
    expect(outcome.refund).toMatchObject({ due: true, method: "INVOICE", amountCents: 4500 });
  });

  it("never lets the capacity drop below the seats taken, and raising it offers seats to the waiting list", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 2 });
    for (let i = 0; i < 4; i++) await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    const form = (capacity: string) => ticketTypeFormSchema.parse({ name: "In person", price: "", capacity });
    await expect(updateTicketType(event, ticket.id, form("1"))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { capacity: expect.stringContaining("2") },
    });
    const { offered } = await updateTicketType(event, ticket.id, form("3"));
    expect(offered).toBe(1);
    expect(await seatState(ticket.id)).toEqual({ taken: 3, capacity: 3, holding: 3 });
  });

  it("counts a ticket once when scanned at two doors at the same moment", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 10 });
    const staffA = await makeUser({ name: "Door A" });
    const staffB = await makeUser({ name: "Door B" });
    const r = await registerForEvent(await makeUser({ name: "Guest" }), { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    const scans = await Promise.all(
      Array.from({ length: 10 }, (_, i) => checkIn(event, i % 2 ? staffA.id : staffB.id, r.registration.ticketCode.toLowerCase().replace("-", " "))),
    );
    expect(scans.filter((s) => s.kind === "CHECKED_IN")).toHaveLength(1);
    const again = scans.filter((s) => s.kind === "ALREADY");
    expect(again).toHaveLength(9);
    const row = await db().registration.findUniqueOrThrow({ where: { id: r.registration.id }, include: { checkedInBy: true } });
    for (const s of again) if (s.kind === "ALREADY") expect(s.byName).toBe(row.checkedInBy!.name);
    await expect(checkIn(event, staffA.id, "nope")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(checkIn(event, staffA.id, "ABCDE-FGHJK")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A ticket of another event is unknown here.
    const other = await makeEvent();
    await expect(checkIn(other, staffA.id, r.registration.ticketCode)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports registrations with answers, quoted and formula-safe", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: 10 });
    const q = await db().registrationQuestion.create({ data: { eventId: event.id, label: "Organisation, city", kind: "SHORT_TEXT", required: true } });
    const user = await makeUser({ name: "Eve" });
    await registerForEvent(user, { eventSlug: event.slug, ticketTypeId: ticket.id, answers: { [`answer.${q.id}`]: '=HYPERLINK("http://evil","click")' } });
    const csv = await registrationsCsv(event);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, row] = csv.slice(1).split("\r\n");
    expect(header).toContain('"Organisation, city"');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(row).toContain(user.email);
  });

  it("releases seats held for payments whose hold lapsed, once, even with two sweepers", async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { priceCents: 2000, capacity: 1, paymentMethods: ["STRIPE"] });
    process.env.STRIPE_SECRET_KEY = "sk_test_sweep";
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_test";
    const { resetEnvForTests } = await import("~/platform/env.server");
    resetEnvForTests();
    try {
      const now = new Date();
      const held = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, paymentMethod: "STRIPE", answers: {} }, now);
      const waiting = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, paymentMethod: "STRIPE", answers: {} }, now);
      expect([held.registration.status, waiting.registration.status]).toEqual(["PENDING_PAYMENT", "WAITLISTED"]);
      expect(await expireStaleHolds(new Date(now.getTime() + 10 * 60_000))).toBe(0);
      const later = new Date(now.getTime() + 36 * 60_000);
      // Holds left by other tests in this file's database lapse too: count them all.
      const stale = await db().registration.count({ where: { status: "PENDING_PAYMENT", holdExpiresAt: { lte: later } } });
      const swept = await Promise.all([expireStaleHolds(later), expireStaleHolds(later)]);
      expect(swept[0] + swept[1]).toBe(stale);
      expect((await db().registration.findUniqueOrThrow({ where: { id: held.registration.id } })).status).toBe("EXPIRED");
      expect((await db().registration.findUniqueOrThrow({ where: { id: waiting.registration.id } })).status).toBe("OFFERED");
      expect(await seatState(ticket.id)).toEqual({ taken: 1, capacity: 1, holding: 1 });
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      resetEnvForTests();
    }
  });
});
