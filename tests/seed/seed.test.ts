// The demo data a fresh install starts with: seeded once, consistent with the seat ledger.
import { describe, expect, it } from "vitest";
import { seedDemoDataIfEmpty } from "../../prisma/seed";
import { db } from "~/platform/db.server";

describe("demo seed", () => {
  it("seeds an empty database once, with seat counts that match the registrations", async () => {
    const first = await seedDemoDataIfEmpty();
    expect(first?.accounts.map((a) => a.role)).toEqual(expect.arrayContaining(["admin", "organiser", "investor", "city representative", "attendee"]));
    expect(await seedDemoDataIfEmpty()).toBeNull();

    expect(await db().event.count({ where: { status: "PUBLISHED" } })).toBeGreaterThanOrEqual(3);
    const ticketTypes = await db().ticketType.findMany({ select: { id: true, taken: true, capacity: true } });
    for (const ticketType of ticketTypes) {
      const holding = await db().registration.count({
        where: { ticketTypeId: ticketType.id, status: { in: ["CONFIRMED", "PENDING_PAYMENT", "PENDING_APPROVAL", "OFFERED"] } },
      });
      expect(ticketType.taken).toBe(holding);
      if (ticketType.capacity !== null) expect(ticketType.taken).toBeLessThanOrEqual(ticketType.capacity);
    }
    expect(await db().registration.count()).toBeGreaterThan(20);
  });
});
