// The database itself refuses double bookings: these inserts bypass the app entirely.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { constraintViolation } from "~/domain/meetings/db-errors.server";
import { db } from "~/platform/db.server";
import { makeUser } from "../support/factories";
import { makeRoadshow } from "./fixtures";

let eventId: string;
let tableId: string;
let people: Record<"ann" | "ben" | "cid" | "dee", string>;

async function insert(hostId: string, guestId: string, from: string, to: string, status = "CONFIRMED", pointId: string | null = null) {
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "Meeting" ("eventId","hostId","guestId","meetingPointId","startsAt","endsAt","status","updatedAt")
     VALUES ($1::uuid,$2::uuid,$3::uuid,$4::uuid,$5::timestamptz,$6::timestamptz,$7::"MeetingStatus",now()) RETURNING "id"`,
    eventId,
    hostId,
    guestId,
    pointId,
    from,
    to,
    status,
  );
  return rows[0].id;
}

async function refusedBy(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return constraintViolation(error)?.constraint ?? `unexpected: ${String(error)}`;
  }
}

beforeAll(async () => {
  const { event, lisbon } = await makeRoadshow({ tables: 1 });
  eventId = event.id;
  tableId = (await db().meetingPoint.findFirstOrThrow({ where: { stopId: lisbon.id } })).id;
  people = {
    ann: (await makeUser({ name: "Ann", roles: ["INVESTOR"] })).id,
    ben: (await makeUser({ name: "Ben" })).id,
    cid: (await makeUser({ name: "Cid", roles: ["INVESTOR"] })).id,
    dee: (await makeUser({ name: "Dee" })).id,
  };
});

describe("database guarantees (direct SQL)", () => {
  it("a slot holds one live meeting: a second overlapping meeting of the same host is refused", async () => {
    await insert(people.ann, people.ben, "2027-05-01T10:00Z", "2027-05-01T10:30Z");
    expect(await refusedBy(insert(people.ann, people.dee, "2027-05-01T10:15Z", "2027-05-01T10:45Z"))).toBe("Meeting_host_slot_excl");
    // A pending request holds the slot as well.
    expect(await refusedBy(insert(people.ann, people.dee, "2027-05-01T10:00Z", "2027-05-01T10:30Z", "REQUESTED"))).toBe("Meeting_host_slot_excl");
    // Back to back is fine: ranges are half-open.
    expect(await refusedBy(insert(people.ann, people.dee, "2027-05-01T10:30Z", "2027-05-01T11:00Z"))).toBeNull();
  });

  it("a person is never in two overlapping meetings, whether host or guest", async () => {
    await insert(people.cid, people.ben, "2027-05-02T09:00Z", "2027-05-02T09:30Z");
    // Ben is a guest of Cid at 09:00; as host of Dee at 09:15 he would be in two places.
    expect(await refusedBy(insert(people.ben, people.dee, "2027-05-02T09:15Z", "2027-05-02T09:45Z"))).toBe("MeetingParticipant_no_overlap");
    // Cid is host at 09:00; as Ann's guest at 09:10 likewise.
    expect(await refusedBy(insert(people.ann, people.cid, "2027-05-02T09:10Z", "2027-05-02T09:20Z"))).toBe("MeetingParticipant_no_overlap");
    // Writing the participants table directly is refused too.
    const someMeeting = await insert(people.ann, people.dee, "2027-05-02T12:00Z", "2027-05-02T12:30Z");
    expect(
      await refusedBy(
        db().$executeRawUnsafe(
          `UPDATE "MeetingParticipant" SET "startsAt" = '2027-05-02T09:00Z', "endsAt" = '2027-05-02T09:30Z', "userId" = $1::uuid WHERE "meetingId" = $2::uuid AND "role" = 'GUEST'`,
          people.ben,
          someMeeting,
        ),
      ),
    ).toBe("MeetingParticipant_no_overlap");
  });

  it("cancelled, declined and expired meetings free the time; reviving one into a clash is refused", async () => {
    const first = await insert(people.ann, people.ben, "2027-05-03T10:00Z", "2027-05-03T10:30Z");
    await db().$executeRawUnsafe(`UPDATE "Meeting" SET "status" = 'CANCELLED' WHERE "id" = $1::uuid`, first);
    const second = await insert(people.ann, people.dee, "2027-05-03T10:00Z", "2027-05-03T10:30Z");
    expect(second).toBeTruthy();
    expect(await refusedBy(db().$executeRawUnsafe(`UPDATE "Meeting" SET "status" = 'CONFIRMED' WHERE "id" = $1::uuid`, first))).toBe("Meeting_host_slot_excl");
    const participants = await db().meetingParticipant.findMany({ where: { meetingId: first } });
    expect(participants.map((p) => p.active)).toEqual([false, false]);
  });

  it("a meeting point is never double-booked", async () => {
    await insert(people.ann, people.ben, "2027-05-04T10:00Z", "2027-05-04T10:30Z", "CONFIRMED", tableId);
    expect(await refusedBy(insert(people.cid, people.dee, "2027-05-04T10:20Z", "2027-05-04T10:50Z", "CONFIRMED", tableId))).toBe("Meeting_point_excl");
    expect(await refusedBy(insert(people.cid, people.dee, "2027-05-04T10:30Z", "2027-05-04T11:00Z", "CONFIRMED", tableId))).toBeNull();
  });

  it("concurrent raw inserts for one slot: exactly one wins, every other statement fails (none hangs)", { timeout: 60_000 }, async () => {
    const guests = await Promise.all(Array.from({ length: 20 }, (_, i) => makeUser({ name: `Racer ${i}` })));
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
    try {
      const started = Date.now();
      const results = await Promise.allSettled(
        guests.map((guest) =>
          pool.query(
            `INSERT INTO "Meeting" ("eventId","hostId","guestId","startsAt","endsAt","status","updatedAt") VALUES ($1,$2,$3,'2027-05-06T10:00Z','2027-05-06T10:30Z','REQUESTED',now())`,
            [eventId, people.cid, guest.id],
          ),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      // Losers get the exclusion violation, or (two checks waiting on each other) a detected deadlock.
      for (const r of results) if (r.status === "rejected") expect(["23P01", "40P01"]).toContain(r.reason.code);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await pool.end();
    }
  });

  it("nobody meets themselves", async () => {
    expect(await refusedBy(insert(people.ann, people.ann, "2027-05-05T10:00Z", "2027-05-05T10:30Z"))).toBe("Meeting_not_with_yourself");
  });
});
