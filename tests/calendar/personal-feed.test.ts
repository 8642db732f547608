// The personal feed in the domain: token lifecycle under concurrency, the fingerprint cache
// (hits while nothing changes, re-render after any change), retention of cancelled items,
// and a 300-item feed served from cache quickly.
import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { addToMyAgenda, removeFromMyAgenda } from "~/domain/agenda/personal.server";
import { eventFeed } from "~/domain/calendar/feeds.server";
import {
  clearPersonalFeedCache,
  feedTokenStatus,
  getOrCreateFeedToken,
  personalFeedByToken,
  personalFeedStats,
  regenerateFeedToken,
} from "~/domain/calendar/personal-feed.server";
import { db } from "~/platform/db.server";
import { resetEnvForTests } from "~/platform/env.server";
import { makeAgendaSession, makeMeeting, makePick, makeRegistration, makeUser } from "../support/factories";
import { daysAgo, makeCalendarEvent } from "./fixtures";
import { byUid, parseStrictly, prop } from "./ical-helpers";

process.env.PUBLIC_URL = "https://events.scale.test";
resetEnvForTests();

let fixture: Awaited<ReturnType<typeof makeCalendarEvent>>;

beforeAll(async () => {
  fixture = await makeCalendarEvent({
    slug: "feed-domain",
    title: "Göteborg energy days",
    startsAt: new Date("2031-06-01T07:00:00Z"),
    endsAt: new Date("2031-06-01T15:00:00Z"),
    onlineUrl: "https://meet.example/x",
  });
});

