import { describe, expect, it } from "vitest";
import { calendarEtag, httpDate, ifNoneMatchMatches, lastModified } from "./etag";

const body = "BEGIN:VCALENDAR\r\nX-WR-CALNAME:Kraków\r\nEND:VCALENDAR\r\n";

describe("calendarEtag", () => {
  it("is a quoted strong tag that only changes with the bytes", () => {
    const etag = calendarEtag(body);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(calendarEtag(body)).toBe(etag);
    expect(calendarEtag(body.replace("ó", "o"))).not.toBe(etag);
  });
});

describe("ifNoneMatchMatches", () => {
  const etag = calendarEtag(body);

  it("matches the same tag, in a list, weak or as *", () => {
    expect(ifNoneMatchMatches(etag, etag)).toBe(true);
    expect(ifNoneMatchMatches(`"other", ${etag}`, etag)).toBe(true);
    expect(ifNoneMatchMatches(`W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchMatches("*", etag)).toBe(true);
  });

  it("does not match a missing header or other tags", () => {
    expect(ifNoneMatchMatches(null, etag)).toBe(false);
    expect(ifNoneMatchMatches(undefined, etag)).toBe(false);
    expect(ifNoneMatchMatches('"something-else"', etag)).toBe(false);
    expect(ifNoneMatchMatches(etag.slice(1, -1), etag)).toBe(false);
  });
});

describe("lastModified", () => {
  it("is the latest updatedAt, or null for an empty feed", () => {
    const items = [
      { updatedAt: new Date("2026-04-01T10:00:00Z") },
      { updatedAt: new Date("2026-04-03T09:30:00.250Z") },
      { updatedAt: new Date("2026-04-02T10:00:00Z") },
    ];
    expect(lastModified(items)?.toISOString()).toBe("2026-04-03T09:30:00.250Z");
    expect(lastModified([])).toBeNull();
  });

  it("formats as an HTTP date", () => {
    expect(httpDate(new Date("2026-04-03T09:30:00.250Z"))).toBe("Fri, 03 Apr 2026 09:30:00 GMT");
  });
});
