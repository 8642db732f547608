import { describe, expect, it } from "vitest";
import { escapeHtml, type EmailContent, type EmailEvent } from "./layout";
import { paymentFailedEmail, refundIssuedEmail } from "./payments";
import {
  cancellationConfirmedEmail,
  offerExpiredEmail,
  pendingApprovalEmail,
  registrationApprovedEmail,
  registrationConfirmedEmail,
  registrationRejectedEmail,
  waitingListOfferEmail,
} from "./registration";
import { formatInstant } from "~/domain/kernel/time/zoned";
import { formatMoney } from "~/domain/kernel/money";

const lisbon: EmailEvent = {
  title: "SCALE Roadshow: Lisbon",
  startsAt: new Date("2026-03-29T08:00:00Z"),
  endsAt: new Date("2026-03-29T16:00:00Z"),
  timeZone: "Europe/Lisbon",
  venueName: "Hub Criativo do Beato",
  city: "Lisbon",
  url: "https://events.scale.eu/events/roadshow-lisbon",
};

const hostile = `<script>alert("x")</script> & 'friends'`;
const hostileEvent: EmailEvent = { ...lisbon, title: `Smart <b>Cities</b>\r\nBcc: victim@example.com`, venueName: hostile };

const base = { attendeeName: "Ana Silva", event: lisbon };

function allEmails(event: EmailEvent, attendeeName: string): [string, EmailContent][] {
  const common = { attendeeName, event };
  return [
    [
      "confirmed",
      registrationConfirmedEmail({ ...common, ticketTypeName: "Standard", ticketCode: "TK-7Q2M-9XPA", ticketUrl: "https://events.scale.eu/t/abc" }),
    ],
    ["pending approval", pendingApprovalEmail({ ...common, ticketTypeName: "City delegates", manageUrl: "https://events.scale.eu/me/registrations" })],
    [
      "approved",
      registrationApprovedEmail({
        ...common,
        ticketTypeName: "City delegates",
        next: { kind: "CONFIRMED", ticketCode: "TK-1", ticketUrl: "https://events.scale.eu/t/1" },
        organiserMessage: hostile,
      }),
    ],
    ["rejected", registrationRejectedEmail({ ...common, organiserMessage: hostile })],
    [
      "offer",
      waitingListOfferEmail({
        ...common,
        ticketTypeName: "Standard",
        claimUrl: "https://events.scale.eu/offers/xyz?token=a&b=c",
        offerExpiresAt: new Date("2026-03-20T14:30:00Z"),
      }),
    ],
    ["offer expired", offerExpiredEmail({ ...common, ticketTypeName: "Standard" })],
    ["payment failed", paymentFailedEmail({ ...common, ticketTypeName: "Standard", retryUrl: "https://events.scale.eu/events/roadshow-lisbon/register" })],
    ["refund", refundIssuedEmail({ ...common, refundedCents: 12_000, currency: "EUR", fullyRefunded: true, registrationCancelled: true })],
    ["cancellation", cancellationConfirmedEmail({ ...common, ticketTypeName: "Standard", refund: { kind: "REFUND", amountCents: 12_000, currency: "EUR" } })],
  ];
}

describe("every email", () => {
  it("has a one-line subject, a greeting, the sign-off and the network's name in both versions", () => {
    for (const [name, email] of allEmails(lisbon, "Ana Silva")) {
      expect(email.subject, name).not.toMatch(/[\r\n]/);
      expect(email.subject.length, name).toBeGreaterThan(10);
      for (const body of [email.text, email.html]) {
        expect(body, name).toContain("Hello Ana Silva,");
        expect(body, name).toContain("The SCALE Events team");
        expect(body, name).toContain("European Smart and Lighthouse Cities");
      }
      expect(email.html, name).toMatch(/^<!doctype html>/);
    }
  });

  it("escapes user text in HTML and keeps it readable in plain text", () => {
    for (const [name, email] of allEmails(hostileEvent, `Eve <img src=x onerror=alert(1)>`)) {
      expect(email.html, name).not.toMatch(/<script|<img|<b>Cities/);
      expect(email.html, name).toContain("Eve &lt;img src=x onerror=alert(1)&gt;");
      expect(email.text, name).toContain("Eve <img src=x onerror=alert(1)>");
      // The title's line break cannot smuggle a header into the subject.
      expect(email.subject, name).not.toMatch(/[\r\n]/);
    }
  });

  it("escapes the ampersands of links inside href attributes", () => {
    const offer = allEmails(lisbon, "Ana")[4][1];
    expect(offer.html).toContain('href="https://events.scale.eu/offers/xyz?token=a&amp;b=c"');
    expect(offer.text).toContain("https://events.scale.eu/offers/xyz?token=a&b=c");
  });

  it("refuses links that are not absolute http(s) URLs", () => {
    expect(() => offerExpiredEmail({ ...base, event: { ...lisbon, url: "javascript:alert(1)" }, ticketTypeName: "S" })).toThrow(/http/);
    expect(() => offerExpiredEmail({ ...base, event: { ...lisbon, url: "/events/x" }, ticketTypeName: "S" })).toThrow(/absolute/);
  });
});

