// The booking flow step by step: request, answer, cancel, move, expire — with the emails and
// calendar attachments each step queues, and the refusals for bad input (nothing half-written).
import { beforeAll, describe, expect, it } from "vitest";
import type { DomainError } from "~/domain/kernel/errors";
import { publishAvailability } from "~/domain/meetings/availability.server";
import { cancelMeeting } from "~/domain/meetings/cancel.server";
import { expireStaleMeetingRequests } from "~/domain/meetings/expire.server";
import { acceptProposal, proposeOtherSlot, rejectProposal } from "~/domain/meetings/propose.server";
import { requestMeeting } from "~/domain/meetings/request.server";
import { acceptMeeting, declineMeeting } from "~/domain/meetings/respond.server";
import { db } from "~/platform/db.server";
import { makeAvailability, makeEvent, makeRegistrations, makeUser } from "../support/factories";
import { makeRoadshow, NOW } from "./fixtures";

type Setup = Awaited<ReturnType<typeof makeRoadshow>>;
let rs: Setup;
let host: Awaited<ReturnType<typeof makeUser>>;
let guest: Awaited<ReturnType<typeof makeUser>>;
let other: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, message: e.message };
  }
  throw new Error("expected a refusal");
}

function decodeIcs(attachments: unknown): { filename: string; text: string }[] {
  return (attachments as { filename: string; content: string }[]).map((a) => ({
    filename: a.filename,
    text: Buffer.from(a.content, "base64").toString("utf8"),
  }));
}

async function emailsTo(email: string) {
  return db().outboxEmail.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" } });
}

const request = (who: { id: string; roles: readonly string[] }, at: string, extra: Record<string, unknown> = {}) =>
  requestMeeting(who as never, { slug: rs.slug, stopId: rs.lisbon.id, hostId: host.id, startsAt: at, message: "Can we talk about e-buses?", ...extra }, NOW);

beforeAll(async () => {
  rs = await makeRoadshow({ tables: 2 });
  host = await makeUser({ name: "Ivy Investor", roles: ["INVESTOR"] });
  guest = await makeUser({ name: "Carla City", roles: ["REPRESENTATIVE"] });
  other = await makeUser({ name: "Pablo Project", roles: ["REPRESENTATIVE"] });
  outsider = await makeUser({ name: "Nora Nobody", roles: ["REPRESENTATIVE"] });
  await makeRegistrations([guest.id, other.id], rs.event.ticketTypes[0]);
  await makeAvailability({ event: rs.event, stop: rs.lisbon, host, startsAt: "2027-03-10T10:00:00Z", endsAt: "2027-03-10T12:00:00Z" });
});

