// Hosts mark the cities and projects they want to meet, so the auto-scheduler (which needs both
// sides' marks) can pair them; only the roadshow's hosts and participants may mark, and a host
// sees only the people confirmed for that roadshow. Plus: who counts as an organiser of the
// meetings, and online links that must be web addresses.
import { beforeAll, describe, expect, it } from "vitest";
import type { DomainError } from "~/domain/kernel/errors";
import { findRoadshow, grantHosting } from "~/domain/meetings/roadshow.server";
import { runMeetingAction } from "~/domain/meetings/actions.server";
import { addMeetingPoint, publishAvailability } from "~/domain/meetings/availability.server";
import { markNoShow, organiserStopCsv, organiserStopView } from "~/domain/meetings/organiser.server";
import { setPreference } from "~/domain/meetings/preferences.server";
import { confirmStopSchedule, proposeStopSchedule } from "~/domain/meetings/schedule.server";
import { roadshowView } from "~/domain/meetings/views.server";
import { db } from "~/platform/db.server";
import {
  makeAvailability,
  makeOrganisation,
  makeRegistration,
  makeRegistrations,
  makeStopAttendance,
  makeTeamMember,
  makeUser,
  unique,
} from "../support/factories";
import { makeRoadshow, NOW } from "./fixtures";

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return { code: (error as DomainError).code, message: (error as DomainError).message, fieldErrors: (error as DomainError).fieldErrors };
  }
  throw new Error("expected a refusal");
}

type U = Awaited<ReturnType<typeof makeUser>>;
let rs: Awaited<ReturnType<typeof makeRoadshow>>;
let investor: U, otherInvestor: U, strayInvestor: U, city: U, project: U, pending: U, outsider: U;

beforeAll(async () => {
  rs = await makeRoadshow({ tables: 2 });
  investor = await makeUser({ name: "Ines Investor", roles: ["INVESTOR"] });
  otherInvestor = await makeUser({ name: "Ivo Investor", roles: ["INVESTOR"] });
  strayInvestor = await makeUser({ name: "Sven Stray", roles: ["INVESTOR"] });
  city = await makeUser({ name: "Cora City", roles: ["REPRESENTATIVE"] });
  project = await makeUser({ name: "Pia Project", roles: ["REPRESENTATIVE"] });
  pending = await makeUser({ name: "Paul Pending", roles: ["REPRESENTATIVE"] });
  outsider = await makeUser({ name: "Olli Outsider" });
  await makeRegistrations([city.id, project.id], rs.event.ticketTypes[0]);
  await makeStopAttendance(rs.lisbon, [city.id, project.id]);
  // A registration awaiting approval does not make a participant.
  await makeRegistration(pending, rs.event.ticketTypes[0], { status: "PENDING_APPROVAL" });
  await makeAvailability({ event: rs.event, stop: rs.lisbon, host: investor, startsAt: "2027-03-10T10:00:00Z", endsAt: "2027-03-10T11:00:00Z" });
  await makeAvailability({ event: rs.event, stop: rs.lisbon, host: otherInvestor, startsAt: "2027-03-10T10:00:00Z", endsAt: "2027-03-10T11:00:00Z" });
  await makeOrganisation({ name: "City of Cora", kind: "FELLOW_CITY", country: "PL", themes: ["MOBILITY"], investmentSoughtEur: 5_000_000n, members: [city] });
  await makeOrganisation({
    name: "Ines Fund",
    kind: "INVESTOR",
    country: "SE",
    themes: ["MOBILITY", "ENERGY"],
    ticketMinEur: 2_000_000n,
    ticketMaxEur: 25_000_000n,
    members: [investor],
  });
});

