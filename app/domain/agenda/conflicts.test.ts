import { describe, expect, it } from "vitest";
import { fromWallTime, parseLocalDateTime } from "~/domain/kernel/time/zoned";
import { blockingConflicts, conflictsBySession, detectConflicts, type ConflictSession } from "./conflicts";
import { spansOverlap } from "./types";

const ZONE = "Europe/Paris";
const at = (local: string, zone = ZONE) => fromWallTime(parseLocalDateTime(local)!, zone);

// 3–5 March 2026, Paris (CET, UTC+1).
const event = { startsAt: at("2026-03-03T08:00"), endsAt: at("2026-03-05T18:00"), timeZone: ZONE };

function session(id: string, from: string, to: string, extra: Partial<ConflictSession> = {}): ConflictSession {
  return { id, title: `Session ${id}`, startsAt: at(from), endsAt: at(to), status: "DRAFT", ...extra };
}

describe("detectConflicts — rooms", () => {
  it("reports two overlapping sessions in one room, with the shared time in the event's zone", () => {
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r1", roomName: "Auditorium", title: "Opening" }),
      session("b", "2026-03-03T10:30", "2026-03-03T11:30", { roomId: "r1", roomName: "Auditorium", title: "Panel" }),
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      code: "ROOM_DOUBLE_BOOKED",
      sessionIds: ["a", "b"],
      roomId: "r1",
      overlap: { startsAt: at("2026-03-03T10:30"), endsAt: at("2026-03-03T11:00") },
    });
    expect(conflicts[0].message).toBe("“Opening” and “Panel” are both in Auditorium on Tue, 3 Mar 2026, 10:30–11:00 CET.");
  });

  it("does not treat touching sessions as overlapping (10:00–11:00 then 11:00–12:00)", () => {
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r1", speakerIds: ["s1"] }),
      session("b", "2026-03-03T11:00", "2026-03-03T12:00", { roomId: "r1", speakerIds: ["s1"] }),
    ]);
    expect(conflicts).toEqual([]);
  });

  it("catches a session nested inside another and identical slots", () => {
    const conflicts = detectConflicts(event, [
      session("outer", "2026-03-03T09:00", "2026-03-03T12:00", { roomId: "r1" }),
      session("inner", "2026-03-03T10:00", "2026-03-03T10:15", { roomId: "r1" }),
      session("twin", "2026-03-03T09:00", "2026-03-03T12:00", { roomId: "r1" }),
    ]);
    expect(conflicts.map((c) => c.sessionIds)).toEqual([
      ["outer", "twin"],
      ["outer", "inner"],
      ["twin", "inner"],
    ]);
  });

  it("reports every pair when three sessions share a room at once", () => {
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r1" }),
      session("b", "2026-03-03T10:10", "2026-03-03T11:00", { roomId: "r1" }),
      session("c", "2026-03-03T10:20", "2026-03-03T10:40", { roomId: "r1" }),
    ]);
    expect(conflicts.map((c) => c.sessionIds.join("+"))).toEqual(["a+b", "a+c", "b+c"]);
  });

  it("leaves different rooms and room-less sessions alone", () => {
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r1" }),
      session("b", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r2" }),
      session("online1", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: null }),
      session("online2", "2026-03-03T10:00", "2026-03-03T11:00"),
    ]);
    expect(conflicts).toEqual([]);
  });

  it("says 'the same room' when no room name is given", () => {
    const [conflict] = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r1" }),
      session("b", "2026-03-03T10:30", "2026-03-03T11:30", { roomId: "r1" }),
    ]);
    expect(conflict.message).toContain("are both in the same room on");
  });
});

