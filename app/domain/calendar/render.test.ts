import ICAL from "ical.js";
import { createEvents } from "ics";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CALENDAR_PRODUCT_ID, calendarItemUid, formatDurationMinutes, renderCalendar, type CalendarItem, type RenderCalendarInput } from "./render";
import { parseStrictly, vevents } from "../../../tests/calendar/ical-helpers";

const HOST = "events.scale.eu";

function item(overrides: Partial<CalendarItem> = {}): CalendarItem {
  return {
    kind: "session",
    id: "0b7a3c1e-5f2d-4a8e-9c61-2f4d8e7b1a90",
    title: "Mobility data platforms",
    description: "How Lighthouse cities share mobility data.",
    location: "Room A, ICE Kraków",
    url: "https://events.scale.eu/e/roadshow-krakow/sessions/mobility",
    start: new Date("2026-05-12T09:00:00Z"),
    end: new Date("2026-05-12T10:30:00Z"),
    status: "CONFIRMED",
    sequence: 0,
    updatedAt: new Date("2026-04-01T08:15:30.250Z"),
    ...overrides,
  };
}

function feed(items: CalendarItem[], overrides: Partial<RenderCalendarInput> = {}): RenderCalendarInput {
  return { name: "SCALE Roadshow Kraków", timeZone: "Europe/Warsaw", method: "PUBLISH", host: HOST, items, ...overrides };
}

function eventByUid(calendar: ICAL.Component, uid: string): ICAL.Component {
  const found = vevents(calendar).find((event) => event.getFirstPropertyValue("uid") === uid);
  if (!found) throw new Error(`no VEVENT ${uid}`);
  return found;
}

function timeOf(event: ICAL.Component, property: string): ICAL.Time {
  return event.getFirstPropertyValue(property) as ICAL.Time;
}

/** Logical lines (unfolded), for assertions on exact property syntax. */
function logicalLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, "").split("\r\n");
}

afterEach(() => {
  vi.useRealTimers();
});

describe("UIDs", () => {
  it("are <kind>-<id>@<host> for every kind", () => {
    const items = (["event", "session", "meeting", "registration"] as const).map((kind, index) =>
      item({ kind, id: `id${index}`, start: new Date(Date.UTC(2026, 4, 12, 9 + index)), end: new Date(Date.UTC(2026, 4, 12, 10 + index)) }),
    );
    const calendar = parseStrictly(renderCalendar(feed(items)));
    const uids = vevents(calendar).map((event) => event.getFirstPropertyValue("uid"));
    expect(uids).toEqual([`event-id0@${HOST}`, `session-id1@${HOST}`, `meeting-id2@${HOST}`, `registration-id3@${HOST}`]);
  });

  it("are computed, not random", () => {
    expect(calendarItemUid("meeting", "abc-123", "Events.SCALE.eu")).toBe("meeting-abc-123@events.scale.eu");
  });

  it("reject ids and hosts that would make an ambiguous UID", () => {
    expect(() => calendarItemUid("event", "a b", HOST)).toThrow(/id/);
    expect(() => calendarItemUid("event", "x@y", HOST)).toThrow(/id/);
    expect(() => calendarItemUid("event", "x", "https://events.scale.eu")).toThrow(/host/);
    expect(() => calendarItemUid("event", "x", "localhost:3000")).toThrow(/host/);
  });
});