describe("hosts mark cities and projects", () => {
  it("a host sees the roadshow's confirmed cities and projects (organisation, themes, reasons), not hosts, pending or unregistered people", async () => {
    const view = await roadshowView(investor, rs.slug, {}, NOW);
    expect(view.viewer).toMatchObject({ host: true, hostHere: true });
    expect(view.candidates?.map((c) => c.name)).toEqual(["Cora City", "Pia Project"]);
    expect(view.candidates?.[0]).toMatchObject({
      organisation: "City of Cora",
      kind: "Fellow city",
      themes: ["Mobility"],
      seeks: "seeks 5 M€",
      recommended: true,
      preference: null,
    });
    expect(view.candidates?.[0].reasons).toMatch(/shared theme: Mobility/);
    expect(view.candidates?.[0].reasons).toMatch(/they seek 5 M€, you invest 2–25 M€/);
    expect(view.candidates?.[1]).toMatchObject({ organisation: null, recommended: false, reasons: "" });
    // Hosts are shown cities and projects instead of other investors.
    expect(view.recommendations).toEqual([]);
    // Cities, projects, visitors and investors with no tie to the roadshow get no such list.
    expect((await roadshowView(city, rs.slug, {}, NOW)).candidates).toBeNull();
    expect((await roadshowView(null, rs.slug, {}, NOW)).candidates).toBeNull();
    const stray = await roadshowView(strayInvestor, rs.slug, {}, NOW);
    expect(stray.viewer).toMatchObject({ host: true, hostHere: false });
    expect(stray.candidates).toBeNull();
  });

  it("the host's mark (through the action the page posts) and the city's make the scheduler propose and confirm their meeting", async () => {
    // Only the city's mark: nothing mutual yet.
    expect(await runMeetingAction(city, rs.slug, { intent: "preference", toUserId: investor.id, level: "MUST_MEET" })).toBe("Preference saved.");
    expect((await proposeStopSchedule(rs.organiser, rs.slug, rs.lisbon.id, NOW)).rows).toEqual([]);

    expect(await runMeetingAction(investor, rs.slug, { intent: "preference", toUserId: city.id, level: "MUST_MEET" })).toBe("Preference saved.");
    expect((await roadshowView(investor, rs.slug, {}, NOW)).candidates?.find((c) => c.id === city.id)?.preference).toBe("MUST_MEET");

    const proposal = await proposeStopSchedule(rs.organiser, rs.slug, rs.lisbon.id, NOW);
    expect(proposal.rows.map((r) => [r.hostName, r.guestName, r.weight])).toEqual([["Ines Investor", "Cora City", 3]]);
    const ids = await confirmStopSchedule(
      rs.organiser,
      rs.slug,
      rs.lisbon.id,
      proposal.rows.map((r) => ({ hostId: r.hostId, guestId: r.guestId, startsAt: r.startsAt, meetingPointId: r.meetingPointId })),
      NOW,
    );
    const meeting = await db().meeting.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(meeting).toMatchObject({ hostId: investor.id, guestId: city.id, status: "CONFIRMED", source: "SCHEDULER" });

    // Clearing a mark deletes it.
    expect(await runMeetingAction(investor, rs.slug, { intent: "preference", toUserId: project.id, level: "WOULD_LIKE" })).toBe("Preference saved.");
    expect(await runMeetingAction(investor, rs.slug, { intent: "preference", toUserId: project.id, level: "NONE" })).toBe("Mark removed.");
    expect(await db().meetingPreference.count({ where: { fromUserId: investor.id, toUserId: project.id } })).toBe(0);
  });

  it("people who neither host at the roadshow nor are registered for it cannot mark; hosts cannot mark people outside it", async () => {
    const before = await db().meetingPreference.count();
    for (const who of [outsider, pending, strayInvestor]) {
      expect(await refusal(setPreference(who, rs.slug, city.id, "MUST_MEET"))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(setPreference(who, rs.slug, investor.id, "MUST_MEET"))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await refusal(setPreference(investor, rs.slug, outsider.id, "MUST_MEET"))).code).toBe("NOT_FOUND");
    expect((await refusal(setPreference(investor, rs.slug, pending.id, "MUST_MEET"))).code).toBe("NOT_FOUND");
    expect((await refusal(setPreference(investor, rs.slug, "not-a-uuid", "MUST_MEET"))).code).toBe("NOT_FOUND");
    expect(await db().meetingPreference.count()).toBe(before);
  });
});

