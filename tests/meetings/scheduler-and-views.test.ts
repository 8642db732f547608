// Organiser tools on top of the booking core: the auto-scheduler (proposal → confirm, around
// existing meetings), no-shows, CSV, outcomes carried to the next stop, preferences.
import { beforeAll, describe, expect, it } from "vitest";
import type { DomainError } from "~/domain/kernel/errors";
import { grantHosting } from "~/domain/meetings/roadshow.server";
import { addMeetingPoint, publishAvailability } from "~/domain/meetings/availability.server";
import { acceptMeeting } from "~/domain/meetings/respond.server";
import { markNoShow, organiserStopCsv, organiserStopView } from "~/domain/meetings/organiser.server";
import { outcomesVisibleTo, recordOutcome } from "~/domain/meetings/outcomes.server";
import { setPreference } from "~/domain/meetings/preferences.server";
import { requestMeeting } from "~/domain/meetings/request.server";
import { confirmStopSchedule, proposeStopSchedule } from "~/domain/meetings/schedule.server";
import { hostStopView, roadshowView } from "~/domain/meetings/views.server";
import { db } from "~/platform/db.server";
import { makeAvailability, makeOrganisation, makeRegistrations, makeStopAttendance, makeUser } from "../support/factories";
import { doubleBookings, makeRoadshow, NOW } from "./fixtures";

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return { code: (error as DomainError).code, message: (error as DomainError).message };
  }
  throw new Error("expected a refusal");
}

type U = Awaited<ReturnType<typeof makeUser>>;
let rs: Awaited<ReturnType<typeof makeRoadshow>>;
let inv1: U, inv2: U, city: U, project: U, town: U;

beforeAll(async () => {
  rs = await makeRoadshow({ tables: 2 });
  [inv1, inv2, city, project, town] = [
    await makeUser({ name: "Ines Investor", roles: ["INVESTOR"] }),
    await makeUser({ name: "Ivo Investor", roles: ["INVESTOR"] }),
    await makeUser({ name: "Cora City" }),
    await makeUser({ name: "Pia Project" }),
    await makeUser({ name: "Tom Town" }),
  ];
  await makeRegistrations([city.id, project.id, town.id], rs.event.ticketTypes[0]);
  await makeStopAttendance(rs.lisbon, [city.id, project.id, town.id]);
  // Two hosts, two 30-minute slots each at 10:00 and 10:30 (Lisbon = UTC in March).
  await makeAvailability({ event: rs.event, stop: rs.lisbon, host: inv1, startsAt: "2027-03-10T10:00:00Z", endsAt: "2027-03-10T11:00:00Z" });
  await makeAvailability({ event: rs.event, stop: rs.lisbon, host: inv2, startsAt: "2027-03-10T10:00:00Z", endsAt: "2027-03-10T11:00:00Z" });
  await makeOrganisation({ name: "City of Cora", kind: "FELLOW_CITY", country: "PL", themes: ["MOBILITY"], members: [city] });
  await makeOrganisation({
    name: "Ines Fund",
    kind: "INVESTOR",
    country: "SE",
    themes: ["MOBILITY", "ENERGY"],
    ticketMinEur: 2_000_000n,
    ticketMaxEur: 25_000_000n,
    members: [inv1],
  });
});

