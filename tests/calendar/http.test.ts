// Calendar downloads and feeds end to end over HTTP: every body parsed with ical.js and checked
// for 75-octet lines; UIDs, SEQUENCE, cancellations, privacy of feeds, join links, ETag/304,
// token regeneration, meeting access, and that no feed token reaches the request log.
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { resetEnvForTests } from "~/platform/env.server";
import { startAppServer, type AppServer } from "../../server/app";
import { changesDelivered } from "../support/changes";
import { TestClient } from "../support/http-client";
import { makeAgendaSession, makeMeeting, makeMeetingPoint, makePick, makeRegistration } from "../support/factories";
import { daysAgo, makeCalendarEvent } from "./fixtures";
import { byUid, logicalLines, parseStrictly, prop, utc, vevents } from "./ical-helpers";

process.env.PUBLIC_URL = "https://events.scale.test";
resetEnvForTests();
const HOST = "events.scale.test";

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, callback) {
    logLines.push(String(chunk));
    callback();
  },
});

let server: AppServer;
let baseUrl: string;
const SECRETS = {
  eventJoin: "https://meet.example/event-join-secret",
  sessionJoin: "https://meet.example/session-join-secret",
  meetingJoin: "https://meet.example/meeting-join-secret",
  meetingMessage: "PRIVATE-MEETING-MESSAGE",
  decisionNote: "PRIVATE-DECISION-NOTE",
};
const TITLE = "Smart Kraków, Łódź & Göteborg: Έξυπνες πόλεις; Умные города, Zürich \\ data";

const ids = {} as Record<string, string>;
const browsers = {} as Record<"alice" | "bob" | "carol", TestClient>;
const userIds = {} as Record<"alice" | "bob" | "carol", string>;

async function signUp(name: string, email: string): Promise<TestClient> {
  const browser = new TestClient(baseUrl);
  const response = await browser.submitForm("/signup", { name, email, password: "a-long-password" });
  expect(response.status).toBe(302);
  // PUBLIC_URL is https here: the CSRF cookie carries the __Host- prefix.
  expect(browser.cookies.has("__Host-scale_csrf")).toBe(true);
  return browser;
}

/** Creates (or regenerates) the feed link through the account page and returns its token. */
async function feedTokenVia(browser: TestClient, intent: "create" | "regenerate"): Promise<{ token: string; html: string }> {
  const response = await browser.submitForm("/account/calendar", { intent });
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const html = await response.text();
  const match = html.match(/https:\/\/events\.scale\.test\/feeds\/([A-Za-z0-9_-]{43})\.ics/);
  expect(match, "feed URL on the page").not.toBeNull();
  return { token: match![1], html };
}

async function fetchCalendar(path: string, init: RequestInit = {}) {
  const response = await fetch(baseUrl + path, init);
  const text = await response.text();
  return { response, text };
}