describe("times", () => {
  it("writes DTSTART/DTEND in UTC with Z, never floating", () => {
    const text = renderCalendar(feed([item()]));
    const lines = logicalLines(text);
    expect(lines).toContain("DTSTART:20260512T090000Z");
    expect(lines).toContain("DTEND:20260512T103000Z");
    const event = vevents(parseStrictly(text))[0];
    for (const property of ["dtstart", "dtend", "dtstamp", "last-modified"]) {
      expect(timeOf(event, property).zone?.tzid, property).toBe("UTC");
    }
    expect(timeOf(event, "dtstart").toJSDate().toISOString()).toBe("2026-05-12T09:00:00.000Z");
    expect(timeOf(event, "dtend").toJSDate().toISOString()).toBe("2026-05-12T10:30:00.000Z");
  });

  it("does not depend on the server's TZ", () => {
    const input = feed([item()]);
    const inUtc = renderCalendar(input);
    const previousTz = process.env.TZ;
    try {
      process.env.TZ = "Asia/Tokyo";
      expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-540); // the switch took effect
      expect(renderCalendar(input)).toBe(inUtc);
    } finally {
      process.env.TZ = previousTz;
    }
  });

  it("takes DTSTAMP and LAST-MODIFIED from updatedAt", () => {
    const lines = logicalLines(renderCalendar(feed([item()])));
    expect(lines).toContain("DTSTAMP:20260401T081530Z");
    expect(lines).toContain("LAST-MODIFIED:20260401T081530Z");
  });

  it("renders all-day items as VALUE=DATE with an exclusive DTEND in the item's zone", () => {
    const conference = item({
      kind: "event",
      id: "conf",
      allDay: true,
      timeZone: "Europe/Lisbon",
      start: new Date("2026-05-12T08:00:00Z"), // 09:00 Lisbon
      end: new Date("2026-05-14T17:00:00Z"), // 18:00 Lisbon on the last day
    });
    // 23:30 UTC on 11 May is already 12 May in Warsaw, the calendar's zone.
    const oneDay = item({
      kind: "event",
      id: "oneday",
      allDay: true,
      start: new Date("2026-05-11T22:00:00Z"), // midnight Warsaw
      end: new Date("2026-05-12T22:00:00Z"), // next midnight Warsaw: already exclusive
    });
    const text = renderCalendar(feed([conference, oneDay]));
    const lines = logicalLines(text);
    expect(lines).toContain("DTSTART;VALUE=DATE:20260512");
    expect(lines).toContain("DTEND;VALUE=DATE:20260515");
    expect(lines).toContain("DTEND;VALUE=DATE:20260513");

    const calendar = parseStrictly(text);
    const parsedConference = eventByUid(calendar, `event-conf@${HOST}`);
    expect(timeOf(parsedConference, "dtstart").isDate).toBe(true);
    expect(timeOf(parsedConference, "dtstart").toString()).toBe("2026-05-12");
    expect(timeOf(parsedConference, "dtend").toString()).toBe("2026-05-15");
    const parsedOneDay = eventByUid(calendar, `event-oneday@${HOST}`);
    expect(timeOf(parsedOneDay, "dtstart").toString()).toBe("2026-05-12");
    expect(timeOf(parsedOneDay, "dtend").toString()).toBe("2026-05-13");
  });

  it("always gives an all-day item at least one day", () => {
    const instant = new Date("2026-05-12T10:00:00Z");
    const lines = logicalLines(renderCalendar(feed([item({ allDay: true, start: instant, end: instant })])));
    expect(lines).toContain("DTSTART;VALUE=DATE:20260512");
    expect(lines).toContain("DTEND;VALUE=DATE:20260513");
  });

  it("rejects timed items that do not end after they start, and invalid dates", () => {
    const start = new Date("2026-05-12T10:00:00Z");
    expect(() => renderCalendar(feed([item({ start, end: start })]))).toThrow(/end after/);
    expect(() => renderCalendar(feed([item({ updatedAt: new Date("nope") })]))).toThrow(/invalid/);
  });
});

