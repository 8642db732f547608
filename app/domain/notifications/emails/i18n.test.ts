// The confirmation in the recipient's language: its words, its dates, the event's zone named,
// and hostile text escaped in every language.
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "~/domain/kernel/i18n/languages";
import type { EmailEvent } from "./layout";
import { cancellationConfirmedEmail, pendingApprovalEmail, registrationConfirmedEmail } from "./registration";

const warsaw: EmailEvent = {
  title: "Smart Mobility Workshop",
  startsAt: new Date("2026-06-10T07:00:00Z"),
  endsAt: new Date("2026-06-10T15:00:00Z"),
  timeZone: "Europe/Warsaw",
  venueName: "Centrum Nauki",
  city: "Warsaw",
  url: "https://events.scale.eu/events/smart-mobility",
};

const confirm = (language: string | null, event: EmailEvent = warsaw, name = "Jan Kowalski") =>
  registrationConfirmedEmail({
    attendeeName: name,
    event,
    language,
    ticketTypeName: "Standard",
    ticketCode: "TK-7Q2M",
    ticketUrl: "https://events.scale.eu/t/abc",
  });

describe("the registration confirmation", () => {
  it("is German for a German account: words, weekday and month, the zone named", () => {
    const email = confirm("de");
    expect(email.subject).toBe("Sie sind angemeldet: Smart Mobility Workshop");
    expect(email.text).toContain("Hallo Jan Kowalski,");
    expect(email.text).toContain("Ihr Ticketcode: TK-7Q2M");
    expect(email.text).toMatch(/Wann: Mi\., 10\. Juni 2026, 09:00–17:00 MESZ \(Europe\/Warsaw\)/);
    expect(email.text).toContain("Herzliche Grüße");
    expect(email.html).toContain('<html lang="de">');
  });

  it("is English when the account has no language, or an unknown one", () => {
    for (const language of [null, "xx", "<de>"]) {
      const email = confirm(language);
      expect(email.subject).toBe("You're registered: Smart Mobility Workshop");
      expect(email.text).toContain("When: Wed, 10 Jun 2026, 09:00–17:00 CEST (Europe/Warsaw)");
    }
  });

  it.each(LANGUAGES)("escapes hostile titles and names in %s", (language) => {
    const hostile = `<script>alert("x")</script> \u202Egnp.exe & 'quotes'`;
    const email = confirm(language, { ...warsaw, title: hostile, venueName: hostile }, hostile);
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(email.html).toContain("&#39;quotes&#39;");
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text).toContain(hostile);
  });
});

describe("the other registration emails", () => {
  it("tell a Polish account its request is with the organisers, in Polish", () => {
    const email = pendingApprovalEmail({
      attendeeName: "Jan",
      event: warsaw,
      language: "pl",
      ticketTypeName: "Delegat",
      manageUrl: "https://events.scale.eu/my",
    });
    expect(email.subject).toBe("Otrzymaliśmy zgłoszenie: Smart Mobility Workshop");
    expect(email.text).toContain("Miejsca z biletem Delegat potwierdzają organizatorzy");
    expect(email.text).toContain("Zobacz swoje rejestracje: https://events.scale.eu/my");
  });

  it("give a French account its refund in French money", () => {
    const email = cancellationConfirmedEmail({
      attendeeName: "Amélie",
      event: warsaw,
      language: "fr",
      ticketTypeName: "Standard",
      refund: { kind: "REFUND", amountCents: 123456, currency: "EUR" },
    });
    expect(email.subject).toBe("Annulée : Smart Mobility Workshop");
    expect(email.text).toContain("Un remboursement de 1\u00a0234,56\u00a0€ est en route");
  });
});