describe("feed tokens", () => {
  it("never leave two live links, however many regenerations race", async () => {
    const user = await makeUser({ email: "racer@calendar.test", name: "Racer" });
    const results = await Promise.all(Array.from({ length: 12 }, () => regenerateFeedToken(user.id)));
    expect(new Set(results.map((r) => r.token)).size).toBe(12);
    expect(await db().calendarFeedToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    const live = (await Promise.all(results.map((r) => personalFeedByToken(r.token)))).filter(Boolean);
    expect(live).toHaveLength(1);
  });

  it("creates at most one link when 'create' races, and reports an existing one without its token", async () => {
    const user = await makeUser({ email: "creator@calendar.test", name: "Creator" });
    expect(await feedTokenStatus(user.id)).toEqual({ active: false, createdAt: null, lastUsedAt: null });
    const results = await Promise.all(Array.from({ length: 8 }, () => getOrCreateFeedToken(user.id)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db().calendarFeedToken.count({ where: { userId: user.id } })).toBe(1);
    const status = await feedTokenStatus(user.id);
    expect(status.active).toBe(true);
    // Stored as a hash only.
    const created = results.find((r) => r.created) as { token: string };
    expect(await db().calendarFeedToken.count({ where: { tokenHash: created.token } })).toBe(0);
  });

  it("records lastUsedAt when a calendar app fetches the feed", async () => {
    const user = await makeUser({ email: "user-tracking@calendar.test", name: "Tracked" });
    const { token } = await regenerateFeedToken(user.id);
    expect((await feedTokenStatus(user.id)).lastUsedAt).toBeNull();
    await personalFeedByToken(token);
    expect((await feedTokenStatus(user.id)).lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("fingerprint cache", () => {
  it("serves unchanged feeds from cache and re-renders after any change that matters", async () => {
    clearPersonalFeedCache();
    const user = await makeUser({ email: "cached@calendar.test", name: "Cached Person" });
    const other = await makeUser({ email: "other@calendar.test", name: "Other Person" });
    const session = await makeAgendaSession(fixture.event, {
      title: "Heat pumps",
      startsAt: new Date("2031-06-01T08:00:00Z"),
      endsAt: new Date("2031-06-01T09:00:00Z"),
    });
    await makePick(user.id, session.id);
    const { token } = await regenerateFeedToken(user.id);

    const start = personalFeedStats();
    const first = (await personalFeedByToken(token))!;
    const second = (await personalFeedByToken(token))!;
    expect(second.body).toBe(first.body);
    expect(second.etag).toBe(first.etag);
    let stats = personalFeedStats();
    expect(stats.renders - start.renders).toBe(1);
    expect(stats.hits - start.hits).toBe(1);

    // Each of these changes a row the feed is built from: each must show in the next answer.
    const changes: Array<[string, () => Promise<unknown>]> = [
      [
        "session moved",
        () => db().agendaSession.update({ where: { id: session.id }, data: { startsAt: new Date("2031-06-01T08:30:00Z"), sequence: { increment: 1 } } }),
      ],
      [
        "event renamed",
        () => db().event.update({ where: { id: fixture.event.id }, data: { title: "Göteborg energy days (new name)", sequence: { increment: 1 } } }),
      ],
      ["registered", () => makeRegistration(user.id, fixture.ticketType, { status: "CONFIRMED" })],
      [
        "meeting confirmed",
        () =>
          makeMeeting({
            event: fixture.event.id,
            host: other.id,
            guest: user.id,
            status: "CONFIRMED",
            startsAt: new Date("2031-06-01T10:00:00Z"),
            endsAt: new Date("2031-06-01T10:30:00Z"),
          }),
      ],
      ["other participant renamed", () => db().user.update({ where: { id: other.id }, data: { name: "Other Renamed" } })],
      ["pick removed", () => db().agendaPick.delete({ where: { userId_sessionId: { userId: user.id, sessionId: session.id } } })],
    ];
    let previous = second;
    for (const [label, change] of changes) {
      await change();
      const before = personalFeedStats().renders;
      const next = (await personalFeedByToken(token))!;
      expect(personalFeedStats().renders - before, label).toBe(1);
      expect(next.etag, label).not.toBe(previous.etag);
      parseStrictly(next.body);
      previous = next;
    }
    expect(previous.body).toContain("Other Renamed");
    expect(previous.body).not.toContain("Heat pumps");
    stats = personalFeedStats();
    await personalFeedByToken(token);
    expect(personalFeedStats().hits - stats.hits).toBe(1);
  });

  it("renders once for a burst of concurrent polls of a changed feed", async () => {
    clearPersonalFeedCache();
    const user = await makeUser({ email: "burst@calendar.test", name: "Burst" });
    await makeRegistration(user.id, fixture.ticketType, { status: "PENDING_APPROVAL" });
    const { token } = await regenerateFeedToken(user.id);
    const before = personalFeedStats();
    const documents = await Promise.all(Array.from({ length: 20 }, () => personalFeedByToken(token)));
    expect(new Set(documents.map((d) => d!.etag)).size).toBe(1);
    expect(personalFeedStats().renders - before.renders).toBe(1);
  });
});

describe("retention of cancelled items", () => {
  it("keeps cancellations for 30 days, then drops them", async () => {
    const user = await makeUser({ email: "retention@calendar.test", name: "Retention" });
    const other = await makeUser({ email: "retention-other@calendar.test", name: "Someone" });
    const recent = await makeAgendaSession(fixture.event, {
      title: "Cancelled 29 days ago",
      status: "CANCELLED",
      updatedAt: daysAgo(29),
      startsAt: new Date("2031-06-01T11:00:00Z"),
      endsAt: new Date("2031-06-01T12:00:00Z"),
    });
    const old = await makeAgendaSession(fixture.event, {
      title: "Cancelled 31 days ago",
      status: "CANCELLED",
      updatedAt: daysAgo(31),
      startsAt: new Date("2031-06-01T12:00:00Z"),
      endsAt: new Date("2031-06-01T13:00:00Z"),
    });
    await makePick(user.id, recent.id);
    await makePick(user.id, old.id);
    const oldRegistrationEvent = await makeCalendarEvent({
      slug: "feed-domain-2",
      title: "Old",
      startsAt: new Date("2031-07-01T07:00:00Z"),
      endsAt: new Date("2031-07-01T09:00:00Z"),
    });
    const oldRegistration = await makeRegistration(user.id, oldRegistrationEvent.ticketType, { status: "CANCELLED", updatedAt: daysAgo(31) });
    const recentRegistration = await makeRegistration(user.id, fixture.ticketType, { status: "REJECTED", updatedAt: daysAgo(2) });
    const waitlisted = await makeRegistration(user.id, oldRegistrationEvent.ticketType, { status: "WAITLISTED" });
    const cancelledMeeting = await makeMeeting({
      event: fixture.event.id,
      host: user.id,
      guest: other.id,
      status: "CANCELLED",
      updatedAt: daysAgo(31),
      startsAt: new Date("2031-06-01T13:00:00Z"),
      endsAt: new Date("2031-06-01T13:30:00Z"),
    });

    const { token } = await regenerateFeedToken(user.id);
    const events = byUid(parseStrictly((await personalFeedByToken(token))!.body));
    const host = "events.scale.test";
    expect(prop(events.get(`session-${recent.id}@${host}`)!, "status")).toBe("CANCELLED");
    expect(events.has(`session-${old.id}@${host}`)).toBe(false);
    expect(prop(events.get(`registration-${recentRegistration.id}@${host}`)!, "status")).toBe("CANCELLED");
    expect(events.has(`registration-${oldRegistration.id}@${host}`)).toBe(false);
    expect(events.has(`registration-${waitlisted.id}@${host}`)).toBe(false);
    expect(events.has(`meeting-${cancelledMeeting.id}@${host}`)).toBe(false);

    const publicFeed = byUid(parseStrictly((await eventFeed("feed-domain"))!.body));
    expect(prop(publicFeed.get(`session-${recent.id}@${host}`)!, "status")).toBe("CANCELLED");
    expect(publicFeed.has(`session-${old.id}@${host}`)).toBe(false);
  });

  it("turns every session of a cancelled event into CANCELLED with a higher SEQUENCE", async () => {
    const { event } = await makeCalendarEvent({
      slug: "to-be-cancelled",
      title: "Will be cancelled",
      startsAt: new Date("2031-08-01T07:00:00Z"),
      endsAt: new Date("2031-08-01T15:00:00Z"),
    });
    const session = await makeAgendaSession(event, { title: "Keynote", startsAt: new Date("2031-08-01T08:00:00Z"), endsAt: new Date("2031-08-01T09:00:00Z") });
    const uid = `session-${session.id}@events.scale.test`;
    const before = byUid(parseStrictly((await eventFeed("to-be-cancelled"))!.body)).get(uid)!;
    await db().event.update({ where: { id: event.id }, data: { status: "CANCELLED", cancelledAt: new Date(), sequence: { increment: 1 } } });
    const after = byUid(parseStrictly((await eventFeed("to-be-cancelled"))!.body)).get(uid)!;
    expect(prop(after, "status")).toBe("CANCELLED");
    expect(Number(prop(after, "sequence"))).toBeGreaterThan(Number(prop(before, "sequence")));
  });
});

describe("sessions taken off the agenda", () => {
  it("stay as CANCELLED with a higher SEQUENCE, return with a higher one still, and leave after the retention window", async () => {
    const user = await makeUser({ email: "remover@calendar.test", name: "Remover" });
    await makeRegistration(user.id, fixture.ticketType, { status: "CONFIRMED" });
    const session = await makeAgendaSession(fixture.event, {
      title: "Talk I changed my mind about",
      startsAt: new Date("2031-06-01T09:00:00Z"),
      endsAt: new Date("2031-06-01T10:00:00Z"),
    });
    await addToMyAgenda(user, session.id);
    const { token } = await regenerateFeedToken(user.id);
    const entry = async () => byUid(parseStrictly((await personalFeedByToken(token))!.body)).get(`session-${session.id}@events.scale.test`);
    const sequence = async () => Number(prop((await entry())!, "sequence"));

    expect(prop((await entry())!, "status")).toBe("CONFIRMED");
    const first = await sequence();
    await removeFromMyAgenda(user, session.id);
    expect(prop((await entry())!, "status")).toBe("CANCELLED");
    expect(await sequence()).toBe(first + 1);
    await addToMyAgenda(user, session.id);
    expect(prop((await entry())!, "status")).toBe("CONFIRMED");
    expect(await sequence()).toBe(first + 2);
    // Removed again, long ago: past the retention window it is no longer listed.
    await removeFromMyAgenda(user, session.id, daysAgo(31));
    expect(await entry()).toBeUndefined();
  });
});

describe("a 300-item personal feed", () => {
  it("renders correctly and is answered from cache in a few milliseconds", async () => {
    clearPersonalFeedCache();
    const user = await makeUser({ email: "busy@calendar.test", name: "Busy Bee" });
    const partner = await makeUser({ email: "partner@calendar.test", name: "Partner Łukasz" });
    const base = Date.UTC(2031, 8, 1, 7);
    const events: Array<Awaited<ReturnType<typeof makeCalendarEvent>>> = [];
    for (let e = 0; e < 20; e++) {
      events.push(
        await makeCalendarEvent({
          slug: `busy-${e}`,
          title: `Smart city day ${e} — Zürich/Łódź`,
          startsAt: new Date(base + e * 86_400_000),
          endsAt: new Date(base + e * 86_400_000 + 9 * 3_600_000),
        }),
      );
    }
    for (const { ticketType } of events) await makeRegistration(user.id, ticketType, { status: "CONFIRMED" });
    const sessions = await db().agendaSession.createManyAndReturn({
      data: Array.from({ length: 200 }, (_, index) => {
        const { event } = events[index % 20];
        const start = event.startsAt.getTime() + Math.floor(index / 20) * 3_600_000;
        return {
          eventId: event.id,
          title: `Session ${index}: Έξυπνες πόλεις, Умные города`,
          status: "PUBLISHED" as const,
          startsAt: new Date(start),
          endsAt: new Date(start + 3_000_000),
        };
      }),
    });
    await db().agendaPick.createMany({ data: sessions.map((s) => ({ userId: user.id, sessionId: s.id })) });
    await db().meeting.createMany({
      data: Array.from({ length: 80 }, (_, index) => {
        const { event } = events[index % 20];
        const start = event.startsAt.getTime() + 10 * 3_600_000 + Math.floor(index / 20) * 1_800_000;
        return {
          eventId: event.id,
          hostId: index % 2 ? user.id : partner.id,
          guestId: index % 2 ? partner.id : user.id,
          status: "CONFIRMED" as const,
          startsAt: new Date(start),
          endsAt: new Date(start + 1_500_000),
        };
      }),
    });
    const { token } = await regenerateFeedToken(user.id);

    let started = performance.now();
    const first = (await personalFeedByToken(token))!;
    const coldMs = performance.now() - started;
    expect(byUid(parseStrictly(first.body)).size).toBe(300);

    const warm: number[] = [];
    for (let i = 0; i < 20; i++) {
      started = performance.now();
      const again = (await personalFeedByToken(token))!;
      warm.push(performance.now() - started);
      expect(again.etag).toBe(first.etag);
    }
    warm.sort((a, b) => a - b);
    const median = warm[10];
    console.info(`300-item personal feed: cold ${coldMs.toFixed(1)} ms, cached median ${median.toFixed(2)} ms, ${first.body.length} chars`);
    expect(median).toBeLessThan(coldMs);
    expect(median).toBeLessThan(50);
  });
});
