// Matchmaking rooms over Socket.IO: who may enter, live presence, chat with limits, "let's meet"
// as a private contact plus an email, and speed-networking rounds that pair the people present,
// avoid repeats and drop whoever left.
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { MessageView, PresenceProfile, RoundView } from "~/domain/rooms/rooms";
import { ROOM_LIMITS } from "~/domain/rooms/rooms.server";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { call, collect, openSocket, waitFor } from "../realtime/client";
import { createQaFixture, type QaFixture } from "../realtime/fixtures";

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: QaFixture;
const sockets: Socket[] = [];

async function enter(cookie: string) {
  const socket = await openSocket(server.baseUrl, cookie);
  sockets.push(socket);
  const joined = await call(socket, "rooms:join", { roomId: fx.roomId });
  expect(joined.ok).toBe(true);
  return { socket, joined };
}

beforeAll(async () => {
  fx = await createQaFixture({ attendees: 8, mode: "IN_PERSON", tag: "rooms" });
  server = await startTestServer();
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await server?.close();
});

describe("entering a room", () => {
  it("refuses sockets without a session and people not registered for the event", async () => {
    const anonymous = await openSocket(server.baseUrl);
    sockets.push(anonymous);
    expect(await call(anonymous, "rooms:join", { roomId: fx.roomId })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const outsider = await openSocket(server.baseUrl, fx.outsider.cookie);
    sockets.push(outsider);
    expect(await call(outsider, "rooms:join", { roomId: fx.roomId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await call(outsider, "rooms:message", { roomId: fx.roomId, body: "let me in" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await call(outsider, "rooms:join", { roomId: "nope" })).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("shows who is here with organisation and intents, live as people come and go", async () => {
    const a = await enter(fx.attendees[0].cookie);
    const bArrives = waitFor<{ people: PresenceProfile[] }>(a.socket, "rooms:presence", (p) => p.people.length === 2);
    const b = await enter(fx.attendees[1].cookie);
    const me = b.joined.people.find((p: PresenceProfile) => p.userId === fx.attendees[1].id);
    expect(me).toMatchObject({ name: fx.attendees[1].name, organisation: expect.stringContaining("Org 1"), intents: ["PILOT"], staff: false });
    expect((await bArrives).people.map((p) => p.userId).sort()).toEqual([fx.attendees[0].id, fx.attendees[1].id].sort());
    const aLeaves = waitFor<{ people: PresenceProfile[] }>(b.socket, "rooms:presence", (p) => p.people.length === 1);
    a.socket.disconnect();
    expect((await aLeaves).people.map((p) => p.userId)).toEqual([fx.attendees[1].id]);
  });
});

describe("chat", () => {
  it("broadcasts messages as text, refuses empty or long ones and rate-limits", async () => {
    const a = await enter(fx.attendees[2].cookie);
    const b = await enter(fx.attendees[3].cookie);
    const heard = waitFor<MessageView>(b.socket, "rooms:message");
    const sent = await call(a.socket, "rooms:message", { roomId: fx.roomId, body: "<img src=x onerror=alert(1)> hello" });
    expect(sent).toMatchObject({ ok: true, message: { body: "<img src=x onerror=alert(1)> hello", kind: "CHAT", authorName: fx.attendees[2].name } });
    expect((await heard).id).toBe(sent.message.id);
    expect(await call(a.socket, "rooms:message", { roomId: fx.roomId, body: "  " })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await call(a.socket, "rooms:message", { roomId: fx.roomId, body: "x".repeat(1001) })).toMatchObject({ ok: false, code: "VALIDATION" });
    const limit = ROOM_LIMITS.messagesPerMinute;
    ROOM_LIMITS.messagesPerMinute = 2;
    try {
      await call(a.socket, "rooms:message", { roomId: fx.roomId, body: "two" });
      expect(await call(a.socket, "rooms:message", { roomId: fx.roomId, body: "three" })).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    } finally {
      ROOM_LIMITS.messagesPerMinute = limit;
    }
  });
});

describe("let's meet", () => {
  it("creates a private contact seen by the two people only, and emails the one asked", async () => {
    const a = await enter(fx.attendees[4].cookie);
    const b = await enter(fx.attendees[5].cookie);
    const c = await enter(fx.attendees[6].cookie);
    const cSaw = collect<MessageView>(c.socket, "rooms:contact");
    const bHeard = waitFor<MessageView>(b.socket, "rooms:contact");
    const reply = await call(a.socket, "rooms:meet", { roomId: fx.roomId, userId: fx.attendees[5].id, note: "Coffee at the e-mobility stand?" });
    expect(reply).toMatchObject({ ok: true, result: { kind: "contact", message: { kind: "CONTACT", recipientId: fx.attendees[5].id } } });
    expect((await bHeard).body).toContain("would like to meet");
    const email = await db().outboxEmail.findFirst({ where: { toAddress: fx.attendees[5].email } });
    expect(email?.subject).toContain(fx.attendees[4].name);
    // c neither gets the live notice nor sees it in the room history.
    await call(c.socket, "rooms:message", { roomId: fx.roomId, body: "sync" });
    cSaw.stop();
    expect(cSaw.items).toEqual([]);
    const rejoined = await call(c.socket, "rooms:join", { roomId: fx.roomId });
    expect(rejoined.messages.some((m: MessageView) => m.kind === "CONTACT")).toBe(false);
    expect((await call(a.socket, "rooms:meet", { roomId: fx.roomId, userId: fx.outsider.id })).code).toBe("FORBIDDEN");
    expect((await call(a.socket, "rooms:meet", { roomId: fx.roomId, userId: fx.attendees[4].id })).code).toBe("VALIDATION");
  });
});

describe("speed networking", () => {
  it("pairs the people present at tables, refuses overlaps, avoids repeats and drops people who left", async () => {
    const people = await Promise.all(fx.attendees.slice(0, 5).map((u) => enter(u.cookie)));
    const organiser = await enter(fx.organiser.cookie);
    expect((await call(people[0].socket, "rooms:round:start", { roomId: fx.roomId, minutes: 5 })).code).toBe("FORBIDDEN");
    expect((await call(organiser.socket, "rooms:round:start", { roomId: fx.roomId, minutes: 0 })).code).toBe("VALIDATION");

    const announced = waitFor<RoundView>(people[1].socket, "rooms:round");
    const first = await call(organiser.socket, "rooms:round:start", { roomId: fx.roomId, minutes: 5 });
    expect(first.ok).toBe(true);
    const round1 = first.round as RoundView;
    expect((await announced).id).toBe(round1.id);
    expect(round1.number).toBe(1);
    const paired = round1.pairs.filter((p) => p.b);
    expect(paired).toHaveLength(2);
    expect(paired.map((p) => p.place)).toEqual(["Table 1", "Table 2"]);
    const bye = round1.pairs.find((p) => !p.b)!;
    expect(bye).toBeDefined();
    const everyone = round1.pairs
      .flatMap((p) => [p.a.id, p.b?.id])
      .filter(Boolean)
      .sort();
    expect(everyone).toEqual(
      fx.attendees
        .slice(0, 5)
        .map((u) => u.id)
        .sort(),
    ); // the organiser is not paired

    expect(await call(organiser.socket, "rooms:round:start", { roomId: fx.roomId, minutes: 5 })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await call(organiser.socket, "rooms:round:end", { roomId: fx.roomId })).ok).toBe(true);

    // Attendee 4 leaves; the next round pairs the four who stayed, none of them again with a round-1 partner.
    const leaver = people[4];
    const gone = waitFor<{ people: PresenceProfile[] }>(organiser.socket, "rooms:presence", (p) => !p.people.some((x) => x.userId === fx.attendees[4].id));
    leaver.socket.disconnect();
    await gone;
    const second = await call(organiser.socket, "rooms:round:start", { roomId: fx.roomId, minutes: 3 });
    expect(second.ok).toBe(true);
    const round2 = second.round as RoundView;
    expect(round2.number).toBe(2);
    const ids2 = round2.pairs.flatMap((p) => [p.a.id, p.b?.id]).filter(Boolean);
    expect(ids2).not.toContain(fx.attendees[4].id);
    expect(ids2).toHaveLength(4);
    expect(round2.pairs.every((p) => p.b)).toBe(true);
    const key = (a: string, b: string) => [a, b].sort().join("|");
    const met = new Set(paired.map((p) => key(p.a.id, p.b!.id)));
    for (const p of round2.pairs) expect(met.has(key(p.a.id, p.b!.id))).toBe(false);
    // The round survives in the database (what a restarted node or a reloaded page shows).
    expect(await db().networkingRound.count({ where: { roomId: fx.roomId } })).toBe(2);
    const rejoined = await call(people[0].socket, "rooms:join", { roomId: fx.roomId });
    expect(rejoined.round.id).toBe(round2.id);
    expect(rejoined.messages.some((m: MessageView) => m.kind === "SYSTEM" && m.body.includes("round 2"))).toBe(true);
  });
});