describe("registration confirmed", () => {
  it("carries the ticket code and the event's time in its own zone", () => {
    const email = registrationConfirmedEmail({ ...base, ticketTypeName: "Standard", ticketCode: "TK-7Q2M-9XPA", ticketUrl: "https://events.scale.eu/t/abc" });
    expect(email.subject).toBe("You're registered: SCALE Roadshow: Lisbon");
    expect(email.text).toContain("Your ticket code: TK-7Q2M-9XPA");
    expect(email.html).toContain("TK-7Q2M-9XPA");
    // 29 March 2026 is Portugal's switch to summer time: 09:00–17:00 WEST.
    expect(email.text).toContain("When: Sun, 29 Mar 2026, 09:00–17:00 WEST");
    expect(email.text).toContain("Where: Hub Criativo do Beato, Lisbon");
    expect(email.text).toContain("View your ticket: https://events.scale.eu/t/abc");
    expect(email.text).not.toContain("invoice");
  });

  it("mentions the pending invoice for bank-transfer registrations", () => {
    const email = registrationConfirmedEmail({ ...base, ticketTypeName: "Standard", ticketCode: "X", ticketUrl: "https://e.eu/t", invoicePending: true });
    expect(email.text).toMatch(/invoice or bank transfer/);
  });

  it("describes online and hybrid events", () => {
    const online = registrationConfirmedEmail({
      ...base,
      event: { ...lisbon, venueName: null, city: null, onlineUrl: "https://meet.example/x" },
      ticketTypeName: "Online",
      ticketCode: "X",
      ticketUrl: "https://e.eu/t",
    });
    expect(online.text).toContain("Where: Online — the link is on the event page");
    const hybrid = registrationConfirmedEmail({
      ...base,
      event: { ...lisbon, onlineUrl: "https://meet.example/x" },
      ticketTypeName: "S",
      ticketCode: "X",
      ticketUrl: "https://e.eu/t",
    });
    expect(hybrid.text).toContain("Where: Hub Criativo do Beato, Lisbon, and online");
  });
});

describe("approval", () => {
  it("pending approval says what happens next", () => {
    const email = pendingApprovalEmail({ ...base, ticketTypeName: "City delegates", manageUrl: "https://e.eu/me" });
    expect(email.subject).toBe("Request received: SCALE Roadshow: Lisbon");
    expect(email.text).toContain("City delegates");
    expect(email.text).toContain("We'll email you as soon as they have decided");
  });

  it("approved with a ticket gives the code; approved with payment due gives the link and deadline in the event's zone", () => {
    const confirmed = registrationApprovedEmail({ ...base, ticketTypeName: "D", next: { kind: "CONFIRMED", ticketCode: "TK-9", ticketUrl: "https://e.eu/t" } });
    expect(confirmed.text).toContain("Your ticket code: TK-9");
    const toPay = registrationApprovedEmail({
      ...base,
      ticketTypeName: "Delegates",
      next: { kind: "PAY", paymentUrl: "https://e.eu/pay/1", payBefore: new Date("2026-03-25T23:59:00Z") },
    });
    expect(toPay.text).toContain("Complete payment: https://e.eu/pay/1");
    expect(toPay.text).toContain("before Wed, 25 Mar 2026 at 23:59 WET");
  });

  it("rejected quotes the organiser's message, line by line, and escapes it in HTML", () => {
    const email = registrationRejectedEmail({ ...base, organiserMessage: "We are full with city delegates.\nPlease <try> the webinar!" });
    expect(email.text).toContain("Their message to you:\n> We are full with city delegates.\n> Please <try> the webinar!");
    expect(email.html).toContain("We are full with city delegates.<br>Please &lt;try&gt; the webinar!");
    expect(email.text).not.toContain("Browse upcoming events");
  });

  it("rejected without a message does not show an empty quote", () => {
    const email = registrationRejectedEmail({ ...base, organiserMessage: "   ", eventsUrl: "https://e.eu/events" });
    expect(email.text).not.toContain("Their message");
    expect(email.text).toContain("Browse upcoming events: https://e.eu/events");
  });
});

