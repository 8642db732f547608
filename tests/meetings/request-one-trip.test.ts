// The meeting request's one round trip (SQL function request_meeting) writes what the
// statement-by-statement transaction wrote: the meeting on a free table, the guest's attendance,
// and the host's notice with a working unsubscribe link — or no notice (and no token) for a host
// who turned meeting requests off.
import { beforeAll, describe, expect, it } from "vitest";
import { requestMeeting } from "~/domain/meetings/request.server";
import { unsubscribeByToken } from "~/domain/notifications/notification-choices.server";
import { db } from "~/platform/db.server";
import { makeAvailability, makeRegistrations, makeUser } from "../support/factories";
import { makeRoadshow, NOW } from "./fixtures";

type Setup = Awaited<ReturnType<typeof makeRoadshow>>;
let rs: Setup;

beforeAll(async () => {
  rs = await makeRoadshow({ tables: 2 });
});

async function hostAndGuest(hostOptOuts: string[] = []) {
  const host = await makeUser({ name: "Ines Investor", roles: ["INVESTOR"] });
  if (hostOptOuts.length) await db().user.update({ where: { id: host.id }, data: { emailOptOuts: hostOptOuts } });
  const guest = await makeUser({ name: "Gina Guest", roles: ["REPRESENTATIVE"] });
  await makeRegistrations([guest], rs.event.ticketTypes[0]);
  await makeAvailability({ event: rs.event, stop: rs.lisbon, host, startsAt: "2027-03-10T13:00:00Z", endsAt: "2027-03-10T14:00:00Z" });
  return { host, guest };
}

describe("a meeting request in one round trip", () => {
  it("books a free table, marks attendance and queues the host's notice with a working unsubscribe link", async () => {
    const { host, guest } = await hostAndGuest();
    const meeting = await requestMeeting(
      guest,
      { slug: rs.slug, stopId: rs.lisbon.id, hostId: host.id, startsAt: "2027-03-10T13:00:00.000Z", message: "Hi" },
      NOW,
    );
    expect(meeting.host).toEqual({ id: host.id, name: "Ines Investor" });

    const row = await db().meeting.findUniqueOrThrow({ where: { id: meeting.id }, include: { meetingPoint: true } });
    expect(row).toMatchObject({ status: "REQUESTED", source: "REQUEST", message: "Hi", guestId: guest.id, hostId: host.id });
    expect(row.meetingPoint?.name).toBe("Table 1");
    expect(row.requestExpiresAt).toEqual(meeting.requestExpiresAt);
    expect(await db().stopAttendance.count({ where: { stopId: rs.lisbon.id, userId: guest.id } })).toBe(1);

    const [mail] = await db().outboxEmail.findMany({ where: { toAddress: host.email } });
    expect(mail.subject).toMatch(/^Meeting request from Gina Guest/);
    expect(mail.textBody).toContain("Their message: “Hi”");
    const headers = mail.headers as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const token = /\/unsubscribe\/([A-Za-z0-9_-]{43})/.exec(headers["List-Unsubscribe"])?.[1];
    expect(token).toBeTruthy();
    expect(await unsubscribeByToken(token)).toBe("MEETING_REQUESTS");
    expect((await db().user.findUniqueOrThrow({ where: { id: host.id } })).emailOptOuts).toContain("MEETING_REQUESTS");
  });

  it("a second guest at the same time gets the other table; a third finds the slot taken", async () => {
    const { host, guest } = await hostAndGuest();
    const first = await requestMeeting(guest, { slug: rs.slug, stopId: rs.lisbon.id, hostId: host.id, startsAt: "2027-03-10T13:30:00.000Z" }, NOW);
    const { host: otherHost, guest: otherGuest } = await hostAndGuest();
    const second = await requestMeeting(otherGuest, { slug: rs.slug, stopId: rs.lisbon.id, hostId: otherHost.id, startsAt: "2027-03-10T13:30:00.000Z" }, NOW);
    expect(second.meetingPointId).not.toBe(first.meetingPointId);
    const late = await makeUser({ name: "Late Larry", roles: ["REPRESENTATIVE"] });
    await makeRegistrations([late], rs.event.ticketTypes[0]);
    await expect(
      requestMeeting(late, { slug: rs.slug, stopId: rs.lisbon.id, hostId: host.id, startsAt: "2027-03-10T13:30:00.000Z" }, NOW),
    ).rejects.toMatchObject({
      code: "SLOT_TAKEN",
    });
  });

  it("a host who turned meeting requests off gets the meeting but no email and no token", async () => {
    const { host, guest } = await hostAndGuest(["MEETING_REQUESTS"]);
    const meeting = await requestMeeting(guest, { slug: rs.slug, stopId: rs.lisbon.id, hostId: host.id, startsAt: "2027-03-10T13:00:00.000Z" }, NOW);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("REQUESTED");
    expect(await db().outboxEmail.count({ where: { toAddress: host.email } })).toBe(0);
    expect(await db().accountToken.count({ where: { userId: host.id, purpose: "UNSUBSCRIBE" } })).toBe(0);
  });
});
