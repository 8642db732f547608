import { describe, expect, it } from "vitest";
import { parseSessionInput } from "./session-input";

const lisbon = { timeZone: "Europe/Lisbon" };
const TRACK = "6f1c1a52-3d8e-4a5c-9b1e-2a7d4c9e0f11";
const ROOM = "00000000-0000-0000-0000-000000000001";
const SPEAKER_A = "a3b9e6c2-1111-4c3d-8e2f-000000000001";
const SPEAKER_B = "a3b9e6c2-1111-4c3d-8e2f-000000000002";

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const validEntries: Array<[string, string]> = [
  ["title", "  Mobility hubs in Lisbon  "],
  ["description", "How lighthouse cities share bikes."],
  ["format", "WORKSHOP"],
  ["startsAt", "2026-07-01T10:00"],
  ["endsAt", "2026-07-01T11:30"],
  ["trackId", TRACK],
  ["roomId", ROOM],
  ["onlineUrl", ""],
  ["speakerIds", SPEAKER_A],
  ["speakerIds", SPEAKER_B],
  ["speakerIds", SPEAKER_A],
  ["themes", "MOBILITY"],
  ["themes", "ENERGY"],
  ["capacity", " 30 "],
  ["qaMode", "PREMODERATED"],
  ["version", "3"],
];

function withEntry(name: string, value: string | null): FormData {
  const entries = validEntries.filter(([field]) => field !== name);
  return form(value === null ? entries : [...entries, [name, value]]);
}

function errorsFor(values: FormData | Record<string, unknown>, event = lisbon) {
  const result = parseSessionInput(values, event);
  if (result.ok) throw new Error("expected the input to be refused");
  return result.fieldErrors;
}

describe("parseSessionInput — valid input", () => {
  it("cleans the form and converts local times in the event's zone to UTC instants", () => {
    expect(parseSessionInput(form(validEntries), lisbon)).toEqual({
      ok: true,
      data: {
        title: "Mobility hubs in Lisbon",
        description: "How lighthouse cities share bikes.",
        format: "WORKSHOP",
        startsAt: new Date("2026-07-01T09:00:00Z"), // 10:00 WEST
        endsAt: new Date("2026-07-01T10:30:00Z"),
        trackId: TRACK,
        roomId: ROOM,
        onlineUrl: null,
        speakerIds: [SPEAKER_A, SPEAKER_B],
        themes: ["MOBILITY", "ENERGY"],
        capacity: 30,
        qaMode: "PREMODERATED",
        version: 3,
      },
    });
  });

  it("reads the same times differently in another event zone", () => {
    const result = parseSessionInput(form(validEntries), { timeZone: "Europe/Helsinki" });
    expect(result.ok && result.data.startsAt.toISOString()).toBe("2026-07-01T07:00:00.000Z");
  });

  it("accepts a plain object with the minimum, leaving optional fields empty", () => {
    const result = parseSessionInput(
      {
        title: "Keynote",
        format: "KEYNOTE",
        startsAt: "2026-03-03T09:00",
        endsAt: "2026-03-03T09:45",
        themes: "GOVERNANCE",
        onlineUrl: "https://meet.example.org/scale/keynote?pwd=1",
      },
      { timeZone: "Europe/Paris" },
    );
    expect(result).toEqual({
      ok: true,
      data: {
        title: "Keynote",
        description: "",
        format: "KEYNOTE",
        startsAt: new Date("2026-03-03T08:00:00Z"),
        endsAt: new Date("2026-03-03T08:45:00Z"),
        trackId: null,
        roomId: null,
        onlineUrl: "https://meet.example.org/scale/keynote?pwd=1",
        speakerIds: [],
        themes: ["GOVERNANCE"],
        capacity: null,
        qaMode: "OPEN",
        version: null,
      },
    });
  });

  it("reads URLSearchParams too", () => {
    const params = new URLSearchParams(validEntries);
    expect(parseSessionInput(params, lisbon).ok).toBe(true);
  });

  it("takes the first occurrence of a wall time that happens twice (Paris, 25 Oct 2026, 02:30)", () => {
    const result = parseSessionInput(
      { title: "Night owls", format: "NETWORKING", startsAt: "2026-10-25T02:30", endsAt: "2026-10-25T03:30" },
      { timeZone: "Europe/Paris" },
    );
    expect(result.ok && result.data.startsAt.toISOString()).toBe("2026-10-25T00:30:00.000Z"); // 02:30 CEST
    expect(result.ok && result.data.endsAt.toISOString()).toBe("2026-10-25T02:30:00.000Z"); // 03:30 CET: two real hours
  });
});

