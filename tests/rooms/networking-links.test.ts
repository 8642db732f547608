// Speed-networking video links cannot be guessed: each pair's link ends in 128 random bits,
// drawn per pair and stored with it (NetworkingPair.place), so a reload shows the same link.
import { beforeAll, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { isVideoLink, OTHER_PAIRS_VIDEO, type RoundView } from "~/domain/rooms/rooms";
import { endRound, latestRound, startRound } from "~/domain/rooms/rooms.server";
import { db } from "~/platform/db.server";
import { call, openSocket, waitFor } from "../realtime/client";
import { createQaFixture, type QaFixture } from "../realtime/fixtures";
import { startTestServer } from "../support/app-server";

let fx: QaFixture;

beforeAll(async () => {
  fx = await createQaFixture({ attendees: 4, mode: "ONLINE", tag: "links" });
});

const organiser = () => ({ id: fx.organiser.id, name: fx.organiser.name, roles: fx.organiser.roles });
const present = () => fx.attendees.map((a, i) => ({ userId: a.id, themes: [], intents: [], organisationId: `org-${i}`, staff: false }));

describe("video links of an online event's rounds", () => {
  it("are one random, stored link per pair and round", async () => {
    const links: string[] = [];
    for (let n = 0; n < 2; n++) {
      const round = await startRound(organiser(), { roomId: fx.roomId, minutes: 5, present: present() });
      for (const pair of round.pairs) {
        expect(pair.place).toMatch(/^https:\/\/meet\.jit\.si\/scale-[0-9a-f]{8}-r\d+-p\d+-[A-Za-z0-9_-]{22}$/);
        links.push(pair.place);
      }
      const stored = await db().networkingPair.findMany({ where: { roundId: round.id }, orderBy: { position: "asc" } });
      expect(stored.map((p) => p.place)).toEqual(round.pairs.map((p) => p.place));
      expect((await latestRound(fx.roomId))?.pairs.map((p) => p.place)).toEqual(round.pairs.map((p) => p.place));
      await endRound(organiser(), { roomId: fx.roomId });
    }
    expect(links).toHaveLength(4);
    expect(new Set(links).size).toBe(4);
    // The random part differs even where the readable part (room, round, pair) is predictable.
    const secrets = links.map((l) => l.slice(-22));
    expect(new Set(secrets).size).toBe(4);
  });
});

describe("who sees which video link", () => {
  it("gives each person only their own pair's link, live and after a reload; the organiser sees all", async () => {
    const online = await createQaFixture({ attendees: 4, mode: "ONLINE", tag: "links-live" });
    const server = await startTestServer();
    const sockets: Socket[] = [];
    try {
      const enter = async (cookie: string) => {
        const socket = await openSocket(server.baseUrl, cookie);
        sockets.push(socket);
        expect((await call(socket, "rooms:join", { roomId: online.roomId })).ok).toBe(true);
        return socket;
      };
      const people = await Promise.all(online.attendees.map((a) => enter(a.cookie)));
      const organiserSocket = await enter(online.organiser.cookie);
      const heard = people.map((socket) => waitFor<RoundView>(socket, "rooms:round"));
      const started = await call(organiserSocket, "rooms:round:start", { roomId: online.roomId, minutes: 5 });
      const full = started.round as RoundView;
      expect(full.pairs.every((pair) => isVideoLink(pair.place))).toBe(true);

      const rounds = await Promise.all(heard);
      online.attendees.forEach((attendee, i) => {
        const seen = rounds[i];
        const mine = seen.pairs.find((pair) => pair.a.id === attendee.id || pair.b?.id === attendee.id)!;
        expect(mine.place).toBe(full.pairs.find((pair) => pair.position === mine.position)!.place);
        for (const other of seen.pairs.filter((pair) => pair !== mine)) expect(other.place).toBe(OTHER_PAIRS_VIDEO);
      });
      // Rejoining (a reload) shows the same: own link only.
      const again = await call(people[0], "rooms:join", { roomId: online.roomId });
      const links = (again.round as RoundView).pairs.filter((pair) => isVideoLink(pair.place));
      expect(links).toHaveLength(1);
    } finally {
      for (const s of sockets) s.disconnect();
      await server.close();
    }
  });
});
