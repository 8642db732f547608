// Speed-networking video links cannot be guessed: each pair's link ends in 128 random bits,
// drawn per pair and stored with it (NetworkingPair.place), so a reload shows the same link.
import { beforeAll, describe, expect, it } from "vitest";
import { endRound, latestRound, startRound } from "~/domain/rooms/rooms.server";
import { db } from "~/utils/db.server";
import { createQaFixture, type QaFixture } from "../realtime/fixtures";

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