describe("waiting list", () => {
  it("the offer gives the claim link and the expiry in the event's zone, not the server's", () => {
    const email = waitingListOfferEmail({
      ...base,
      event: { ...lisbon, timeZone: "Europe/Helsinki" },
      ticketTypeName: "Standard",
      claimUrl: "https://e.eu/claim",
      offerExpiresAt: new Date("2026-03-20T14:30:00Z"),
    });
    expect(email.text).toContain("Claim it before: Fri, 20 Mar 2026 at 16:30 EET");
    expect(email.text).toContain("Claim your place: https://e.eu/claim");
    expect(email.subject).toBe("A place has opened up: SCALE Roadshow: Lisbon");
  });

  it("the expiry notice invites to join again", () => {
    expect(offerExpiredEmail({ ...base, ticketTypeName: "Standard" }).text).toContain("join the waiting list again");
  });
});

describe("payments", () => {
  it("payment failed offers a retry only when there is somewhere to retry", () => {
    expect(paymentFailedEmail({ ...base, ticketTypeName: "S", retryUrl: "https://e.eu/r" }).text).toContain("Register again: https://e.eu/r");
    expect(paymentFailedEmail({ ...base, ticketTypeName: "S" }).text).not.toContain("Register again");
  });

  it("refund issued states the amount and what it means for the registration", () => {
    const partial = refundIssuedEmail({ ...base, refundedCents: 2_550, currency: "EUR", fullyRefunded: false, registrationCancelled: false });
    expect(partial.text).toContain("€25.50 (partial refund)");
    expect(partial.text).toContain("stays confirmed");
    const full = refundIssuedEmail({ ...base, refundedCents: 12_000, currency: "eur", fullyRefunded: true, registrationCancelled: true });
    expect(full.text).toContain("€120.00 (full refund)");
    expect(full.text).toContain("your registration is now cancelled");
  });

  it("cancellation explains each refund outcome", () => {
    const refunded = cancellationConfirmedEmail({ ...base, ticketTypeName: "S", refund: { kind: "REFUND", amountCents: 9_900, currency: "EUR" } });
    expect(refunded.text).toContain("A refund of €99.00 is on its way");
    const late = cancellationConfirmedEmail({
      ...base,
      ticketTypeName: "S",
      refund: { kind: "NO_REFUND", reason: "REFUND_WINDOW_PASSED", deadline: new Date("2026-03-27T08:00:00Z") },
    });
    expect(late.text).toContain("refundable until Fri, 27 Mar 2026 at 08:00 WET");
    const never = cancellationConfirmedEmail({ ...base, ticketTypeName: "S", refund: { kind: "NO_REFUND", reason: "NO_REFUNDS" } });
    expect(never.text).toContain("not refundable");
    const free = cancellationConfirmedEmail({ ...base, ticketTypeName: "S", refund: { kind: "NOTHING_PAID" } });
    expect(free.text).not.toMatch(/refund/i);
    expect(free.subject).toBe("Cancelled: SCALE Roadshow: Lisbon");
  });
});

describe("helpers", () => {
  it("escapeHtml escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  });

  it("formats money and instants", () => {
    expect(formatMoney(123_456, "EUR")).toBe("€1,234.56");
    expect(formatMoney(500, "SEK")).toMatch(/5\.00/);
    expect(formatInstant(new Date("2026-07-01T10:00:00Z"), "Europe/Paris")).toBe("Wed, 1 Jul 2026 at 12:00 CEST");
  });
});
