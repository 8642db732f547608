// The organiser's view of a stop: a grid of meetings per slot time × table, a CSV export,
// no-show marking, and the list of hosts and tables.
import { DomainError } from "~/domain/kernel/errors";
import { formatDate, formatTime, zoneAbbreviation } from "~/domain/kernel/time/zoned";
import { db } from "~/platform/db.server";
import { findRoadshow, findStopOf, notFound } from "./roadshow.server";
import { requireOrganiser } from "~/domain/access/meetings.server";
import type { Actor } from "~/domain/access/permissions";
import { isUuid } from "~/domain/kernel/ids";
import { stopGuestIds } from "./attendance.server";
import { stopHostSlots } from "./availability.server";
import { stopSummary } from "./views.server";

const gridMeetingSelect = {
  id: true,
  status: true,
  source: true,
  startsAt: true,
  endsAt: true,
  noShow: true,
  meetingPointId: true,
  host: { select: { id: true, name: true, memberships: { select: { organisation: { select: { name: true } } }, take: 1 } } },
  guest: { select: { id: true, name: true, memberships: { select: { organisation: { select: { name: true } } }, take: 1 } } },
  meetingPoint: { select: { name: true } },
} as const;

async function stopMeetings(stopId: string) {
  return db().meeting.findMany({ where: { stopId, status: { in: ["CONFIRMED", "REQUESTED"] } }, select: gridMeetingSelect, orderBy: [{ startsAt: "asc" }] });
}

export async function organiserStopView(actor: Actor, slug: string, stopId: unknown, now = new Date()) {
  const event = await findRoadshow(slug, actor);
  const stop = findStopOf(event, stopId);
  await requireOrganiser(actor, event.id);
  const tables = await db().meetingPoint.findMany({
    where: { eventId: event.id, stopId: stop.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, onlineUrl: true },
  });
  const meetings = await stopMeetings(stop.id);
  const hosts = await stopHostSlots(stop, now);
  const times = new Map<number, { startsAt: Date; endsAt: Date }>();
  for (const h of hosts) for (const s of h.slots) times.set(s.startsAt.getTime(), s);
  for (const m of meetings) times.set(m.startsAt.getTime(), m);
  const zone = stop.timeZone;
  const rows = [...times.values()]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((t) => ({
      key: t.startsAt.toISOString(),
      day: formatDate(t.startsAt, zone),
      label: `${formatTime(t.startsAt, zone)}–${formatTime(t.endsAt, zone)}`,
      cells: tables.map((table) => {
        const m = meetings.find((x) => x.meetingPointId === table.id && x.startsAt.getTime() === t.startsAt.getTime());
        return m ? { id: m.id, host: m.host.name, guest: m.guest.name, status: m.status, noShow: m.noShow } : null;
      }),
    }));
  const hostNames = new Map(
    (await db().user.findMany({ where: { id: { in: hosts.map((h) => h.hostId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  // Who the scheduler will consider here: confirmed participants who ticked this stop.
  const guestIds = await stopGuestIds(
    event.id,
    stop.id,
    hosts.map((h) => h.hostId),
  );
  const guests = await db().user.findMany({
    where: { id: { in: guestIds } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, memberships: { take: 1, select: { organisation: { select: { name: true } } } } },
  });
  return {
    event: { slug: event.slug, title: event.title },
    stop: stopSummary(stop),
    stops: event.stops.map((s) => ({ id: s.id, city: s.city })),
    tables: tables.map((t) => ({ id: t.id, name: t.name, online: Boolean(t.onlineUrl) })),
    rows,
    unplaced: meetings
      .filter((m) => !m.meetingPointId)
      .map((m) => ({
        id: m.id,
        host: m.host.name,
        guest: m.guest.name,
        when: `${formatDate(m.startsAt, zone)}, ${formatTime(m.startsAt, zone)}`,
        status: m.status,
      })),
    meetings: meetings
      .filter((m) => m.status === "CONFIRMED")
      .map((m) => ({
        id: m.id,
        host: m.host.name,
        guest: m.guest.name,
        table: m.meetingPoint?.name ?? "—",
        when: `${formatDate(m.startsAt, zone)}, ${formatTime(m.startsAt, zone)}–${formatTime(m.endsAt, zone)}`,
        started: m.startsAt.getTime() <= now.getTime(),
        noShow: m.noShow,
        source: m.source,
      })),
    hosts: hosts.map((h) => ({
      id: h.hostId,
      name: hostNames.get(h.hostId) ?? "?",
      free: h.slots.filter((s) => s.status === "FREE").length,
      total: h.slots.length,
    })),
    guests: guests.map((g) => ({ id: g.id, name: g.name, organisation: g.memberships[0]?.organisation.name ?? null })),
    counts: { confirmed: meetings.filter((m) => m.status === "CONFIRMED").length, requested: meetings.filter((m) => m.status === "REQUESTED").length },
  };
}

function csvCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote always; neutralise spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export async function organiserStopCsv(actor: Actor, slug: string, stopId: unknown): Promise<{ filename: string; body: string }> {
  const event = await findRoadshow(slug, actor);
  const stop = findStopOf(event, stopId);
  await requireOrganiser(actor, event.id);
  const meetings = await stopMeetings(stop.id);
  const zone = stop.timeZone;
  const header = ["date", "start", "end", "zone", "table", "host", "host organisation", "guest", "guest organisation", "status", "source", "no-show"];
  const lines = meetings.map((m) =>
    [
      formatDate(m.startsAt, zone),
      formatTime(m.startsAt, zone),
      formatTime(m.endsAt, zone),
      zoneAbbreviation(m.startsAt, zone),
      m.meetingPoint?.name ?? "",
      m.host.name,
      m.host.memberships[0]?.organisation.name ?? "",
      m.guest.name,
      m.guest.memberships[0]?.organisation.name ?? "",
      m.status,
      m.source,
      m.noShow ? "yes" : "no",
    ]
      .map(csvCell)
      .join(","),
  );
  return {
    filename: `meetings-${event.slug}-${stop.city.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.csv`,
    body: `\uFEFF${[header.map(csvCell).join(","), ...lines].join("\r\n")}\r\n`,
  };
}

export async function markNoShow(actor: Actor, slug: string, meetingId: unknown, noShow: boolean, now = new Date()) {
  const event = await findRoadshow(slug, actor);
  await requireOrganiser(actor, event.id);
  if (!isUuid(meetingId)) throw notFound("This meeting");
  const meeting = await db().meeting.findFirst({ where: { id: meetingId, eventId: event.id }, select: { id: true, status: true, startsAt: true } });
  if (!meeting) throw notFound("This meeting");
  if (meeting.status !== "CONFIRMED") throw new DomainError("CONFLICT", "Only confirmed meetings can be marked as a no-show.");
  if (meeting.startsAt.getTime() > now.getTime()) throw new DomainError("VALIDATION", "You can mark a no-show once the meeting has started.");
  return db().meeting.update({ where: { id: meeting.id }, data: { noShow } });
}