describe("stability and updates", () => {
  it("renders an unchanged calendar byte-identically, whatever the clock and input order", () => {
    const items = [
      item({ id: "a", start: new Date("2026-05-12T09:00:00Z"), end: new Date("2026-05-12T10:00:00Z") }),
      item({ id: "b", start: new Date("2026-05-12T11:00:00Z"), end: new Date("2026-05-12T12:00:00Z") }),
      item({ id: "c", start: new Date("2026-05-12T11:00:00Z"), end: new Date("2026-05-12T11:30:00Z") }),
    ];
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-04-02T00:00:00Z"));
    const first = renderCalendar(feed(items));
    vi.setSystemTime(new Date("2027-01-01T12:34:56Z"));
    const second = renderCalendar(feed([...items].reverse()));
    expect(Buffer.from(second, "utf8").equals(Buffer.from(first, "utf8"))).toBe(true);
    expect(vevents(parseStrictly(first)).map((event) => event.getFirstPropertyValue("uid"))).toEqual([
      `session-a@${HOST}`,
      `session-b@${HOST}`,
      `session-c@${HOST}`,
    ]);
  });

  it("keeps the UID and raises SEQUENCE after an update", () => {
    const before = item({ sequence: 3 });
    const after = item({
      sequence: 4,
      updatedAt: new Date("2026-04-20T12:00:00Z"),
      start: new Date("2026-05-12T13:00:00Z"),
      end: new Date("2026-05-12T14:00:00Z"),
      location: "Room B, ICE Kraków",
    });
    const oldEvent = vevents(parseStrictly(renderCalendar(feed([before]))))[0];
    const newEvent = vevents(parseStrictly(renderCalendar(feed([after]))))[0];
    expect(newEvent.getFirstPropertyValue("uid")).toBe(oldEvent.getFirstPropertyValue("uid"));
    expect(oldEvent.getFirstPropertyValue("sequence")).toBe(3);
    expect(newEvent.getFirstPropertyValue("sequence")).toBe(4);
    expect(timeOf(newEvent, "dtstamp").compare(timeOf(oldEvent, "dtstamp"))).toBe(1);
    expect(timeOf(newEvent, "dtstart").toJSDate().toISOString()).toBe("2026-05-12T13:00:00.000Z");
    expect(newEvent.getFirstPropertyValue("location")).toBe("Room B, ICE Kraków");
  });

  it("reflects every changed field even when sequence and updatedAt did not move", () => {
    // Guards the per-VEVENT memo: its key must cover all rendered fields.
    renderCalendar(feed([item({ title: "Old title" })]));
    const renamed = vevents(parseStrictly(renderCalendar(feed([item({ title: "New title" })]))))[0];
    expect(renamed.getFirstPropertyValue("summary")).toBe("New title");
  });

  it("keeps a cancelled item in the feed with STATUS:CANCELLED", () => {
    const cancelled = item({ id: "gone", status: "CANCELLED", sequence: 2, updatedAt: new Date("2026-04-25T09:00:00Z") });
    const kept = item({ id: "kept", start: new Date("2026-05-13T09:00:00Z"), end: new Date("2026-05-13T10:00:00Z") });
    const calendar = parseStrictly(renderCalendar(feed([cancelled, kept])));
    expect(vevents(calendar)).toHaveLength(2);
    const parsedCancelled = eventByUid(calendar, `session-gone@${HOST}`);
    expect(parsedCancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(parsedCancelled.getFirstPropertyValue("sequence")).toBe(2);
    expect(eventByUid(calendar, `session-kept@${HOST}`).getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("writes SEQUENCE and STATUS from the input", () => {
    const calendar = parseStrictly(renderCalendar(feed([item({ sequence: 17, status: "TENTATIVE" })])));
    const event = vevents(calendar)[0];
    expect(event.getFirstPropertyValue("sequence")).toBe(17);
    expect(event.getFirstPropertyValue("status")).toBe("TENTATIVE");
  });

  it("rejects a negative or fractional SEQUENCE and duplicate items", () => {
    expect(() => renderCalendar(feed([item({ sequence: -1 })]))).toThrow(/SEQUENCE/);
    expect(() => renderCalendar(feed([item({ sequence: 1.5 })]))).toThrow(/SEQUENCE/);
    expect(() => renderCalendar(feed([item(), item()]))).toThrow(/Duplicate/);
  });
});

describe("calendar header", () => {
  it("has PRODID, METHOD, name, zone and refresh hints, with ics's fixed TTL replaced", () => {
    const text = renderCalendar(feed([item()]));
    const lines = logicalLines(text);
    expect(lines.slice(0, 3)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN"]);
    expect(lines).toContain(`PRODID:${CALENDAR_PRODUCT_ID}`);
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines).toContain("X-WR-CALNAME:SCALE Roadshow Kraków");
    expect(lines).toContain("X-WR-TIMEZONE:Europe/Warsaw");
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(lines.filter((line) => line.startsWith("X-PUBLISHED-TTL"))).toEqual(["X-PUBLISHED-TTL:PT1H"]);

    const calendar = parseStrictly(text);
    expect(calendar.getFirstPropertyValue("prodid")).toBe(CALENDAR_PRODUCT_ID);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect((calendar.getFirstPropertyValue("refresh-interval") as ICAL.Duration).toSeconds()).toBe(3600);
  });

  it("uses a configurable refresh interval for both REFRESH-INTERVAL and X-PUBLISHED-TTL", () => {
    const text = renderCalendar(feed([item()], { refreshIntervalMinutes: 30 }));
    const lines = logicalLines(text);
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT30M");
    expect(lines.filter((line) => line.startsWith("X-PUBLISHED-TTL"))).toEqual(["X-PUBLISHED-TTL:PT30M"]);
    expect((parseStrictly(text).getFirstPropertyValue("refresh-interval") as ICAL.Duration).toSeconds()).toBe(1800);
  });

  it("escapes the calendar name as TEXT", () => {
    const name = "SCALE: Kraków, Łódź; and more \\ 2026";
    const text = renderCalendar(feed([], { name }));
    expect(logicalLines(text)).toContain("X-WR-CALNAME:SCALE: Kraków\\, Łódź\\; and more \\\\ 2026");
    // ical.js does not know X-WR-CALNAME, so decode its raw value with the TEXT rules.
    const raw = parseStrictly(text).getFirstPropertyValue("x-wr-calname") as string;
    expect(ICAL.design.icalendar.value.text.fromICAL!(raw)).toBe(name);
  });

  it("rejects an unknown time zone", () => {
    expect(() => renderCalendar(feed([item()], { timeZone: "Europe/Atlantis" }))).toThrow(/time zone/);
  });

  it("renders an empty feed as a valid VCALENDAR", () => {
    const text = renderCalendar(feed([]));
    const calendar = parseStrictly(text);
    expect(vevents(calendar)).toHaveLength(0);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("SCALE Roadshow Kraków");
    expect(logicalLines(text).at(-2)).toBe("END:VCALENDAR");
  });
});

describe("formatDurationMinutes", () => {
  it.each([
    [15, "PT15M"],
    [60, "PT1H"],
    [90, "PT1H30M"],
    [1440, "P1D"],
    [1500, "P1DT1H"],
    [1470, "P1DT30M"],
  ])("%i minutes → %s", (minutes, duration) => {
    expect(formatDurationMinutes(minutes)).toBe(duration);
  });

  it("rejects zero, negative and fractional intervals", () => {
    for (const bad of [0, -5, 1.5]) expect(() => formatDurationMinutes(bad)).toThrow();
  });
});

describe("folding by octets", () => {
  const multilingual = [
    { id: "krakow", title: "Smart mobility in Kraków, Zürich and Göteborg: what the Lighthouse cities learned", location: "Kraków, ul. Marii Konopnickiej 17" },
    { id: "lodz", title: "Łódź, Wrocław, Gdańsk: żółć, źdźbło — inteligentne miasta w praktyce i w teorii", location: "Łódź" },
    { id: "greek", title: "Έξυπνες πόλεις: δεδομένα, κινητικότητα και συμμετοχή των πολιτών στην Ευρώπη", location: "Θεσσαλονίκη" },
    { id: "cyrillic", title: "Умные города Европы: данные, транспорт и участие граждан в управлении городом", location: "София, България" },
    { id: "emoji", title: "🚲🚋🏙️ Mobility hubs 🚲🚋🏙️ ".repeat(4), location: "Göteborg" },
  ];
  const longDescription = [
    "Zürich, Göteborg and Kraków compare notes; Łódź joins remotely.",
    "Έξυπνες πόλεις — Умные города — \\ backslashes \\ and ; semicolons, commas.",
    "A second paragraph that is long enough to be folded several times over: ".repeat(5),
  ].join("\n");

  it("keeps every physical line within 75 octets and ical.js unfolds back to the original text", () => {
    const items = multilingual.map(({ id, title, location }, index) =>
      item({
        id,
        title,
        location,
        description: longDescription,
        categories: ["Mobilność, transport", "Ενέργεια"],
        start: new Date(Date.UTC(2026, 4, 12, 8 + index)),
        end: new Date(Date.UTC(2026, 4, 12, 9 + index)),
      }),
    );
    const text = renderCalendar(feed(items, { name: "Έξυπνες πόλεις — SCALE Kraków, Zürich, Göteborg, Łódź 2026" }));
    const calendar = parseStrictly(text); // asserts ≤ 75 octets and whole characters per line
    for (const { id, title, location } of multilingual) {
      const event = eventByUid(calendar, `session-${id}@${HOST}`);
      expect(event.getFirstPropertyValue("summary")).toBe(title);
      expect(event.getFirstPropertyValue("location")).toBe(location);
      expect(event.getFirstPropertyValue("description")).toBe(longDescription);
      expect(event.getFirstProperty("categories")!.getValues()).toEqual(["Mobilność, transport", "Ενέργεια"]);
    }
  });

  it("is needed: ics on its own folds by characters and overflows 75 octets", () => {
    // If this starts failing, ics folds by octets now and the re-folding could go.
    const { value } = createEvents([{ uid: "x@example.org", start: 0, end: 3_600_000, title: "Έξυπνες πόλεις ".repeat(8), timestamp: 0 } as never]);
    const longest = Math.max(...value!.split("\r\n").map((line) => Buffer.byteLength(line, "utf8")));
    expect(longest).toBeGreaterThan(75);
  });
});

describe("escaping TEXT values", () => {
  it("escapes commas, semicolons, backslashes and newlines and round-trips through ical.js", () => {
    const title = "Workshop, part 1; C:\\data\\cities";
    const description = "Line one,\nline two; with \\ a backslash\r\nand a Windows newline\rand an old Mac one";
    const location = "Hall 2; Floor 1, ICE Kraków";
    const text = renderCalendar(feed([item({ title, description, location })]));
    const lines = logicalLines(text);
    expect(lines).toContain("SUMMARY:Workshop\\, part 1\\; C:\\\\data\\\\cities");
    expect(lines).toContain("LOCATION:Hall 2\\; Floor 1\\, ICE Kraków");
    expect(lines).toContain("DESCRIPTION:Line one\\,\\nline two\\; with \\\\ a backslash\\nand a Windows newline\\nand an old Mac one");
    const event = vevents(parseStrictly(text))[0];
    expect(event.getFirstPropertyValue("summary")).toBe(title);
    expect(event.getFirstPropertyValue("location")).toBe(location);
    expect(event.getFirstPropertyValue("description")).toBe(description.replace(/\r\n?/g, "\n"));
  });

  it("escapes commas inside a category so it stays one category", () => {
    const text = renderCalendar(feed([item({ categories: ["Mobility, transport", "Data; platforms", "Energy"] })]));
    expect(logicalLines(text)).toContain("CATEGORIES:Mobility\\, transport,Data\\; platforms,Energy");
    const event = vevents(parseStrictly(text))[0];
    expect(event.getFirstProperty("categories")!.getValues()).toEqual(["Mobility, transport", "Data; platforms", "Energy"]);
  });

  it("carries quotes and newlines in names through the CN parameter", () => {
    const organizer = { name: 'Anna "AK" Kowalska, Kraków', email: "anna@krakow.example" };
    const calendar = parseStrictly(renderCalendar(feed([item({ organizer })])));
    const property = vevents(calendar)[0].getFirstProperty("organizer")!;
    expect(property.getParameter("cn")).toBe(organizer.name);
    expect(property.getFirstValue()).toBe("MAILTO:anna@krakow.example");
  });
});

describe("attendees and iTIP methods", () => {
  const organizer = { name: "SCALE Events", email: "meetings@scale.example" };
  const attendees = [
    { name: "Jörg Müller", email: "joerg@zurich.example", role: "REQ-PARTICIPANT" as const, rsvp: true },
    { name: "Ελένη Παπαδοπούλου", email: "eleni@thessaloniki.example", role: "REQ-PARTICIPANT" as const, rsvp: true },
  ];
  const meeting = item({ kind: "meeting", id: "m1", title: "1:1 meeting", organizer, attendees });

  it("leaves attendees out unless asked, even when the item has them", () => {
    for (const text of [renderCalendar(feed([meeting])), renderCalendar(feed([meeting], { includeAttendees: false }))]) {
      expect(text).not.toMatch(/^ATTENDEE/m);
      expect(vevents(parseStrictly(text))[0].getAllProperties("attendee")).toHaveLength(0);
    }
  });

  it("renders METHOD:REQUEST with organizer and attendees for an e-mail invitation", () => {
    const text = renderCalendar(feed([meeting], { method: "REQUEST", includeAttendees: true }));
    const calendar = parseStrictly(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const event = vevents(calendar)[0];
    expect(event.getFirstPropertyValue("uid")).toBe(`meeting-m1@${HOST}`);
    expect(event.getFirstPropertyValue("organizer")).toBe("MAILTO:meetings@scale.example");
    const parsedAttendees = event.getAllProperties("attendee");
    expect(parsedAttendees.map((attendee) => attendee.getParameter("cn"))).toEqual(attendees.map((a) => a.name));
    expect(parsedAttendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase())).toEqual(attendees.map((a) => `mailto:${a.email}`));
  });

  it("renders METHOD:CANCEL for a cancelled item", () => {
    const cancelled = { ...meeting, status: "CANCELLED" as const, sequence: 1, updatedAt: new Date("2026-04-30T10:00:00Z") };
    const calendar = parseStrictly(renderCalendar(feed([cancelled], { method: "CANCEL", includeAttendees: true })));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    const event = vevents(calendar)[0];
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
  });

  it("enforces the iTIP rules that clients rely on", () => {
    expect(() => renderCalendar(feed([item()], { method: "REQUEST" }))).toThrow(/organizer/);
    expect(() => renderCalendar(feed([meeting], { method: "CANCEL" }))).toThrow(/CANCELLED/);
    expect(() => renderCalendar(feed([meeting, { ...meeting, id: "m2" }], { method: "REQUEST" }))).toThrow(/exactly one/);
  });

  it("rejects e-mail addresses that would break the line", () => {
    const broken = item({ organizer: { name: "X", email: "x@example.org\r\nATTENDEE:mailto:evil@example.org" } });
    expect(() => renderCalendar(feed([broken]))).toThrow(/e-mail/);
  });
});