describe("auto-scheduler", () => {
  it("proposes mutually wanted meetings around an existing confirmed one, with score and bound, and confirms them in one go", async () => {
    // Existing: Cora already meets Ines at 10:00.
    const existing = await requestMeeting(city, { slug: rs.slug, stopId: rs.lisbon.id, hostId: inv1.id, startsAt: "2027-03-10T10:00:00.000Z" }, NOW);
    await acceptMeeting(inv1, existing.id, NOW);
    // Marks: Cora ⇄ Ines (already met), Cora ⇄ Ivo must-meet, Pia ⇄ Ines would-like, Tom → Ivo only one-sided.
    const mark = (from: U, to: U, level: "MUST_MEET" | "WOULD_LIKE" | "NO_THANKS") => setPreference(from, rs.slug, to.id, level);
    await mark(city, inv1, "MUST_MEET");
    await mark(inv1, city, "MUST_MEET");
    await mark(city, inv2, "MUST_MEET");
    await mark(inv2, city, "MUST_MEET");
    await mark(project, inv1, "WOULD_LIKE");
    await mark(inv1, project, "WOULD_LIKE");
    await mark(town, inv2, "MUST_MEET");
    await mark(inv2, town, "NO_THANKS");
    expect((await refusal(setPreference(city, rs.slug, city.id, "MUST_MEET"))).code).toBe("VALIDATION");

    const proposal = await proposeStopSchedule(rs.organiser, rs.slug, rs.lisbon.id, NOW);
    expect(proposal.rows.map((r) => [r.hostName, r.guestName]).sort()).toEqual([
      ["Ines Investor", "Pia Project"],
      ["Ivo Investor", "Cora City"],
    ]);
    expect(proposal.score).toBe(4);
    expect(proposal.upperBound).toBeGreaterThanOrEqual(proposal.score);
    // Cora is busy at 10:00 with Ines: her meeting with Ivo must be at 10:30; Pia with Ines also at 10:30.
    for (const row of proposal.rows) expect(row.startsAt).toBe("2027-03-10T10:30:00.000Z");
    expect(new Set(proposal.rows.map((r) => r.meetingPointId)).size).toBe(2);

    // Only organisers run it.
    expect((await refusal(proposeStopSchedule(city, rs.slug, rs.lisbon.id, NOW))).code).toBe("FORBIDDEN");
    // A tampered proposal (a pair that did not ask) is refused, nothing written.
    const before = await db().meeting.count();
    const tampered = proposal.rows.map((r) => ({ hostId: r.hostId, guestId: r.guestId, startsAt: r.startsAt, meetingPointId: r.meetingPointId }));
    tampered[0] = { ...tampered[0], guestId: town.id };
    expect((await refusal(confirmStopSchedule(rs.organiser, rs.slug, rs.lisbon.id, tampered, NOW))).code).toBe("VALIDATION");
    expect(await db().meeting.count()).toBe(before);

    const assignments = proposal.rows.map((r) => ({ hostId: r.hostId, guestId: r.guestId, startsAt: r.startsAt, meetingPointId: r.meetingPointId }));
    const ids = await confirmStopSchedule(rs.organiser, rs.slug, rs.lisbon.id, assignments, NOW);
    expect(ids).toHaveLength(2);
    const created = await db().meeting.findMany({ where: { id: { in: ids } } });
    expect(created.every((m) => m.status === "CONFIRMED" && m.source === "SCHEDULER")).toBe(true);
    const invites = await db().outboxEmail.findMany({ where: { subject: { startsWith: "Meeting confirmed" } } });
    expect(invites.length).toBe(2 /* existing */ + 4);
    expect(await doubleBookings()).toBe(0);
    // Confirming the same proposal again is refused as a whole (the constraints still decide).
    expect((await refusal(confirmStopSchedule(rs.organiser, rs.slug, rs.lisbon.id, assignments, NOW))).code).toBe("SLOT_TAKEN");
    expect(await db().meeting.count()).toBe(before + 2);
    // Nothing left to schedule.
    expect((await proposeStopSchedule(rs.organiser, rs.slug, rs.lisbon.id, NOW)).rows).toEqual([]);
  });
});