describe("detectConflicts — speakers", () => {
  it("finds the same speaker in two overlapping sessions in different rooms (and no room conflict)", () => {
    const ana = { id: "sp-ana", userId: "u-ana", name: "Ana Costa" };
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T14:00", "2026-03-03T15:00", { roomId: "r1", speakers: [ana], title: "Mobility hubs" }),
      session("b", "2026-03-03T14:45", "2026-03-03T15:30", { roomId: "r2", speakers: [ana], title: "Data spaces" }),
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      code: "SPEAKER_DOUBLE_BOOKED",
      sessionIds: ["a", "b"],
      speaker: { speakerIds: ["sp-ana"], userId: "u-ana", name: "Ana Costa" },
    });
    expect(conflicts[0].message).toBe("Ana Costa is due in “Mobility hubs” and “Data spaces” at the same time (Tue, 3 Mar 2026, 14:45–15:00 CET).");
  });

  it("names each double-booked person when sessions have several speakers", () => {
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { speakerIds: ["s1", "s2"] }),
      session("b", "2026-03-03T10:30", "2026-03-03T11:30", { speakerIds: ["s2", "s3"] }),
      session("c", "2026-03-03T11:00", "2026-03-03T12:00", { speakerIds: ["s1", "s3"] }),
    ]);
    // s1: a and c touch (no conflict); s2: a and b overlap; s3: b and c overlap.
    expect(conflicts.map((c) => [c.code, c.sessionIds.join("+"), c.speaker?.speakerIds.join()])).toEqual([
      ["SPEAKER_DOUBLE_BOOKED", "a+b", "s2"],
      ["SPEAKER_DOUBLE_BOOKED", "b+c", "s3"],
    ]);
  });

  it("reports one conflict per shared person when two sessions share two speakers", () => {
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { speakerIds: ["s1", "s2"] }),
      session("b", "2026-03-03T10:30", "2026-03-03T11:30", { speakerIds: ["s2", "s1"] }),
    ]);
    expect(conflicts.map((c) => c.speaker?.speakerIds)).toEqual([["s1"], ["s2"]]);
  });

  it("recognises one person behind two speaker entries by user id", () => {
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { speakers: [{ id: "entry-1", userId: "u1", name: "Jan" }] }),
      session("b", "2026-03-03T10:30", "2026-03-03T11:30", { speakers: [{ id: "entry-2", userId: "u1", name: "Jan" }] }),
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].speaker).toEqual({ speakerIds: ["entry-1", "entry-2"], userId: "u1", name: "Jan" });
  });

  it("keeps different external speakers apart and says 'A speaker' without a name", () => {
    expect(
      detectConflicts(event, [
        session("a", "2026-03-03T10:00", "2026-03-03T11:00", { speakers: [{ id: "x1", name: "Same Name" }] }),
        session("b", "2026-03-03T10:30", "2026-03-03T11:30", { speakers: [{ id: "x2", name: "Same Name" }] }),
      ]),
    ).toEqual([]);
    const [conflict] = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { speakerIds: ["x1"] }),
      session("b", "2026-03-03T10:30", "2026-03-03T11:30", { speakerIds: ["x1"] }),
    ]);
    expect(conflict.message.startsWith("A speaker is due in")).toBe(true);
  });

  it("does not count a speaker listed twice on one session as a clash with itself", () => {
    expect(detectConflicts(event, [session("a", "2026-03-03T10:00", "2026-03-03T11:00", { speakerIds: ["s1", "s1"] })])).toEqual([]);
  });
});

