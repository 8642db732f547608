// "Add to calendar" links. Google and Outlook on the web have no official, documented API for
// these; the parameters below are the long-standing ones that both services still honour.
// Times are always sent in UTC with "Z" so the link means the same instant for every viewer.
import { isValidTimeZone } from "~/domain/kernel/time/zoned";
import { allDayRange, formatBasicDate, formatBasicUtcDateTime, formatExtendedDate } from "./all-day";
import type { CalendarItem } from "./render";

export type CalendarLinkItem = Pick<CalendarItem, "title" | "description" | "location" | "url" | "start" | "end" | "allDay"> & {
  /** Zone that decides which days an all-day item covers; required when allDay is set. */
  timeZone?: string;
};

export type OutlookService = "outlook.live.com" | "outlook.office.com";

// Link targets have no URL field, so the item's page goes into the description text.
function detailsWithUrl(item: CalendarLinkItem): string {
  return [item.description, item.url].filter((part): part is string => Boolean(part)).join("\n\n");
}

function requireAllDayRange(item: CalendarLinkItem) {
  if (!item.timeZone || !isValidTimeZone(item.timeZone)) {
    throw new Error("An all-day calendar link needs a valid timeZone to know which days it covers");
  }
  return allDayRange(item.start, item.end, item.timeZone);
}

function assertOrderedTimes(item: CalendarLinkItem): void {
  if (Number.isNaN(item.start.getTime()) || Number.isNaN(item.end.getTime()) || item.end <= item.start) {
    throw new Error("A calendar link needs valid start and end dates with end after start");
  }
}

/** https://calendar.google.com/calendar/render?action=TEMPLATE… for one item. */
export function googleCalendarUrl(item: CalendarLinkItem): string {
  let dates: string;
  if (item.allDay) {
    const { startDate, endDateExclusive } = requireAllDayRange(item);
    dates = `${formatBasicDate(startDate)}/${formatBasicDate(endDateExclusive)}`;
  } else {
    assertOrderedTimes(item);
    dates = `${formatBasicUtcDateTime(item.start)}/${formatBasicUtcDateTime(item.end)}`;
  }
  const url = new URL("https://calendar.google.com/calendar/render");
  url.searchParams.set("action", "TEMPLATE");
  url.searchParams.set("text", item.title);
  url.searchParams.set("dates", dates);
  const details = detailsWithUrl(item);
  if (details) url.searchParams.set("details", details);
  if (item.location) url.searchParams.set("location", item.location);
  return url.toString();
}

/**
 * Outlook on the web compose deep link for one item: "outlook.live.com" for personal
 * Microsoft accounts, "outlook.office.com" for Microsoft 365 work accounts.
 */
export function outlookCalendarUrl(item: CalendarLinkItem, service: OutlookService = "outlook.live.com"): string {
  const url = new URL(`https://${service}/calendar/deeplink/compose`);
  url.searchParams.set("path", "/calendar/action/compose");
  url.searchParams.set("rru", "addevent");
  url.searchParams.set("subject", item.title);
  if (item.allDay) {
    const { startDate, endDateExclusive } = requireAllDayRange(item);
    url.searchParams.set("startdt", formatExtendedDate(startDate));
    url.searchParams.set("enddt", formatExtendedDate(endDateExclusive));
    url.searchParams.set("allday", "true");
  } else {
    assertOrderedTimes(item);
    // Without the trailing Z Outlook would read the time in the viewer's own zone.
    url.searchParams.set("startdt", item.start.toISOString().replace(/\.\d{3}Z$/, "Z"));
    url.searchParams.set("enddt", item.end.toISOString().replace(/\.\d{3}Z$/, "Z"));
    url.searchParams.set("allday", "false");
  }
  const body = detailsWithUrl(item);
  if (body) url.searchParams.set("body", body);
  if (item.location) url.searchParams.set("location", item.location);
  return url.toString();
}

/** Microsoft 365 (work/school) variant of {@link outlookCalendarUrl}. */
export function office365CalendarUrl(item: CalendarLinkItem): string {
  return outlookCalendarUrl(item, "outlook.office.com");
}

/**
 * The same feed address with the webcal:// scheme, which makes Apple Calendar, Outlook and
 * most desktop clients offer to *subscribe* rather than download once.
 */
export function webcalUrl(httpsUrl: string): string {
  const url = new URL(httpsUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`webcalUrl expects an http(s) URL, got ${url.protocol}`);
  }
  // Keep everything after the scheme (host, path, query with the feed token) exactly as parsed.
  return `webcal${url.toString().slice(url.protocol.length - 1)}`;
}

/** Opens Google Calendar's "add calendar by URL" for a feed (subscription, not a copy). */
export function googleSubscribeUrl(feedHttpsUrl: string): string {
  return `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcalUrl(feedHttpsUrl))}`;
}

/** Opens Outlook on the web's "subscribe from web" for a feed. */
export function outlookSubscribeUrl(feedHttpsUrl: string, calendarName: string, service: OutlookService = "outlook.live.com"): string {
  const url = new URL(`https://${service}/calendar/0/addfromweb`);
  url.searchParams.set("url", new URL(feedHttpsUrl).toString());
  url.searchParams.set("name", calendarName);
  return url.toString();
}