describe("requesting and answering", () => {
  it("request → accept: confirmed, SEQUENCE bumped, both get METHOD:REQUEST with the stable UID", async () => {
    const requested = await request(guest, "2027-03-10T10:00:00.000Z");
    expect(requested.status).toBe("REQUESTED");
    expect(requested.requestExpiresAt).toEqual(new Date(NOW.getTime() + 48 * 3_600_000));
    expect((await emailsTo(host.email)).map((e) => e.subject)).toEqual([expect.stringMatching(/^Meeting request from Carla City/)]);

    const confirmed = await acceptMeeting(host, requested.id, NOW);
    expect(confirmed.status).toBe("CONFIRMED");
    expect(confirmed.sequence).toBe(1);
    for (const person of [host, guest]) {
      const mail = (await emailsTo(person.email)).find((e) => e.subject.startsWith("Meeting confirmed"));
      expect(mail, person.name).toBeTruthy();
      const [ics] = decodeIcs(mail!.attachments);
      expect(ics.text).toContain("METHOD:REQUEST");
      expect(ics.text).toContain(`UID:meeting-${requested.id}@localhost`);
      expect(ics.text).toContain("SEQUENCE:1");
      expect(ics.text).toContain("ORGANIZER");
      expect(ics.text).toContain("DTSTART:20270310T100000Z");
    }
  });

  it("the slot is then taken for everybody else, and the guest cannot double-book themselves", async () => {
    expect(await refusal(request(other, "2027-03-10T10:00:00.000Z"))).toEqual({ code: "SLOT_TAKEN", message: "That slot was just taken — pick another." });
  });

  it("cancel a confirmed meeting: both get METHOD:CANCEL with the same UID and a higher SEQUENCE; the slot is free again", async () => {
    const meeting = await db().meeting.findFirstOrThrow({ where: { hostId: host.id, status: "CONFIRMED" } });
    const cancelled = await cancelMeeting(guest, meeting.id, NOW);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.sequence).toBe(2);
    for (const person of [host, guest]) {
      const mail = (await emailsTo(person.email)).find((e) => e.subject.startsWith("Meeting cancelled"));
      const [ics] = decodeIcs(mail!.attachments);
      expect(ics.text).toContain("METHOD:CANCEL");
      expect(ics.text).toContain("STATUS:CANCELLED");
      expect(ics.text).toContain(`UID:meeting-${meeting.id}@localhost`);
      expect(ics.text).toContain("SEQUENCE:2");
    }
    const again = await request(other, "2027-03-10T10:00:00.000Z");
    expect(again.status).toBe("REQUESTED");
    expect((await declineMeeting(host, again.id)).status).toBe("DECLINED");
    expect((await emailsTo(other.email)).some((e) => e.subject.startsWith("Meeting request declined"))).toBe(true);
  });

  it("only the host answers; people outside the meeting cannot even see it", async () => {
    const pending = await request(guest, "2027-03-10T10:30:00.000Z");
    expect((await refusal(acceptMeeting(guest, pending.id, NOW))).code).toBe("FORBIDDEN");
    expect((await refusal(acceptMeeting(other, pending.id, NOW))).code).toBe("NOT_FOUND");
    expect((await refusal(cancelMeeting(outsider, pending.id, NOW))).code).toBe("NOT_FOUND");
    expect((await refusal(acceptMeeting(host, "not-a-uuid", NOW))).code).toBe("NOT_FOUND");
    expect((await cancelMeeting(guest, pending.id, NOW)).status).toBe("CANCELLED");
  });

  it("propose another slot: the other side accepts and the same meeting moves (same UID, SEQUENCE bumped)", async () => {
    const pending = await request(guest, "2027-03-10T11:00:00.000Z");
    const confirmed = await acceptMeeting(host, pending.id, NOW);
    const proposed = await proposeOtherSlot(host, confirmed.id, "2027-03-10T11:30:00.000Z", NOW);
    expect(proposed.proposedStartsAt).toEqual(new Date("2027-03-10T11:30:00Z"));
    expect((await refusal(acceptProposal(host, confirmed.id, NOW))).code).toBe("FORBIDDEN");
    const moved = await acceptProposal(guest, confirmed.id, NOW);
    expect(moved.id).toBe(confirmed.id);
    expect(moved.startsAt).toEqual(new Date("2027-03-10T11:30:00Z"));
    expect(moved.sequence).toBe(confirmed.sequence + 1);
    const mail = (await emailsTo(guest.email)).find((e) => e.subject.startsWith("Meeting moved"));
    const [ics] = decodeIcs(mail!.attachments);
    expect(ics.text).toContain(`UID:meeting-${confirmed.id}@localhost`);
    expect(ics.text).toContain(`SEQUENCE:${moved.sequence}`);
    expect(ics.text).toContain("DTSTART:20270310T113000Z");
    // The old time is free again, the new one is held.
    expect((await request(other, "2027-03-10T11:00:00.000Z")).status).toBe("REQUESTED");
    // A proposal can be turned down: the meeting keeps its time.
    await proposeOtherSlot(guest, moved.id, "2027-03-10T10:30:00.000Z", NOW);
    const kept = await rejectProposal(host, moved.id);
    expect(kept.startsAt).toEqual(moved.startsAt);
    expect(kept.proposedStartsAt).toBeNull();
  });
});