describe("organisers of the meetings", () => {
  let moderator: U, checkin: U, coOrganiser: U, admin: U;

  beforeAll(async () => {
    [moderator, checkin, coOrganiser, admin] = [
      await makeUser({ name: "Mo Moderator" }),
      await makeUser({ name: "Cher Check-in" }),
      await makeUser({ name: "Co Organiser" }),
      await makeUser({ name: "Ada Admin", roles: ["ADMIN"] }),
    ];
    await makeTeamMember(rs.event, moderator, "MODERATOR");
    await makeTeamMember(rs.event, checkin, "CHECKIN");
    await makeTeamMember(rs.event, coOrganiser, "ORGANISER");
  });

  it("moderators and check-in staff cannot run the scheduler, export the CSV, mark no-shows, add tables or grant hosting", async () => {
    const later = new Date("2027-03-10T12:00:00Z");
    const meeting = await db().meeting.findFirstOrThrow({ where: { eventId: rs.event.id } });
    for (const staff of [moderator, checkin]) {
      expect((await refusal(proposeStopSchedule(staff, rs.slug, rs.lisbon.id, NOW))).code).toBe("FORBIDDEN");
      expect((await refusal(confirmStopSchedule(staff, rs.slug, rs.lisbon.id, [], NOW))).code).toBe("FORBIDDEN");
      expect((await refusal(organiserStopView(staff, rs.slug, rs.lisbon.id, NOW))).code).toBe("FORBIDDEN");
      expect((await refusal(organiserStopCsv(staff, rs.slug, rs.lisbon.id))).code).toBe("FORBIDDEN");
      expect((await refusal(markNoShow(staff, rs.slug, meeting.id, true, later))).code).toBe("FORBIDDEN");
      expect((await refusal(addMeetingPoint(staff, rs.slug, rs.lisbon.id, `Table of ${staff.name}`))).code).toBe("FORBIDDEN");
      expect((await refusal(grantHosting(staff, rs.slug, project.email))).code).toBe("FORBIDDEN");
      expect((await roadshowView(staff, rs.slug, {}, NOW)).viewer?.organiser).toBe(false);
    }
    expect(await db().meetingHostGrant.count()).toBe(0);
    expect(await db().meeting.count({ where: { noShow: true } })).toBe(0);
  });

  it("owners, organisers and admins can", async () => {
    for (const boss of [rs.organiser, coOrganiser, admin]) {
      expect((await organiserStopCsv(boss, rs.slug, rs.lisbon.id)).body).toContain("Cora City");
      expect((await proposeStopSchedule(boss, rs.slug, rs.lisbon.id, NOW)).rows).toEqual([]);
      expect((await roadshowView(boss, rs.slug, {}, NOW)).viewer?.organiser).toBe(true);
    }
    expect(await grantHosting(coOrganiser, rs.slug, project.email)).toBe("Pia Project");
  });

  it("any event role still sees a draft roadshow; others do not", async () => {
    await db().event.update({ where: { id: rs.event.id }, data: { status: "DRAFT" } });
    try {
      for (const staff of [moderator, checkin, coOrganiser]) expect((await findRoadshow(rs.slug, staff)).id).toBe(rs.event.id);
      expect((await refusal(findRoadshow(rs.slug, city))).code).toBe("NOT_FOUND");
    } finally {
      await db().event.update({ where: { id: rs.event.id }, data: { status: "PUBLISHED" } });
    }
  });
});

describe("online meeting links", () => {
  it("only http(s) links are accepted for availability windows and meeting points; nothing is written otherwise", async () => {
    const windows = (onlineUrl: string) => [{ start: "2027-03-17T14:00", end: "2027-03-17T15:00", slotMinutes: 30, bufferMinutes: 0, onlineUrl }];
    const before = { windows: await db().meetingAvailability.count(), points: await db().meetingPoint.count() };
    for (const bad of [
      "javascript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://files.example.org/room",
      "meet.example.org/room",
    ]) {
      expect(await refusal(publishAvailability(investor, rs.slug, rs.helsinki.id, windows(bad), NOW))).toMatchObject({
        code: "VALIDATION",
        fieldErrors: { "windows.0.onlineUrl": "Enter a full web address starting with https://." },
      });
      expect(await refusal(addMeetingPoint(rs.organiser, rs.slug, rs.helsinki.id, `Room ${unique()}`, bad))).toMatchObject({
        code: "VALIDATION",
        fieldErrors: { onlineUrl: "Enter a full web address starting with https://." },
      });
    }
    expect(await db().meetingAvailability.count()).toBe(before.windows);
    expect(await db().meetingPoint.count()).toBe(before.points);
    expect(await publishAvailability(investor, rs.slug, rs.helsinki.id, windows("https://meet.example.org/ines"), NOW)).toBe(1);
    expect((await addMeetingPoint(rs.organiser, rs.slug, rs.helsinki.id, "Online room", "http://meet.example.org/room")).onlineUrl).toBe(
      "http://meet.example.org/room",
    );
  });
});
