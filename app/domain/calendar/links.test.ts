import { describe, expect, it } from "vitest";
import {
  googleCalendarUrl,
  googleSubscribeUrl,
  office365CalendarUrl,
  outlookCalendarUrl,
  outlookSubscribeUrl,
  webcalUrl,
  type CalendarLinkItem,
} from "./links";

const session: CalendarLinkItem = {
  title: "Έξυπνες πόλεις & mobility, Kraków",
  description: "Panel with Zürich and Göteborg.\nBring questions.",
  location: "ICE Kraków, Room A",
  url: "https://events.scale.eu/e/krakow/sessions/mobility",
  start: new Date("2026-05-12T09:00:00.500Z"),
  end: new Date("2026-05-12T10:30:00Z"),
};

const conference: CalendarLinkItem = {
  title: "SCALE Roadshow Lisbon",
  start: new Date("2026-05-12T08:00:00Z"),
  end: new Date("2026-05-14T17:00:00Z"),
  allDay: true,
  timeZone: "Europe/Lisbon",
};

describe("googleCalendarUrl", () => {
  it("sends UTC times with Z and keeps the text intact", () => {
    const url = new URL(googleCalendarUrl(session));
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe(session.title);
    expect(url.searchParams.get("dates")).toBe("20260512T090000Z/20260512T103000Z");
    expect(url.searchParams.get("location")).toBe(session.location);
    expect(url.searchParams.get("details")).toBe(`${session.description}\n\n${session.url}`);
  });

  it("uses dates with an exclusive end for all-day items", () => {
    const url = new URL(googleCalendarUrl(conference));
    expect(url.searchParams.get("dates")).toBe("20260512/20260515");
    expect(url.searchParams.has("details")).toBe(false);
  });

  it("refuses an all-day item without a zone, and reversed times", () => {
    expect(() => googleCalendarUrl({ ...conference, timeZone: undefined })).toThrow(/timeZone/);
    expect(() => googleCalendarUrl({ ...session, end: session.start })).toThrow(/end after start/);
  });
});

describe("outlookCalendarUrl", () => {
  it("builds an outlook.live.com compose link with UTC times", () => {
    const url = new URL(outlookCalendarUrl(session));
    expect(url.origin + url.pathname).toBe("https://outlook.live.com/calendar/deeplink/compose");
    expect(url.searchParams.get("path")).toBe("/calendar/action/compose");
    expect(url.searchParams.get("rru")).toBe("addevent");
    expect(url.searchParams.get("subject")).toBe(session.title);
    expect(url.searchParams.get("startdt")).toBe("2026-05-12T09:00:00Z");
    expect(url.searchParams.get("enddt")).toBe("2026-05-12T10:30:00Z");
    expect(url.searchParams.get("allday")).toBe("false");
    expect(url.searchParams.get("body")).toBe(`${session.description}\n\n${session.url}`);
    expect(url.searchParams.get("location")).toBe(session.location);
  });

  it("builds the Microsoft 365 variant on outlook.office.com", () => {
    const url = new URL(office365CalendarUrl(session));
    expect(url.host).toBe("outlook.office.com");
    expect(url.searchParams.get("startdt")).toBe("2026-05-12T09:00:00Z");
  });

  it("marks all-day items and sends plain dates", () => {
    const url = new URL(outlookCalendarUrl(conference));
    expect(url.searchParams.get("allday")).toBe("true");
    expect(url.searchParams.get("startdt")).toBe("2026-05-12");
    expect(url.searchParams.get("enddt")).toBe("2026-05-15");
  });
});

describe("feed links", () => {
  const feed = "https://events.scale.eu/calendar/feeds/personal.ics?token=AbC_-123";

  it("turns an https feed URL into webcal:// with path and query kept", () => {
    expect(webcalUrl(feed)).toBe("webcal://events.scale.eu/calendar/feeds/personal.ics?token=AbC_-123");
    expect(webcalUrl("http://localhost:3000/e/krakow.ics")).toBe("webcal://localhost:3000/e/krakow.ics");
  });

  it("refuses other schemes", () => {
    expect(() => webcalUrl("ftp://events.scale.eu/x.ics")).toThrow(/http/);
  });

  it("offers Google and Outlook subscriptions to the feed", () => {
    const google = new URL(googleSubscribeUrl(feed));
    expect(google.searchParams.get("cid")).toBe(webcalUrl(feed));
    const outlook = new URL(outlookSubscribeUrl(feed, "SCALE Roadshow Kraków"));
    expect(outlook.origin + outlook.pathname).toBe("https://outlook.live.com/calendar/0/addfromweb");
    expect(outlook.searchParams.get("url")).toBe(feed);
    expect(outlook.searchParams.get("name")).toBe("SCALE Roadshow Kraków");
    expect(new URL(outlookSubscribeUrl(feed, "x", "outlook.office.com")).host).toBe("outlook.office.com");
  });
});
