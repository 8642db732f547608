// The public catalogue against PostgreSQL: only public events, filters by kind, theme, country
// and text, and date filters read as calendar days in each event's own time zone.
import { beforeAll, describe, expect, it } from "vitest";
import { listCatalogue } from "~/domain/events/events.server";
import { makeEvent, type EventOptions } from "../support/factories";

const NOW = new Date("2031-01-01T00:00:00Z");

/** Events in Portugal unless told, whose texts match no search but their title's. */
const event = (data: EventOptions & { title: string; timeZone: string; startsAt: Date; endsAt: Date }) =>
  makeEvent({ summary: "s", description: "d", country: "PT", themes: [], publishedAt: null, ...data });

const titles = async (filters: Parameters<typeof listCatalogue>[0]) => (await listCatalogue(filters, 60, NOW)).map((e) => e.title).sort();

beforeAll(async () => {
  // 00:30–02:00 in Helsinki on 10 June is 21:30–23:00 UTC on the 9th.
  await event({
    title: "Helsinki night owls",
    timeZone: "Europe/Helsinki",
    startsAt: new Date("2031-06-09T21:30:00Z"),
    endsAt: new Date("2031-06-09T23:00:00Z"),
    country: "FI",
    themes: ["MOBILITY"],
  });
  // 20:00–23:00 in Lisbon on 9 June (WEST) is 19:00–22:00 UTC on the 9th.
  await event({
    title: "Lisbon evening pitch",
    timeZone: "Europe/Lisbon",
    startsAt: new Date("2031-06-09T19:00:00Z"),
    endsAt: new Date("2031-06-09T22:00:00Z"),
    kind: "ROADSHOW",
    themes: ["ENERGY"],
  });
  // Ends at midnight local time: it is a 9 June event only.
  await event({
    title: "Vienna until midnight",
    timeZone: "Europe/Vienna",
    startsAt: new Date("2031-06-09T16:00:00Z"),
    endsAt: new Date("2031-06-09T22:00:00Z"),
    country: "AT",
  });
  await event({
    title: "Secret draft",
    timeZone: "Europe/Lisbon",
    startsAt: new Date("2031-06-09T10:00:00Z"),
    endsAt: new Date("2031-06-09T11:00:00Z"),
    status: "DRAFT",
  });
  await event({
    title: "Last year's webinar",
    timeZone: "Europe/Berlin",
    startsAt: new Date("2030-03-01T10:00:00Z"),
    endsAt: new Date("2030-03-01T11:00:00Z"),
    kind: "WEBINAR",
    mode: "ONLINE",
  });
});

describe("the public catalogue", () => {
  it("lists published upcoming events only, past ones on request, never drafts", async () => {
    expect(await titles({ past: false })).toEqual(["Helsinki night owls", "Lisbon evening pitch", "Vienna until midnight"]);
    expect(await titles({ past: true })).toContain("Last year's webinar");
    expect(await titles({ past: true })).not.toContain("Secret draft");
  });

  it("reads date filters as calendar days in each event's own zone", async () => {
    expect(await titles({ past: false, from: "2031-06-09", to: "2031-06-09" })).toEqual(["Lisbon evening pitch", "Vienna until midnight"]);
    expect(await titles({ past: false, from: "2031-06-10", to: "2031-06-10" })).toEqual(["Helsinki night owls"]);
    expect(await titles({ past: false, from: "2031-06-10" })).toEqual(["Helsinki night owls"]);
    expect(await titles({ past: false, to: "2031-06-08" })).toEqual([]);
  });

  it("filters by kind, theme, country and text", async () => {
    expect(await titles({ past: false, kind: "ROADSHOW" })).toEqual(["Lisbon evening pitch"]);
    expect(await titles({ past: false, theme: "MOBILITY" })).toEqual(["Helsinki night owls"]);
    expect(await titles({ past: false, country: "AT" })).toEqual(["Vienna until midnight"]);
    expect(await titles({ past: false, q: "PITCH" })).toEqual(["Lisbon evening pitch"]);
  });
});