describe("after the meetings", () => {
  it("no-shows, grid and CSV for organisers", async () => {
    const later = new Date("2027-03-10T12:00:00Z");
    const meeting = await db().meeting.findFirstOrThrow({ where: { hostId: inv1.id, guestId: city.id, status: "CONFIRMED" } });
    expect((await refusal(markNoShow(rs.organiser, rs.slug, meeting.id, true, NOW))).code).toBe("VALIDATION");
    expect((await refusal(markNoShow(city, rs.slug, meeting.id, true, later))).code).toBe("FORBIDDEN");
    expect((await markNoShow(rs.organiser, rs.slug, meeting.id, true, later)).noShow).toBe(true);
    const view = await organiserStopView(rs.organiser, rs.slug, rs.lisbon.id, later);
    expect(view.counts.confirmed).toBe(3);
    // The organiser sees who attends the stop (the scheduler's guests), hosts excluded.
    expect(view.guests.map((g) => g.name)).toEqual(["Cora City", "Pia Project", "Tom Town"]);
    expect(view.guests[0].organisation).toBe("City of Cora");
    expect(view.rows.find((r) => r.label === "10:00–10:30")?.cells.some((c) => c?.noShow)).toBe(true);
    const csv = await organiserStopCsv(rs.organiser, rs.slug, rs.lisbon.id);
    expect(csv.body.split("\r\n")[0]).toContain('"date","start","end","zone","table","host"');
    expect(csv.body).toContain('"Ines Investor","Ines Fund","Cora City","City of Cora","CONFIRMED","REQUEST","yes"');
  });

  it("outcomes are private to the recording organisation and shown again at the next stop", async () => {
    const later = new Date("2027-03-10T12:00:00Z");
    const meeting = await db().meeting.findFirstOrThrow({ where: { hostId: inv1.id, guestId: city.id, status: "CONFIRMED" } });
    expect((await refusal(recordOutcome(city, meeting.id, { followUp: true }, NOW))).code).toBe("VALIDATION");
    expect((await refusal(recordOutcome(project, meeting.id, { followUp: true }, later))).code).toBe("NOT_FOUND");
    await recordOutcome(city, meeting.id, { followUp: true, nextStep: "Send the e-bus business case", notes: "Keen on depots" }, later);
    await recordOutcome(inv1, meeting.id, { followUp: false, notes: "Too early for us" }, later);
    expect((await outcomesVisibleTo(city.id, [meeting.id])).get(meeting.id)?.notes).toBe("Keen on depots");
    expect((await outcomesVisibleTo(inv1.id, [meeting.id])).get(meeting.id)?.notes).toBe("Too early for us");
    expect((await outcomesVisibleTo(project.id, [meeting.id])).size).toBe(0);
    // Helsinki (next stop): the host page and the roadshow page show what was agreed in Lisbon.
    await makeAvailability({ event: rs.event, stop: rs.helsinki, host: inv1, startsAt: "2027-03-17T08:00:00Z", endsAt: "2027-03-17T09:00:00Z" });
    const hostView = await hostStopView(inv1, rs.slug, rs.helsinki.id, later);
    expect(hostView.previous).toEqual([expect.objectContaining({ otherName: "Cora City", notes: "Too early for us", followUp: false })]);
    const cityView = await roadshowView(city, rs.slug, {}, later);
    expect(cityView.previous).toEqual([expect.objectContaining({ otherName: "Ines Investor", nextStep: "Send the e-bus business case" })]);
  });

  it("the roadshow page lists investors' free slots in the stop's zone or the viewer's, and recommendations with reasons", async () => {
    const view = await roadshowView(city, rs.slug, {}, NOW);
    const helsinki = view.stops.find((s) => s.city === "Helsinki")!;
    expect(helsinki.hosts[0].days[0].slots[0]).toMatchObject({ label: "10:00–10:30", zoneName: "EET" });
    const inWarsaw = await roadshowView(city, rs.slug, { zone: "Europe/Warsaw" }, NOW);
    expect(inWarsaw.stops.find((s) => s.city === "Helsinki")!.hosts[0].days[0].slots[0]).toMatchObject({ label: "09:00–09:30", zoneName: "CET" });
    expect(view.viewer).toEqual({ participant: true, host: false, hostHere: false, organiser: false, registered: true });
    expect(view.recommendations[0]).toMatchObject({ name: "Ines Investor" });
    expect(view.recommendations[0].reasons).toMatch(/theme/i);
    const anonymous = await roadshowView(null, rs.slug, {}, NOW);
    expect(anonymous.viewer).toBeNull();
    expect(anonymous.recommendations).toEqual([]);
  });
});

describe("organiser set-up", () => {
  it("adds tables (names unique per stop) and lets a registered participant host", async () => {
    const point = await addMeetingPoint(rs.organiser, rs.slug, rs.helsinki.id, "Sauna corner");
    expect(point.name).toBe("Sauna corner");
    expect((await refusal(addMeetingPoint(rs.organiser, rs.slug, rs.helsinki.id, "Sauna corner"))).code).toBe("CONFLICT");
    expect((await refusal(addMeetingPoint(city, rs.slug, rs.helsinki.id, "Mine"))).code).toBe("FORBIDDEN");
    const window = [{ start: "2027-03-17T14:00", end: "2027-03-17T15:00", slotMinutes: 20, bufferMinutes: 10 }];
    expect((await refusal(publishAvailability(town, rs.slug, rs.helsinki.id, window, NOW))).code).toBe("FORBIDDEN");
    expect((await refusal(grantHosting(city, rs.slug, town.email))).code).toBe("FORBIDDEN");
    const outsider = await makeUser({ name: "Olli Outsider" });
    expect((await refusal(grantHosting(rs.organiser, rs.slug, outsider.email))).code).toBe("VALIDATION");
    expect(await grantHosting(rs.organiser, rs.slug, town.email.toUpperCase())).toBe("Tom Town");
    expect(await publishAvailability(town, rs.slug, rs.helsinki.id, window, NOW)).toBe(1);
  });
});