describe("expiry", () => {
  it("a pending request expires after its time and frees the slot; the sweep is idempotent", async () => {
    const rs2 = await makeRoadshow({ tables: 1 });
    const h = await makeUser({ name: "Hal Host", roles: ["INVESTOR"] });
    const g1 = await makeUser({ name: "Gus" });
    const g2 = await makeUser({ name: "Gia" });
    await makeRegistrations([g1.id, g2.id], rs2.event.ticketTypes[0]);
    await makeAvailability({ event: rs2.event, stop: rs2.lisbon, host: h, startsAt: "2027-03-10T15:00:00Z", endsAt: "2027-03-10T15:30:00Z" });
    const input = { slug: rs2.slug, stopId: rs2.lisbon.id, hostId: h.id, startsAt: "2027-03-10T15:00:00.000Z" };
    const first = await requestMeeting(g1, input, NOW);
    expect((await refusal(requestMeeting(g2, input, NOW))).code).toBe("SLOT_TAKEN");
    const later = new Date(first.requestExpiresAt!.getTime() + 1000);
    // Booking after the expiry works at once, even before the sweep ran.
    const second = await requestMeeting(g2, input, later);
    expect(second.status).toBe("REQUESTED");
    expect((await db().meeting.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("EXPIRED");
    expect((await emailsTo(g1.email)).some((e) => e.subject.startsWith("Meeting request expired"))).toBe(true);
    // The sweep expires the second later, exactly once, even when two nodes run it together.
    const sweepAt = new Date(second.requestExpiresAt!.getTime() + 1000);
    const counts = await Promise.all([expireStaleMeetingRequests(sweepAt), expireStaleMeetingRequests(sweepAt)]);
    // Each lapsed request (this one, and any left pending above) is expired by exactly one of the two.
    expect(counts[0] + counts[1]).toBe(await db().meeting.count({ where: { status: "EXPIRED", updatedAt: sweepAt } }));
    expect(counts[0] + counts[1]).toBeGreaterThanOrEqual(1);
    expect(await expireStaleMeetingRequests(sweepAt)).toBe(0);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("EXPIRED");
    expect((await emailsTo(g2.email)).filter((e) => e.subject.startsWith("Meeting request expired"))).toHaveLength(1);
    expect((await refusal(acceptMeeting(h, second.id, sweepAt))).code).toBe("CONFLICT");
  });
});

describe("bad input: a clear message and nothing written", () => {
  it("refuses requests to yourself, from non-participants, for unknown/tampered ids, past or invented slots", async () => {
    const before = await db().meeting.count();
    const hostAsGuest = requestMeeting(host, { slug: rs.slug, stopId: rs.lisbon.id, hostId: host.id, startsAt: "2027-03-10T10:30:00.000Z" }, NOW);
    expect(await refusal(hostAsGuest)).toEqual({ code: "VALIDATION", message: "You cannot book a meeting with yourself." });
    expect((await refusal(request(outsider, "2027-03-10T10:30:00.000Z"))).code).toBe("FORBIDDEN");
    expect((await refusal(request(guest, "2027-03-10T10:30:00.000Z", { stopId: rs.helsinki.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(request(guest, "2027-03-10T10:30:00.000Z", { stopId: "00000000-0000-0000-0000-000000000000" }))).code).toBe("NOT_FOUND");
    expect((await refusal(request(guest, "2027-03-10T10:30:00.000Z", { hostId: "x' OR 1=1" }))).code).toBe("NOT_FOUND");
    expect((await refusal(request(guest, "2027-03-10T10:10:00.000Z"))).code).toBe("NOT_FOUND");
    expect((await refusal(request(guest, "garbage"))).code).toBe("NOT_FOUND");
    expect((await refusal(request(guest, "2027-03-10T10:30:00.000Z", { slug: "no-such-roadshow" }))).code).toBe("NOT_FOUND");
    expect((await refusal(request(guest, "2027-03-10T10:30:00.000Z", { message: "x".repeat(501) }))).code).toBe("VALIDATION");
    const past = requestMeeting(
      guest,
      { slug: rs.slug, stopId: rs.lisbon.id, hostId: host.id, startsAt: "2027-03-10T10:30:00.000Z" },
      new Date("2027-03-10T10:31:00Z"),
    );
    expect((await refusal(past)).message).toMatch(/already started/);
    expect(await db().meeting.count()).toBe(before);
  });

  it("publishing availability refuses past, outside-the-stop and overlapping windows, all or nothing", async () => {
    const windows = (rows: [string, string][]) => rows.map(([start, end]) => ({ start, end, slotMinutes: 30, bufferMinutes: 0 }));
    const before = await db().meetingAvailability.count();
    const overlapping = await refusal(
      publishAvailability(
        host,
        rs.slug,
        rs.lisbon.id,
        windows([
          ["2027-03-10T13:00", "2027-03-10T14:00"],
          ["2027-03-10T13:30", "2027-03-10T15:00"],
        ]),
        NOW,
      ),
    );
    expect(overlapping.code).toBe("VALIDATION");
    const outside = await refusal(publishAvailability(host, rs.slug, rs.lisbon.id, windows([["2027-03-10T17:00", "2027-03-10T19:00"]]), NOW));
    expect(outside.message).toMatch(/not within the Lisbon stop/);
    const clash = await refusal(publishAvailability(host, rs.slug, rs.lisbon.id, windows([["2027-03-10T11:00", "2027-03-10T13:00"]]), NOW));
    expect(clash.message).toMatch(/overlaps your availability/);
    const past = await refusal(
      publishAvailability(host, rs.slug, rs.lisbon.id, windows([["2027-03-10T14:00", "2027-03-10T15:00"]]), new Date("2027-03-10T14:30:00Z")),
    );
    expect(past.message).toMatch(/past/);
    expect((await refusal(publishAvailability(guest, rs.slug, rs.lisbon.id, windows([["2027-03-10T14:00", "2027-03-10T15:00"]]), NOW))).code).toBe("FORBIDDEN");
    expect(await db().meetingAvailability.count()).toBe(before);
    // Helsinki: wall times are read in the stop's zone (EET, UTC+2).
    expect(await publishAvailability(host, rs.slug, rs.helsinki.id, windows([["2027-03-17T09:00", "2027-03-17T10:00"]]), NOW)).toBe(1);
    const saved = await db().meetingAvailability.findFirstOrThrow({ where: { stopId: rs.helsinki.id, hostId: host.id } });
    expect(saved.startsAt).toEqual(new Date("2027-03-17T07:00:00Z"));
  });
});

describe("clock changes", () => {
  it("a window across Lisbon's spring-forward night keeps real 30-minute slots, labelled in wall time", async () => {
    const host = await makeUser({ name: "Dora DST", roles: ["INVESTOR"] });
    const guestUser = await makeUser({ name: "Gil Guest" });
    const slug = `dst-${host.id.slice(0, 8)}`;
    // Clocks go from 01:00 WET to 02:00 WEST on Sunday 28 March 2027.
    const event = await makeEvent({
      slug,
      title: "Night roadshow",
      summary: "s",
      description: "d",
      kind: "ROADSHOW",
      status: "PUBLISHED",
      publishedAt: null,
      timeZone: "Europe/Lisbon",
      startsAt: new Date("2027-03-27T20:00:00Z"),
      endsAt: new Date("2027-03-28T10:00:00Z"),
      ticketTypes: [{ name: "Delegate" }],
      stops: [
        { city: "Lisbon", country: "PT", timeZone: "Europe/Lisbon", startsAt: new Date("2027-03-27T20:00:00Z"), endsAt: new Date("2027-03-28T10:00:00Z") },
      ],
    });
    await makeRegistrations([guestUser.id], event.ticketTypes[0]);
    const stop = event.stops[0];
    // 00:30 WET → 03:00 WEST is 1 h 30 of real time: three 30-minute slots, not five.
    expect(
      await publishAvailability(host, slug, stop.id, [{ start: "2027-03-28T00:30", end: "2027-03-28T03:00", slotMinutes: 30, bufferMinutes: 0 }], NOW),
    ).toBe(1);
    const { roadshowView } = await import("~/domain/meetings/views.server");
    const view = await roadshowView(guestUser, slug, {}, NOW);
    const slots = view.stops[0].hosts[0].days[0].slots;
    expect(slots.map((s) => `${s.label} ${s.zoneName}`)).toEqual(["00:30–02:00 WET", "02:00–02:30 WEST", "02:30–03:00 WEST"]);
    const booked = await requestMeeting(guestUser, { slug, stopId: stop.id, hostId: host.id, startsAt: slots[0].startsAt }, NOW);
    expect(booked.endsAt.getTime() - booked.startsAt.getTime()).toBe(30 * 60_000);
  });
});