beforeAll(async () => {
  server = await startAppServer({
    port: 0,
    host: "127.0.0.1",
    databaseUrl: process.env.DATABASE_URL!,
    logger: pino({ level: "info" }, logStream),
    production: false,
    adapter: "memory",
  });
  baseUrl = `http://127.0.0.1:${server.port}`;

  browsers.alice = await signUp("Alice Nowak", "alice@calendar.test");
  browsers.bob = await signUp("Bob Παπαδόπουλος", "bob@calendar.test");
  browsers.carol = await signUp("Carol Outsider", "carol@calendar.test");
  for (const name of ["alice", "bob", "carol"] as const) {
    userIds[name] = (await db().user.findUniqueOrThrow({ where: { email: `${name}@calendar.test` } })).id;
  }

  // Two days across the spring-forward night in Warsaw (29 → 30 March 2031 is not DST; 30 March 2031 is).
  const { event, ticketType, room, track } = await makeCalendarEvent({
    slug: "krakow-roadshow",
    title: TITLE,
    startsAt: new Date("2031-03-29T07:00:00Z"), // 08:00 CET
    endsAt: new Date("2031-03-30T14:00:00Z"), // 16:00 CEST
    onlineUrl: SECRETS.eventJoin,
  });
  ids.event = event.id;
  const s = (title: string, start: string, end: string, extra: Parameters<typeof makeAgendaSession>[1] extends infer T ? Partial<T> : never = {}) =>
    makeAgendaSession(event, {
      title,
      description: "Session description",
      startsAt: new Date(start),
      endsAt: new Date(end),
      roomId: room.id,
      trackId: track.id,
      ...extra,
    });
  ids.online = (
    await s("Data platforms, open; honest \\ and Łódź-ready", "2031-03-29T08:00:00Z", "2031-03-29T09:00:00Z", { onlineUrl: SECRETS.sessionJoin })
  ).id;
  // Spans the DST switch (01:30 CET → 03:30 CEST = one hour).
  ids.night = (await s("Night shift across the clock change", "2031-03-30T00:30:00Z", "2031-03-30T01:30:00Z")).id;
  ids.toCancel = (await s("Session that will be cancelled", "2031-03-29T10:00:00Z", "2031-03-29T11:00:00Z")).id;
  // Alice picked it while it was published; it has since been withdrawn to draft.
  ids.draft = (await s("Secret draft session", "2031-03-29T12:00:00Z", "2031-03-29T13:00:00Z", { status: "DRAFT" })).id;
  ids.cancelledRecently = (await s("Recently cancelled", "2031-03-29T14:00:00Z", "2031-03-29T15:00:00Z", { status: "CANCELLED" })).id;
  ids.cancelledLongAgo = (await s("Cancelled long ago", "2031-03-29T15:00:00Z", "2031-03-29T16:00:00Z", { status: "CANCELLED", updatedAt: daysAgo(40) })).id;

  await makeRegistration(userIds.alice, ticketType, { status: "CONFIRMED", decisionNote: SECRETS.decisionNote });
  await makeRegistration(userIds.bob, ticketType, { status: "PENDING_PAYMENT" });
  for (const session of ["online", "night", "toCancel", "cancelledRecently", "cancelledLongAgo", "draft"]) await makePick(userIds.alice, ids[session]);
  await makePick(userIds.bob, ids.online);

  const point = await makeMeetingPoint(event, { name: "Table 7", onlineUrl: SECRETS.meetingJoin });
  const meeting = (status: "CONFIRMED" | "CANCELLED" | "REQUESTED", start: string, updatedAt?: Date) =>
    makeMeeting({
      event: event.id,
      host: userIds.alice,
      guest: userIds.bob,
      status,
      startsAt: new Date(start),
      endsAt: new Date(new Date(start).getTime() + 30 * 60_000),
      message: SECRETS.meetingMessage,
      meetingPointId: point.id,
      updatedAt,
    });
  ids.meeting = (await meeting("CONFIRMED", "2031-03-29T12:00:00Z")).id;
  ids.meetingCancelled = (await meeting("CANCELLED", "2031-03-29T12:30:00Z")).id;
  ids.meetingOldCancelled = (await meeting("CANCELLED", "2031-03-29T13:00:00Z", daysAgo(45))).id;
  ids.meetingRequested = (await meeting("REQUESTED", "2031-03-29T13:30:00Z")).id;
});

afterAll(async () => {
  await server?.close();
});

const uid = (kind: string, id: string) => `${kind}-${id}@${HOST}`;

function expectNoPrivateData(text: string) {
  expect(text).not.toMatch(/^ATTENDEE/m);
  expect(text).not.toContain(SECRETS.meetingMessage);
  expect(text).not.toContain(SECRETS.decisionNote);
}

describe("event download", () => {
  it("serves the event as text/calendar with a stable UID, UTC-free all-day dates and refresh hints", async () => {
    const { response, text } = await fetchCalendar("/events/krakow-roadshow/calendar.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="krakow-roadshow.ics"');
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers.get("last-modified")).toMatch(/GMT$/);
    const calendar = parseStrictly(text);
    const [event] = vevents(calendar);
    expect(prop(event, "uid")).toBe(uid("event", ids.event));
    expect(prop(event, "summary")).toBe(TITLE);
    expect(prop(event, "status")).toBe("CONFIRMED");
    // Two days in Warsaw → all-day with an exclusive end.
    const lines = logicalLines(text);
    expect(lines).toContain("DTSTART;VALUE=DATE:20310329");
    expect(lines).toContain("DTEND;VALUE=DATE:20310331");
    expect(lines).toContain("X-WR-TIMEZONE:Europe/Warsaw");
    expect(lines.some((line) => line.startsWith("REFRESH-INTERVAL;VALUE=DURATION:"))).toBe(true);
    expect(lines.some((line) => line.startsWith("X-PUBLISHED-TTL:"))).toBe(true);
    expect(text).not.toContain(SECRETS.eventJoin);
    expectNoPrivateData(text);
  });

  it("404s unknown and draft events with a clear text", async () => {
    await makeCalendarEvent({
      slug: "draft-event",
      title: "Draft",
      startsAt: new Date("2031-05-01T08:00:00Z"),
      endsAt: new Date("2031-05-01T10:00:00Z"),
      status: "DRAFT",
    });
    for (const path of ["/events/nope/calendar.ics", "/events/draft-event/calendar.ics", "/events/draft-event/feed.ics"]) {
      const { response, text } = await fetchCalendar(path);
      expect(response.status, path).toBe(404);
      expect(text).toContain("does not exist or is not published");
    }
  });
});

