// Per-stop attendance (issue 5): cities and projects choose the stops they attend; the stop's
// auto-scheduler only pairs guests who attend it; requesting a meeting at a stop marks it.
import { beforeAll, describe, expect, it } from "vitest";
import type { DomainError } from "~/domain/kernel/errors";
import { setStopAttendance } from "~/domain/meetings/attendance.server";
import { setPreference } from "~/domain/meetings/preferences.server";
import { requestMeeting } from "~/domain/meetings/request.server";
import { confirmStopSchedule, proposeStopSchedule } from "~/domain/meetings/schedule.server";
import { hostStopView, roadshowView } from "~/domain/meetings/views.server";
import { db } from "~/platform/db.server";
import { makeAvailability, makeRegistration, makeRegistrations, makeUser } from "../support/factories";
import { makeRoadshow, NOW } from "./fixtures";

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, message: e.message, fieldErrors: e.fieldErrors };
  }
  throw new Error("expected a refusal");
}

type U = Awaited<ReturnType<typeof makeUser>>;
let rs: Awaited<ReturnType<typeof makeRoadshow>>;
let other: Awaited<ReturnType<typeof makeRoadshow>>;
let investor: U, city: U, project: U, outsider: U, pending: U;

const attended = async (user: U) => (await db().stopAttendance.findMany({ where: { userId: user.id }, select: { stopId: true } })).map((r) => r.stopId).sort();

beforeAll(async () => {
  rs = await makeRoadshow({ tables: 2 });
  other = await makeRoadshow({ tables: 0 });
  investor = await makeUser({ name: "Ines Investor", roles: ["INVESTOR"] });
  city = await makeUser({ name: "Cora City", roles: ["REPRESENTATIVE"] });
  project = await makeUser({ name: "Pia Project", roles: ["REPRESENTATIVE"] });
  outsider = await makeUser({ name: "Olli Outsider", roles: ["REPRESENTATIVE"] });
  pending = await makeUser({ name: "Paul Pending", roles: ["REPRESENTATIVE"] });
  await makeRegistrations([city.id, project.id], rs.event.ticketTypes[0]);
  await makeRegistration(pending, rs.event.ticketTypes[0], { status: "PENDING_APPROVAL" });
  // The investor hosts at both stops: 10:00–11:00 in Lisbon (UTC), 10:00–11:00 in Helsinki (UTC+2).
  await makeAvailability({ event: rs.event, stop: rs.lisbon, host: investor, startsAt: "2027-03-10T10:00:00Z", endsAt: "2027-03-10T11:00:00Z" });
  await makeAvailability({ event: rs.event, stop: rs.helsinki, host: investor, startsAt: "2027-03-17T08:00:00Z", endsAt: "2027-03-17T09:00:00Z" });
});

describe("choosing the stops one attends", () => {
  it("sets, replaces and clears the whole set (one id, several, none)", async () => {
    expect(await setStopAttendance(city, rs.slug, [rs.lisbon.id, rs.helsinki.id, rs.lisbon.id])).toEqual([
      { id: rs.lisbon.id, city: "Lisbon" },
      { id: rs.helsinki.id, city: "Helsinki" },
    ]);
    expect(await attended(city)).toEqual([rs.lisbon.id, rs.helsinki.id].sort());
    await setStopAttendance(city, rs.slug, rs.helsinki.id);
    expect(await attended(city)).toEqual([rs.helsinki.id]);
    await setStopAttendance(city, rs.slug, undefined);
    expect(await attended(city)).toEqual([]);
    await setStopAttendance(city, rs.slug, [rs.helsinki.id]);
    expect(await attended(city)).toEqual([rs.helsinki.id]);
  });

  it("refuses people without a confirmed registration (outsiders, pending) and writes nothing", async () => {
    for (const person of [outsider, pending]) {
      const refused = await refusal(setStopAttendance(person, rs.slug, [rs.lisbon.id]));
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toContain("confirmed registration");
      expect(await attended(person)).toEqual([]);
    }
  });

  it("refuses a stop of another roadshow or a malformed id with a field message, leaving the set as it was", async () => {
    for (const tampered of [[rs.lisbon.id, other.lisbon.id], ["not-a-uuid"], [{ id: rs.lisbon.id }]]) {
      const refused = await refusal(setStopAttendance(city, rs.slug, tampered));
      expect(refused.code).toBe("VALIDATION");
      expect(refused.fieldErrors?.stopIds).toContain("not part of this roadshow");
    }
    expect(await attended(city)).toEqual([rs.helsinki.id]);
  });
});