describe("parseSessionInput — field errors", () => {
  it("refuses a session that ends before it starts, or when it starts", () => {
    expect(errorsFor(withEntry("endsAt", "2026-07-01T09:00"))).toEqual({ endsAt: "The session must end after it starts." });
    expect(errorsFor(withEntry("endsAt", "2026-07-01T10:00"))).toEqual({ endsAt: "The session must end after it starts." });
  });

  it("reads a typed time in the repeated autumn hour as its first occurrence when comparing", () => {
    // Lisbon, 25 Oct 2026: 01:45 WEST is 00:45Z; a typed 01:15 resolves to the first 01:15
    // (00:15Z, WEST), which is before the start. The form cannot say "the second 01:15";
    // the timetable's drag and drop can (it works on instants).
    const fieldErrors = errorsFor({ title: "t", format: "TALK", startsAt: "2026-10-25T01:45", endsAt: "2026-10-25T01:15" });
    expect(fieldErrors).toEqual({ endsAt: "The session must end after it starts." });
  });

  it("explains impossible and missing dates", () => {
    expect(errorsFor(withEntry("startsAt", "2026-02-30T10:00"))).toEqual({ startsAt: "Enter a date and time, like 2026-03-03T09:30." });
    expect(errorsFor(withEntry("startsAt", "next tuesday"))).toEqual({ startsAt: "Enter a date and time, like 2026-03-03T09:30." });
    expect(errorsFor(withEntry("startsAt", null))).toEqual({ startsAt: "Enter when the session starts." });
    expect(errorsFor(withEntry("endsAt", "  "))).toEqual({ endsAt: "Enter when the session ends." });
  });

  it("refuses a wall time skipped by the spring clock change instead of silently moving it", () => {
    const fieldErrors = errorsFor({ title: "t", format: "TALK", startsAt: "2026-03-29T02:30", endsAt: "2026-03-29T04:00" }, { timeZone: "Europe/Paris" });
    expect(fieldErrors).toEqual({
      startsAt: "2026-03-29 02:30 does not exist in Europe/Paris: the clocks go forward then. Choose a time after the change.",
    });
  });

  it("refuses capacities that are not a positive whole number, and accepts an empty one", () => {
    expect(errorsFor(withEntry("capacity", "0"))).toEqual({ capacity: "Capacity must be at least 1 seat; leave it empty for no limit." });
    expect(errorsFor(withEntry("capacity", "-4"))).toEqual({ capacity: "Capacity must be at least 1 seat; leave it empty for no limit." });
    expect(errorsFor(withEntry("capacity", "2.5"))).toEqual({ capacity: "Enter the number of seats as a whole number, or leave it empty." });
    expect(errorsFor(withEntry("capacity", "lots"))).toEqual({ capacity: "Enter the number of seats as a whole number, or leave it empty." });
    expect(errorsFor(withEntry("capacity", "1000000"))).toEqual({ capacity: "Capacity must be at most 100,000 seats." });
    const result = parseSessionInput(withEntry("capacity", ""), lisbon);
    expect(result.ok && result.data.capacity).toBeNull();
  });

  it("refuses join links that are not http(s) web addresses", () => {
    const message = "Enter a full web address starting with https://.";
    expect(errorsFor(withEntry("onlineUrl", "meet.example.org"))).toEqual({ onlineUrl: message });
    expect(errorsFor(withEntry("onlineUrl", "javascript:alert(1)"))).toEqual({ onlineUrl: message });
    expect(errorsFor(withEntry("onlineUrl", "ftp://files.example.org"))).toEqual({ onlineUrl: message });
    expect(errorsFor(withEntry("onlineUrl", `https://example.org/${"x".repeat(2_000)}`))).toEqual({ onlineUrl: "That web address is too long." });
  });

  it("refuses ids, formats and themes that are not from the lists", () => {
    expect(errorsFor(withEntry("roomId", "room-1"))).toEqual({ roomId: "Choose a room from the list." });
    expect(errorsFor(withEntry("trackId", "'; drop table"))).toEqual({ trackId: "Choose a track from the list." });
    expect(errorsFor(withEntry("format", "PARTY"))).toEqual({ format: "Choose a format from the list." });
    expect(errorsFor(withEntry("format", null))).toEqual({ format: "Choose a format from the list." });
    expect(errorsFor(form([...validEntries, ["themes", "FOOTBALL"]]))).toEqual({ themes: "Choose themes from the list." });
    expect(errorsFor(form([...validEntries, ["speakerIds", "bob"]]))).toEqual({ speakerIds: "Choose speakers from the list." });
  });

  it("requires a title", () => {
    expect(errorsFor(withEntry("title", "   "))).toEqual({ title: "Give the session a title." });
    expect(errorsFor(withEntry("title", null))).toEqual({ title: "Give the session a title." });
    expect(errorsFor(withEntry("title", "x".repeat(201)))).toEqual({ title: "Keep the title under 200 characters." });
  });

  it("refuses a version that is not a whole number", () => {
    expect(errorsFor(withEntry("version", "abc"))).toEqual({ version: "The form is out of date; reload the page." });
    expect(errorsFor(withEntry("version", "-1"))).toEqual({ version: "The form is out of date; reload the page." });
  });

  it("reports every field at once, including end-before-start next to other errors", () => {
    const fieldErrors = errorsFor({
      title: "",
      format: "TALK",
      startsAt: "2026-07-01T12:00",
      endsAt: "2026-07-01T11:00",
      capacity: "0",
      onlineUrl: "nope",
    });
    expect(Object.keys(fieldErrors).sort()).toEqual(["capacity", "endsAt", "onlineUrl", "title"]);
  });

  it("ignores uploaded files in text fields", () => {
    const data = withEntry("title", null);
    data.append("title", new Blob(["x"]), "title.txt");
    expect(errorsFor(data)).toEqual({ title: "Give the session a title." });
  });
});
