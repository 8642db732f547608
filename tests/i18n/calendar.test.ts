// Calendar entries in the reader's language: the personal feed uses the account's language for
// our own words (place, join link label); the organisers' text stays as written.
import { describe, expect, it } from "vitest";
import { makeEvent, makeRegistration, makeTicketType, makeUser } from "../support/factories";
import { renderPersonalFeed } from "~/domain/calendar/feeds.server";
import { db } from "~/platform/db.server";

const unfolded = (body: string) => body.replace(/\r\n[ \t]/g, "");

describe("the personal calendar feed", () => {
  it("speaks the account's language, and English without one", async () => {
    const event = await makeEvent({
      title: "Hybrid Data Forum",
      mode: "HYBRID",
      venueName: "Rathaus",
      city: "Köln",
      country: "DE",
      onlineUrl: "https://meet.example.eu/forum",
    });
    const ticket = await makeTicketType(event);
    const german = await makeUser({ name: "Lena Müller" });
    await db().user.update({ where: { id: german.id }, data: { locale: "de" } });
    const english = await makeUser();
    await makeRegistration(german, ticket);
    await makeRegistration(english, ticket);

    const inGerman = unfolded((await renderPersonalFeed(german.id)).body);
    expect(inGerman).toContain("SUMMARY:Hybrid Data Forum");
    expect(inGerman).toContain("Online teilnehmen: https://meet.example.eu/forum");
    expect(inGerman).toContain("Rathaus\\, Köln\\, Deutschland (und online)");

    const inEnglish = unfolded((await renderPersonalFeed(english.id)).body);
    expect(inEnglish).toContain("Join online: https://meet.example.eu/forum");
    expect(inEnglish).toContain("Rathaus\\, Köln\\, Germany (and online)");
  });
});