describe("the scheduler and bookings respect attendance", () => {
  it("pairs a guest at a stop they attend and never at one they do not", async () => {
    // Cora attends Helsinki only; she and the investor want to meet.
    await setPreference(city, rs.slug, investor.id, "MUST_MEET");
    await setPreference(investor, rs.slug, city.id, "MUST_MEET");
    expect(await attended(city)).toEqual([rs.helsinki.id]);

    const lisbon = await proposeStopSchedule(rs.organiser, rs.slug, rs.lisbon.id, NOW);
    expect(lisbon.rows.map((r) => r.guestName)).not.toContain("Cora City");
    expect(lisbon.mutualPairs).toBe(0);
    // A hand-made proposal pairing her in Lisbon is refused too, nothing written.
    const refused = await refusal(
      confirmStopSchedule(
        rs.organiser,
        rs.slug,
        rs.lisbon.id,
        [
          {
            hostId: investor.id,
            guestId: city.id,
            startsAt: "2027-03-10T10:00:00.000Z",
            meetingPointId: (await db().meetingPoint.findFirstOrThrow({ where: { stopId: rs.lisbon.id } })).id,
          },
        ],
        NOW,
      ),
    );
    expect(refused.code).toBe("VALIDATION");
    expect(await db().meeting.count({ where: { eventId: rs.event.id } })).toBe(0);

    const helsinki = await proposeStopSchedule(rs.organiser, rs.slug, rs.helsinki.id, NOW);
    expect(helsinki.rows.map((r) => [r.hostName, r.guestName])).toEqual([["Ines Investor", "Cora City"]]);
  });

  it("shows hosts which stops each candidate attends, and the stop's host page lists who attends it", async () => {
    const view = await roadshowView(investor, rs.slug, {}, NOW);
    expect(view.attendance).toBeNull();
    expect(view.candidates?.find((c) => c.id === city.id)?.stops).toEqual(["Helsinki"]);
    expect(view.candidates?.find((c) => c.id === project.id)?.stops).toEqual([]);
    expect((await hostStopView(investor, rs.slug, rs.helsinki.id, NOW)).attendees?.map((a) => a.name)).toEqual(["Cora City"]);
    expect((await hostStopView(investor, rs.slug, rs.lisbon.id, NOW)).attendees).toEqual([]);
    // The city's own page offers the choice, with what she ticked.
    expect((await roadshowView(city, rs.slug, {}, NOW)).attendance).toEqual({ stopIds: [rs.helsinki.id] });
  });

  it("requesting a meeting at a stop one has not ticked ticks it in the same transaction; it cannot be unticked while the request lives", async () => {
    expect(await attended(project)).toEqual([]);
    const meeting = await requestMeeting(project, { slug: rs.slug, stopId: rs.lisbon.id, hostId: investor.id, startsAt: "2027-03-10T10:30:00.000Z" }, NOW);
    expect(meeting.status).toBe("REQUESTED");
    expect(await attended(project)).toEqual([rs.lisbon.id]);
    expect((await hostStopView(investor, rs.slug, rs.lisbon.id, NOW)).attendees?.map((a) => a.name)).toEqual(["Pia Project"]);

    const refused = await refusal(setStopAttendance(project, rs.slug, [rs.helsinki.id]));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fieldErrors?.stopIds).toContain("Lisbon");
    expect(await attended(project)).toEqual([rs.lisbon.id]);
    // Adding a stop while keeping Lisbon is fine.
    await setStopAttendance(project, rs.slug, [rs.lisbon.id, rs.helsinki.id]);
    expect(await attended(project)).toEqual([rs.lisbon.id, rs.helsinki.id].sort());
  });

  it("a refused request (slot taken) marks nothing", async () => {
    const late = await makeUser({ name: "Lea Late", roles: ["REPRESENTATIVE"] });
    await makeRegistrations([late.id], rs.event.ticketTypes[0]);
    const refused = await refusal(
      requestMeeting(late, { slug: rs.slug, stopId: rs.lisbon.id, hostId: investor.id, startsAt: "2027-03-10T10:30:00.000Z" }, NOW),
    );
    expect(refused.code).toBe("SLOT_TAKEN");
    expect(await attended(late)).toEqual([]);
  });
});