describe("detectConflicts — event bounds and invalid times", () => {
  it("flags sessions starting before or ending after the event, not those touching its edges", () => {
    const conflicts = detectConflicts(event, [
      session("early", "2026-03-03T07:30", "2026-03-03T08:30", { title: "Breakfast" }),
      session("late", "2026-03-05T17:30", "2026-03-05T19:00", { title: "Drinks" }),
      session("edge-start", "2026-03-03T08:00", "2026-03-03T09:00"),
      session("edge-end", "2026-03-05T17:00", "2026-03-05T18:00"),
      session("day-before", "2026-03-02T10:00", "2026-03-02T11:00", { title: "Pre-event" }),
    ]);
    expect(conflicts.map((c) => [c.code, c.sessionIds[0]])).toEqual([
      ["OUTSIDE_EVENT", "day-before"],
      ["OUTSIDE_EVENT", "early"],
      ["OUTSIDE_EVENT", "late"],
    ]);
    expect(conflicts[1].message).toBe("“Breakfast” (Tue, 3 Mar 2026, 07:30–08:30 CET) starts before the event begins (Tue, 3 Mar 2026, 08:00 CET).");
    expect(conflicts[2].message).toBe("“Drinks” (Thu, 5 Mar 2026, 17:30–19:00 CET) ends after the event ends (Thu, 5 Mar 2026, 18:00 CET).");
  });

  it("explains a session wider than the event on both sides", () => {
    const [conflict] = detectConflicts(event, [session("huge", "2026-03-02T08:00", "2026-03-06T08:00", { title: "Expo" })]);
    expect(conflict.code).toBe("OUTSIDE_EVENT");
    expect(conflict.message).toContain("runs beyond the event on both sides");
  });

  it("reports sessions that end before (or when) they start, and keeps them out of overlap checks", () => {
    const conflicts = detectConflicts(event, [
      session("backwards", "2026-03-03T11:00", "2026-03-03T10:00", { roomId: "r1", speakerIds: ["s1"], title: "Oops" }),
      session("instant", "2026-03-03T12:00", "2026-03-03T12:00", { title: "Blink" }),
      session("ok", "2026-03-03T10:00", "2026-03-03T12:00", { roomId: "r1", speakerIds: ["s1"] }),
    ]);
    expect(conflicts.map((c) => [c.code, c.sessionIds.join()])).toEqual([
      ["ENDS_BEFORE_START", "backwards"],
      ["ENDS_BEFORE_START", "instant"],
    ]);
    expect(conflicts[0].message).toBe("“Oops” ends (Tue, 3 Mar 2026, 10:00) before it starts (Tue, 3 Mar 2026, 11:00).");
    expect(conflicts[1].message).toBe("“Blink” starts and ends at the same time (12:00); give it a duration.");
  });

  it("never reports cancelled sessions, whatever is wrong with them", () => {
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r1", speakerIds: ["s1"] }),
      session("cancelled", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r1", speakerIds: ["s1"], status: "CANCELLED" }),
      session("cancelled-outside", "2026-03-09T10:00", "2026-03-09T09:00", { status: "CANCELLED" }),
    ]);
    expect(conflicts).toEqual([]);
  });

  it("formats messages in the event's zone on a DST day (Lisbon, 29 Mar 2026)", () => {
    const lisbon = "Europe/Lisbon";
    const dstEvent = { startsAt: at("2026-03-28T09:00", lisbon), endsAt: at("2026-03-29T18:00", lisbon), timeZone: lisbon };
    const [conflict] = detectConflicts(dstEvent, [
      {
        id: "a",
        title: "A",
        startsAt: at("2026-03-29T10:00", lisbon),
        endsAt: at("2026-03-29T11:00", lisbon),
        status: "PUBLISHED",
        roomId: "r",
        roomName: "Sala 1",
      },
      {
        id: "b",
        title: "B",
        startsAt: at("2026-03-29T10:30", lisbon),
        endsAt: at("2026-03-29T12:00", lisbon),
        status: "PUBLISHED",
        roomId: "r",
        roomName: "Sala 1",
      },
    ]);
    expect(conflict.message).toBe("“A” and “B” are both in Sala 1 on Sun, 29 Mar 2026, 10:30–11:00 WEST.");
  });
});