describe("public event feed", () => {
  it("lists published sessions, keeps recent cancellations as CANCELLED, hides drafts, join links and private data", async () => {
    const { response, text } = await fetchCalendar("/events/krakow-roadshow/feed.ics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("public");
    const events = byUid(parseStrictly(text));
    expect([...events.keys()].sort()).toEqual(
      [uid("session", ids.online), uid("session", ids.night), uid("session", ids.toCancel), uid("session", ids.cancelledRecently)].sort(),
    );
    expect(prop(events.get(uid("session", ids.cancelledRecently))!, "status")).toBe("CANCELLED");
    expect(prop(events.get(uid("session", ids.online))!, "status")).toBe("CONFIRMED");
    expect(prop(events.get(uid("session", ids.online))!, "location")).toContain("Sala Główna");
    expect(prop(events.get(uid("session", ids.online))!, "summary")).toBe("Data platforms, open; honest \\ and Łódź-ready");
    const night = events.get(uid("session", ids.night))!;
    expect(utc(night, "dtstart")).toBe("2031-03-30T00:30:00.000Z");
    expect(utc(night, "dtend")).toBe("2031-03-30T01:30:00.000Z");
    expect(logicalLines(text)).toContain("DTSTART:20310330T003000Z");
    expect(text).not.toContain("Secret draft session");
    expect(text).not.toContain(SECRETS.sessionJoin);
    expect(text).not.toContain(SECRETS.eventJoin);
    expectNoPrivateData(text);
  });

  it("renders byte-identical bodies and answers If-None-Match with 304", async () => {
    const first = await fetchCalendar("/events/krakow-roadshow/feed.ics");
    const second = await fetchCalendar("/events/krakow-roadshow/feed.ics");
    expect(second.text).toBe(first.text);
    const etag = first.response.headers.get("etag")!;
    expect(second.response.headers.get("etag")).toBe(etag);
    const notModified = await fetch(`${baseUrl}/events/krakow-roadshow/feed.ics`, { headers: { "If-None-Match": etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
    const otherTag = await fetch(`${baseUrl}/events/krakow-roadshow/feed.ics`, { headers: { "If-None-Match": '"something-else"' } });
    expect(otherTag.status).toBe(200);
  });

  it("keeps UIDs and raises SEQUENCE when a session moves, and keeps a cancelled session as CANCELLED", async () => {
    const before = await fetchCalendar("/events/krakow-roadshow/feed.ics");
    const beforeEvents = byUid(parseStrictly(before.text));
    const movedUid = uid("session", ids.online);
    const cancelUid = uid("session", ids.toCancel);
    const seqBefore = Number(prop(beforeEvents.get(movedUid)!, "sequence"));
    const cancelSeqBefore = Number(prop(beforeEvents.get(cancelUid)!, "sequence"));

    // What the agenda code does on a change that matters: new values and sequence + 1.
    await db().agendaSession.update({
      where: { id: ids.online },
      data: { startsAt: new Date("2031-03-29T08:30:00Z"), endsAt: new Date("2031-03-29T09:30:00Z"), sequence: { increment: 1 } },
    });
    await db().agendaSession.update({ where: { id: ids.toCancel }, data: { status: "CANCELLED", sequence: { increment: 1 } } });
    await changesDelivered();

    const after = await fetchCalendar("/events/krakow-roadshow/feed.ics", { headers: { "If-None-Match": before.response.headers.get("etag")! } });
    expect(after.response.status).toBe(200);
    expect(after.response.headers.get("etag")).not.toBe(before.response.headers.get("etag"));
    const afterEvents = byUid(parseStrictly(after.text));
    expect([...afterEvents.keys()].sort()).toEqual([...beforeEvents.keys()].sort());
    const moved = afterEvents.get(movedUid)!;
    expect(Number(prop(moved, "sequence"))).toBeGreaterThan(seqBefore);
    expect(utc(moved, "dtstart")).toBe("2031-03-29T08:30:00.000Z");
    // DTSTAMP has whole seconds: it may not move when the test runs within one second.
    expect(new Date(utc(moved, "dtstamp")).getTime()).toBeGreaterThanOrEqual(new Date(utc(beforeEvents.get(movedUid)!, "dtstamp")).getTime());
    const cancelled = afterEvents.get(cancelUid)!;
    expect(prop(cancelled, "status")).toBe("CANCELLED");
    expect(Number(prop(cancelled, "sequence"))).toBeGreaterThan(cancelSeqBefore);
    // Unchanged items are byte-identical.
    const nightBefore = before.text.slice(before.text.indexOf(`UID:${uid("session", ids.night)}`) - 200);
    expect(after.text).toContain(nightBefore.slice(0, nightBefore.indexOf("END:VEVENT")));
  });
});

describe("session download", () => {
  it("serves a published session and 404s drafts, unknown and malformed ids", async () => {
    const { response, text } = await fetchCalendar(`/sessions/${ids.night}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const [session] = vevents(parseStrictly(text));
    expect(prop(session, "uid")).toBe(uid("session", ids.night));
    expect((await fetch(`${baseUrl}/sessions/${ids.online}/calendar.ics`)).status).toBe(200);
    expect(await (await fetch(`${baseUrl}/sessions/${ids.online}/calendar.ics`)).text()).not.toContain(SECRETS.sessionJoin);
    for (const id of [ids.draft, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const missing = await fetch(`${baseUrl}/sessions/${id}/calendar.ics`);
      expect(missing.status, id).toBe(404);
      expect(await missing.text()).toContain("does not exist or is not published");
    }
  });
});

describe("meeting download", () => {
  it("is for the host and the guest only", async () => {
    for (const who of ["alice", "bob"] as const) {
      const response = await browsers[who].get(`/meetings/${ids.meeting}/calendar.ics`);
      expect(response.status, who).toBe(200);
      const text = await response.text();
      const [meeting] = vevents(parseStrictly(text));
      expect(prop(meeting, "uid")).toBe(uid("meeting", ids.meeting));
      expect(prop(meeting, "summary")).toBe(who === "alice" ? "Meeting with Bob Παπαδόπουλος" : "Meeting with Alice Nowak");
      expect(prop(meeting, "description")).toContain(SECRETS.meetingJoin);
      expectNoPrivateData(text);
    }
    const outsider = await browsers.carol.get(`/meetings/${ids.meeting}/calendar.ics`);
    expect(outsider.status).toBe(404);
    expect(await outsider.text()).toContain("not taking part");
    const anonymous = await fetch(`${baseUrl}/meetings/${ids.meeting}/calendar.ics`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/signin\?redirectTo=/);
  });
});

describe("personal feed", () => {
  let aliceToken: string;
  let bobToken: string;

  it("is created on the account page, shown once, and served privately", async () => {
    const page = await browsers.alice.get("/account/calendar");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Create my calendar link");
    expect(html).not.toMatch(/\/feeds\/[A-Za-z0-9_-]{43}\.ics/);

    const created = await feedTokenVia(browsers.alice, "create");
    aliceToken = created.token;
    expect(created.html).toContain(`webcal://events.scale.test/feeds/${aliceToken}.ics`);
    expect(created.html).toContain("https://calendar.google.com/calendar/render?cid=");
    expect(created.html).toContain("https://outlook.live.com/calendar/0/addfromweb");
    expect(created.html).toContain("Regenerate link");

    // Shown once: the page itself never shows it again, and "create" does not make a second one.
    expect(await (await browsers.alice.get("/account/calendar")).text()).not.toContain(aliceToken);
    const again = await browsers.alice.submitForm("/account/calendar", { intent: "create" });
    const againHtml = await again.text();
    expect(againHtml).toContain("You already have a calendar link");
    expect(againHtml).not.toMatch(/\/feeds\/[A-Za-z0-9_-]{43}\.ics/);
    expect(await db().calendarFeedToken.count({ where: { userId: userIds.alice, revokedAt: null } })).toBe(1);

    const { response, text } = await fetchCalendar(`/feeds/${aliceToken}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    // Appended after the site-wide policy; browsers apply the last policy they understand.
    expect(response.headers.get("referrer-policy")!.split(",").at(-1)!.trim()).toBe("no-referrer");
    parseStrictly(text);
  });

  it("holds registrations, picked sessions and confirmed meetings with the right statuses", async () => {
    const { text } = await fetchCalendar(`/feeds/${aliceToken}.ics`);
    const events = byUid(parseStrictly(text));
    const registration = await db().registration.findFirstOrThrow({ where: { userId: userIds.alice } });
    expect([...events.keys()].sort()).toEqual(
      [
        uid("registration", registration.id),
        uid("session", ids.online),
        uid("session", ids.night),
        uid("session", ids.toCancel),
        uid("session", ids.cancelledRecently),
        uid("session", ids.draft),
        uid("meeting", ids.meeting),
        uid("meeting", ids.meetingCancelled),
      ].sort(),
    );
    expect(prop(events.get(uid("registration", registration.id))!, "status")).toBe("CONFIRMED");
    expect(prop(events.get(uid("session", ids.toCancel))!, "status")).toBe("CANCELLED");
    expect(prop(events.get(uid("session", ids.cancelledRecently))!, "status")).toBe("CANCELLED");
    // Picked, then withdrawn to draft: removed from the agenda, so it shows as cancelled for a while.
    expect(prop(events.get(uid("session", ids.draft))!, "status")).toBe("CANCELLED");
    expect(prop(events.get(uid("meeting", ids.meeting))!, "status")).toBe("CONFIRMED");
    expect(prop(events.get(uid("meeting", ids.meetingCancelled))!, "status")).toBe("CANCELLED");
    expect(logicalLines(text)).toContain(`X-WR-CALNAME:SCALE Events — Alice Nowak`);
    expectNoPrivateData(text);
  });

  it("carries join links only for someone allowed to join", async () => {
    const alice = byUid(parseStrictly((await fetchCalendar(`/feeds/${aliceToken}.ics`)).text));
    // Alice has a confirmed registration: the online session, the event and the meeting can be joined.
    expect(prop(alice.get(uid("session", ids.online))!, "description")).toContain(SECRETS.sessionJoin);
    const registration = [...alice.values()].find((e) => prop(e, "uid").startsWith("registration-"))!;
    expect(prop(registration, "description")).toContain(SECRETS.eventJoin);
    expect(prop(alice.get(uid("meeting", ids.meeting))!, "description")).toContain(SECRETS.meetingJoin);
    // Cancelled items carry no join link.
    expect(prop(alice.get(uid("session", ids.toCancel))!, "description")).not.toContain("Join online");
    expect(prop(alice.get(uid("meeting", ids.meetingCancelled))!, "description")).not.toContain(SECRETS.meetingJoin);

    // Bob has only a pending registration: tentative, and no join links for the event or session.
    bobToken = (await feedTokenVia(browsers.bob, "create")).token;
    const bobText = (await fetchCalendar(`/feeds/${bobToken}.ics`)).text;
    const bob = byUid(parseStrictly(bobText));
    const bobRegistration = [...bob.values()].find((e) => prop(e, "uid").startsWith("registration-"))!;
    expect(prop(bobRegistration, "status")).toBe("TENTATIVE");
    expect(bob.has(uid("session", ids.online))).toBe(true);
    expect(bobText).not.toContain(SECRETS.sessionJoin);
    expect(bobText).not.toContain(SECRETS.eventJoin);
    // Bob is the meeting's guest: he may join it.
    expect(prop(bob.get(uid("meeting", ids.meeting))!, "description")).toContain(SECRETS.meetingJoin);
    expectNoPrivateData(bobText);
  });

  it("is byte-identical while nothing changes, answers 304, and follows changes", async () => {
    const first = await fetchCalendar(`/feeds/${aliceToken}.ics`);
    const second = await fetchCalendar(`/feeds/${aliceToken}.ics`);
    expect(second.text).toBe(first.text);
    const etag = first.response.headers.get("etag")!;
    expect(second.response.headers.get("etag")).toBe(etag);
    expect(first.response.headers.get("last-modified")).toMatch(/GMT$/);
    const notModified = await fetch(`${baseUrl}/feeds/${aliceToken}.ics`, { headers: { "If-None-Match": etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("cache-control")).toBe("private, no-cache");

    const seqBefore = Number(prop(byUid(parseStrictly(first.text)).get(uid("meeting", ids.meeting))!, "sequence"));
    await db().meeting.update({
      where: { id: ids.meeting },
      data: { startsAt: new Date("2031-03-29T12:15:00Z"), endsAt: new Date("2031-03-29T12:45:00Z"), sequence: { increment: 1 } },
    });
    await changesDelivered();
    const changed = await fetch(`${baseUrl}/feeds/${aliceToken}.ics`, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    const meeting = byUid(parseStrictly(await changed.text())).get(uid("meeting", ids.meeting))!;
    expect(Number(prop(meeting, "sequence"))).toBeGreaterThan(seqBefore);
    expect(utc(meeting, "dtstart")).toBe("2031-03-29T12:15:00.000Z");

    // Alice cancels her registration: it stays in the feed as CANCELLED, and join links go.
    await db().registration.updateMany({
      where: { userId: userIds.alice },
      data: { status: "CANCELLED", cancelledAt: new Date(), sequence: { increment: 1 } },
    });
    await changesDelivered();
    const afterCancel = await fetchCalendar(`/feeds/${aliceToken}.ics`);
    const events = byUid(parseStrictly(afterCancel.text));
    const registration = [...events.values()].find((e) => prop(e, "uid").startsWith("registration-"))!;
    expect(prop(registration, "status")).toBe("CANCELLED");
    expect(afterCancel.text).not.toContain(SECRETS.sessionJoin);
    expect(afterCancel.text).not.toContain(SECRETS.eventJoin);
  });

  it("stops working when regenerated, and the new link works", async () => {
    const regenerated = await feedTokenVia(browsers.alice, "regenerate");
    expect(regenerated.html).toContain("The old link has stopped working");
    expect(regenerated.token).not.toBe(aliceToken);
    const old = await fetchCalendar(`/feeds/${aliceToken}.ics`);
    expect(old.response.status).toBe(404);
    expect(old.text).toContain("This calendar link does not work (any more)");
    const fresh = await fetchCalendar(`/feeds/${regenerated.token}.ics`);
    expect(fresh.response.status).toBe(200);
    parseStrictly(fresh.text);
    aliceToken = regenerated.token;
  });

  it("404s unknown, malformed and extension-less tokens", async () => {
    for (const path of [`/feeds/${"A".repeat(43)}.ics`, "/feeds/short.ics", `/feeds/${aliceToken}`, `/feeds/${aliceToken}.json`]) {
      const response = await fetch(baseUrl + path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("sign in to SCALE Events and open Calendar");
    }
  });

  it("regenerating needs the CSRF token and a signed-in user", async () => {
    const forged = await browsers.alice.submitForm("/account/calendar", { intent: "regenerate" }, { csrf: false });
    expect(forged.status).toBe(403);
    expect((await fetch(`${baseUrl}/feeds/${aliceToken}.ics`)).status).toBe(200);
    const anonymous = await fetch(`${baseUrl}/account/calendar`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });

  it("never writes a feed token to the request log", async () => {
    // Case and escapes the router still matches must be redacted too.
    expect((await fetch(`${baseUrl}/FEEDS/${aliceToken}.ics`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/%66eeds/${aliceToken}.ics`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = logLines.join("");
    expect(log).toContain('"path":"/feeds/[redacted]"');
    const tokens = (await db().calendarFeedToken.count()) > 0 ? [aliceToken, bobToken] : [];
    expect(tokens.length).toBe(2);
    for (const token of tokens) expect(log).not.toContain(token);
    const hashes = await db().calendarFeedToken.findMany({ select: { tokenHash: true } });
    for (const { tokenHash } of hashes) expect(log).not.toContain(tokenHash);
  });
});

describe("pages", () => {
  it("offers Add to calendar on a published event page", async () => {
    const html = await (await fetch(`${baseUrl}/events/krakow-roadshow`)).text();
    expect(html).toContain("Add to calendar");
    expect(html).toContain('href="https://events.scale.test/events/krakow-roadshow/calendar.ics"');
    expect(html).toContain("webcal://events.scale.test/events/krakow-roadshow/feed.ics");
    expect(html).toContain("https://calendar.google.com/calendar/render?action=TEMPLATE");
    expect(html).toContain("https://outlook.live.com/calendar/deeplink/compose");
  });

  it("shows a Calendar link in the header for signed-in people only", async () => {
    expect(await (await browsers.carol.get("/events")).text()).toContain('href="/account/calendar"');
    expect(await (await fetch(`${baseUrl}/events`)).text()).not.toContain('href="/account/calendar"');
  });
});
