// The demo directory: enough listed people and organisations that every directory page has
// content, experts with the badge, investors with ticket sizes, attendee@ unlisted, and the demo
// city representative administering Kraków's page.
import { describe, expect, it } from "vitest";
import { seedDemoDataIfEmpty } from "../../prisma/seed";
import { searchPeople } from "~/domain/network/people.server";
import { searchOrganisations } from "~/domain/network/organisations.server";
import { db } from "~/platform/db.server";

describe("network demo data", () => {
  it("fills both directories", async () => {
    if ((await db().user.count()) === 0) await seedDemoDataIfEmpty();
    const people = await searchPeople({ page: 1 }, 10);
    expect(people.page.total).toBeGreaterThanOrEqual(40);
    expect((await searchPeople({ page: 1, role: "EXPERT" }, 50)).people.length).toBeGreaterThanOrEqual(5);
    expect((await searchOrganisations({ page: 1 }, 10)).page.total).toBeGreaterThanOrEqual(30);
    const investors = await db().organisation.findMany({ where: { kind: "INVESTOR" }, select: { ticketMinEur: true } });
    expect(investors.length).toBeGreaterThanOrEqual(6);
    expect(investors.every((i) => i.ticketMinEur !== null)).toBe(true);
    const attendee = await db().user.findUniqueOrThrow({ where: { email: "attendee@scale-events.demo" }, select: { profile: { select: { listed: true } } } });
    expect(attendee.profile?.listed).toBe(false);
    const city = await db().user.findUniqueOrThrow({
      where: { email: "city@scale-events.demo" },
      select: { memberships: { select: { role: true, organisation: { select: { slug: true } } } } },
    });
    expect(city.memberships).toContainEqual({ role: "ADMIN", organisation: { slug: "krakow" } });
    expect((await searchPeople({ page: 1, q: "positive energy" }, 5)).people.length).toBeGreaterThan(0);
  });
});
