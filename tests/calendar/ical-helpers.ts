// Shared checks for every calendar the tests fetch: wire format (CRLF, ≤ 75 octets per
// physical line, every line valid UTF-8 on its own) and a full parse with ical.js.
import ICAL from "ical.js";
import { expect } from "vitest";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function parseStrictly(text: string): ICAL.Component {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const bytes = Buffer.from(text, "utf8");
  let lineStart = 0;
  for (let index = 0; index < bytes.length - 1; index++) {
    if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a) {
      const line = bytes.subarray(lineStart, index);
      expect(line.length, `line "${line.toString("utf8")}"`).toBeLessThanOrEqual(75);
      expect(() => strictUtf8.decode(line)).not.toThrow();
      lineStart = index + 2;
    }
  }
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe("vcalendar");
  return calendar;
}

export function vevents(calendar: ICAL.Component): ICAL.Component[] {
  return calendar.getAllSubcomponents("vevent");
}

export function byUid(calendar: ICAL.Component): Map<string, ICAL.Component> {
  return new Map(vevents(calendar).map((event) => [String(event.getFirstPropertyValue("uid")), event]));
}

export function prop(event: ICAL.Component, name: string): string {
  const value = event.getFirstPropertyValue(name);
  return value === null || value === undefined ? "" : String(value);
}

export function utc(event: ICAL.Component, name: string): string {
  const time = event.getFirstPropertyValue(name) as ICAL.Time;
  return time.toJSDate().toISOString();
}

/** Logical (unfolded) lines, for assertions on exact property syntax. */
export function logicalLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, "").split("\r\n");
}