describe("detectConflicts — ordering and scale", () => {
  it("lists conflicts earliest first, whatever the input order", () => {
    const sessions = [
      session("p", "2026-03-04T10:00", "2026-03-04T11:00", { roomId: "r1" }),
      session("q", "2026-03-04T10:30", "2026-03-04T11:30", { roomId: "r1" }),
      session("x", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r2" }),
      session("y", "2026-03-03T10:30", "2026-03-03T11:30", { roomId: "r2" }),
    ];
    const forward = detectConflicts(event, sessions);
    expect(forward.map((c) => c.sessionIds.join("+"))).toEqual(["x+y", "p+q"]);
    expect(detectConflicts(event, [...sessions].reverse())).toEqual(forward);
  });

  it("agrees with a brute-force pairwise check on a few hundred random sessions", () => {
    // Deterministic pseudo-random generator, so a failure is reproducible.
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const base = at("2026-03-03T08:00").getTime();
    const sessions: ConflictSession[] = Array.from({ length: 300 }, (_, index) => {
      const start = base + Math.floor(random() * 96) * 15 * 60_000;
      const length = (1 + Math.floor(random() * 8)) * 15 * 60_000;
      return {
        id: `s${String(index).padStart(3, "0")}`,
        title: `S${index}`,
        startsAt: new Date(start),
        endsAt: new Date(start + length),
        status: random() < 0.1 ? "CANCELLED" : "DRAFT",
        roomId: `room-${Math.floor(random() * 12)}`,
        speakerIds: [`person-${Math.floor(random() * 40)}`, `person-${Math.floor(random() * 40)}`],
      };
    });

    const expected = new Set<string>();
    const live = sessions.filter((s) => s.status !== "CANCELLED");
    for (let i = 0; i < live.length; i++) {
      for (let j = i + 1; j < live.length; j++) {
        const [a, b] = [live[i], live[j]];
        if (!spansOverlap(a, b)) continue;
        const pair = [a.id, b.id].sort().join("+");
        if (a.roomId === b.roomId) expected.add(`ROOM ${pair}`);
        for (const person of new Set(a.speakerIds)) if (b.speakerIds!.includes(person)) expected.add(`SPEAKER ${pair} ${person}`);
      }
    }

    const started = performance.now();
    const conflicts = detectConflicts(event, sessions);
    const elapsed = performance.now() - started;

    const actual = new Set(
      conflicts
        .filter((c) => c.code === "ROOM_DOUBLE_BOOKED" || c.code === "SPEAKER_DOUBLE_BOOKED")
        .map((c) => {
          const pair = [...c.sessionIds].sort().join("+");
          return c.code === "ROOM_DOUBLE_BOOKED" ? `ROOM ${pair}` : `SPEAKER ${pair} ${c.speaker!.speakerIds[0]}`;
        }),
    );
    expect(actual.size).toBeGreaterThan(50);
    expect(actual).toEqual(expected);
    expect(conflicts.filter((c) => c.code.endsWith("DOUBLE_BOOKED"))).toHaveLength(expected.size);
    // Generous bound for a shared CI machine; the point is "not quadratic with heavy constants".
    expect(elapsed).toBeLessThan(1_000);
  });
});

describe("blockingConflicts", () => {
  const a = session("a", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r1" });
  const b = session("b", "2026-03-03T10:30", "2026-03-03T11:30", { roomId: "r1" });
  const early = session("early", "2026-03-03T07:00", "2026-03-03T07:30");

  it("blocks until every session involved is accepted", () => {
    const conflicts = detectConflicts(event, [a, b, early]);
    expect(blockingConflicts(conflicts, [a, b, early]).map((c) => c.code)).toEqual(["OUTSIDE_EVENT", "ROOM_DOUBLE_BOOKED"]);
    expect(blockingConflicts(conflicts, [{ ...a, conflictsAccepted: true }, b, early]).map((c) => c.code)).toEqual(["OUTSIDE_EVENT", "ROOM_DOUBLE_BOOKED"]);
    expect(
      blockingConflicts(conflicts, [
        { ...a, conflictsAccepted: true },
        { ...b, conflictsAccepted: true },
        { ...early, conflictsAccepted: true },
      ]),
    ).toEqual([]);
  });

  it("keeps blocking on sessions it does not know, and on sessions that end before they start", () => {
    const backwards = session("backwards", "2026-03-03T11:00", "2026-03-03T10:00", { conflictsAccepted: true });
    const conflicts = detectConflicts(event, [a, b, backwards]);
    expect(blockingConflicts(conflicts, [backwards]).map((c) => c.code)).toEqual(["ROOM_DOUBLE_BOOKED", "ENDS_BEFORE_START"]);
  });
});

describe("conflictsBySession", () => {
  it("indexes each conflict under every session it involves", () => {
    const conflicts = detectConflicts(event, [
      session("a", "2026-03-03T10:00", "2026-03-03T11:00", { roomId: "r1", speakerIds: ["s1"] }),
      session("b", "2026-03-03T10:30", "2026-03-03T11:30", { roomId: "r1", speakerIds: ["s1"] }),
      session("c", "2026-03-03T12:00", "2026-03-03T13:00", { roomId: "r1" }),
    ]);
    const bySession = conflictsBySession(conflicts);
    expect(bySession.get("a")?.map((c) => c.code)).toEqual(["ROOM_DOUBLE_BOOKED", "SPEAKER_DOUBLE_BOOKED"]);
    expect(bySession.get("b")).toHaveLength(2);
    expect(bySession.has("c")).toBe(false);
  });
});
