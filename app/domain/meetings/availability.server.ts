// Step 1 of the booking flow: hosts publish availability per roadshow stop (windows split into
// slots), organisers keep the stop's meeting points (tables or online rooms), and everybody can
// read a host's slots in the stop's zone — or their own zone on request.
import { DomainError } from "~/domain/kernel/errors";
import { fromWallTime, isValidTimeZone, parseLocalDateTime } from "~/domain/kernel/time/zoned";
import { db, type Db, type Tx } from "~/platform/db.server";
import {
  expandAvailabilities,
  validateAvailabilityWindows,
  availabilityError,
  type AvailabilityWindow,
  type Slot,
  type StopSchedule,
  type TimeInterval,
} from "./slots";
import { constraintViolation } from "./db-errors.server";
import { findRoadshow, findStopOf, notFound, type RoadshowStopRow } from "./roadshow.server";
import { requireHost, requireOrganiser } from "~/domain/access/meetings.server";
import type { Actor } from "~/domain/access/permissions";
import { isUuid } from "~/domain/kernel/ids";
import { onlineUrlProblem } from "~/domain/kernel/online-url";

export const LIVE_STATUSES = ["REQUESTED", "CONFIRMED"] as const;

export interface WindowInput {
  /** "YYYY-MM-DDTHH:mm" wall time in the stop's zone. */
  start: string;
  end: string;
  slotMinutes: number;
  bufferMinutes: number;
  onlineUrl?: string | null;
}

export function stopSchedule(stop: RoadshowStopRow): StopSchedule {
  return { startsAt: stop.startsAt, endsAt: stop.endsAt, timeZone: stop.timeZone, city: stop.city };
}

function parseWall(value: string, zone: string): Date | null {
  const wall = parseLocalDateTime(value);
  return wall ? fromWallTime(wall, zone) : null;
}

/** Adds availability windows for the acting host at a stop; all or nothing. */
export async function publishAvailability(actor: Actor, slug: string, stopId: unknown, windows: readonly WindowInput[], now = new Date()) {
  const event = await findRoadshow(slug, actor);
  const stop = findStopOf(event, stopId);
  await requireHost(actor, event.id);
  if (windows.length === 0) throw new DomainError("VALIDATION", "Add at least one window.");
  const fieldErrors: Record<string, string> = {};
  const parsed = windows.map((window, index) => {
    const startsAt = parseWall(window.start, stop.timeZone);
    const endsAt = parseWall(window.end, stop.timeZone);
    if (!startsAt || !endsAt) fieldErrors[`windows.${index}`] = "Enter a start and an end date and time.";
    const linkProblem = onlineUrlProblem(window.onlineUrl);
    if (linkProblem) fieldErrors[`windows.${index}.onlineUrl`] = linkProblem;
    return {
      hostId: actor.id,
      startsAt: startsAt ?? new Date(NaN),
      endsAt: endsAt ?? new Date(NaN),
      slotMinutes: window.slotMinutes,
      bufferMinutes: window.bufferMinutes,
      onlineUrl: window.onlineUrl || null,
    };
  });
  if (Object.keys(fieldErrors).length > 0) {
    const onlyLinks = Object.keys(fieldErrors).every((key) => key.endsWith(".onlineUrl"));
    throw new DomainError(
      "VALIDATION",
      onlyLinks ? "Online meeting links must be web addresses starting with https://." : "Some windows have no valid times.",
      { fieldErrors },
    );
  }

  return db().$transaction(async (tx) => {
    // One publisher at a time per host and stop, so two tabs cannot add overlapping windows.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`availability:${stop.id}:${actor.id}`}))`;
    const existing = await tx.meetingAvailability.findMany({ where: { stopId: stop.id, hostId: actor.id } });
    const problems = validateAvailabilityWindows(parsed, stopSchedule(stop), now, { existing });
    if (problems.length > 0) throw availabilityError(problems);
    await tx.meetingAvailability.createMany({
      data: parsed.map((w) => ({
        eventId: event.id,
        stopId: stop.id,
        hostId: actor.id,
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        slotMinutes: w.slotMinutes,
        bufferMinutes: w.bufferMinutes,
        onlineUrl: w.onlineUrl,
      })),
    });
    return parsed.length;
  });
}

/** Removes one of the host's own windows, unless a live meeting is booked in it. */
export async function removeAvailability(actor: Actor, slug: string, availabilityId: unknown): Promise<void> {
  const event = await findRoadshow(slug, actor);
  if (!isUuid(availabilityId)) throw notFound("This availability window");
  await db().$transaction(async (tx) => {
    const window = await tx.meetingAvailability.findFirst({ where: { id: availabilityId, eventId: event.id, hostId: actor.id } });
    if (!window) throw notFound("This availability window");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`availability:${window.stopId}:${actor.id}`}))`;
    const booked = await tx.meeting.count({
      where: { hostId: actor.id, status: { in: [...LIVE_STATUSES] }, startsAt: { lt: window.endsAt }, endsAt: { gt: window.startsAt } },
    });
    if (booked > 0) throw new DomainError("CONFLICT", "Meetings are booked in this window: cancel or move them first.");
    await tx.meetingAvailability.delete({ where: { id: window.id } });
  });
}

/** The organiser adds a table (or an online meeting room) to a stop. */
export async function addMeetingPoint(actor: Actor, slug: string, stopId: unknown, name: string, onlineUrl?: string | null) {
  const event = await findRoadshow(slug, actor);
  const stop = findStopOf(event, stopId);
  await requireOrganiser(actor, event.id);
  const clean = name.trim();
  if (clean.length < 1 || clean.length > 80)
    throw new DomainError("VALIDATION", "Give the meeting point a name of 1–80 characters.", { fieldErrors: { name: "1–80 characters." } });
  const linkProblem = onlineUrlProblem(onlineUrl);
  if (linkProblem)
    throw new DomainError("VALIDATION", "Online meeting links must be web addresses starting with https://.", { fieldErrors: { onlineUrl: linkProblem } });
  const exists = await db().meetingPoint.count({ where: { eventId: event.id, stopId: stop.id, name: clean } });
  if (exists)
    throw new DomainError("CONFLICT", `There is already a meeting point called "${clean}" at this stop.`, {
      fieldErrors: { name: "Already used at this stop." },
    });
  try {
    return await db().meetingPoint.create({ data: { eventId: event.id, stopId: stop.id, name: clean, onlineUrl: onlineUrl || null } });
  } catch (error) {
    // Two organisers adding the same name at once: the unique index decides.
    if (constraintViolation(error)?.code === "23505")
      throw new DomainError("CONFLICT", `There is already a meeting point called "${clean}" at this stop.`, {
        fieldErrors: { name: "Already used at this stop." },
      });
    throw error;
  }
}

type Client = Db | Tx;

/** Live meetings of some people at a stop's time (pending requests past their expiry do not count). */
export async function liveMeetingsOf(userIds: readonly string[], range: TimeInterval, now: Date, client: Client = db()) {
  return client.meeting.findMany({
    where: {
      OR: [{ hostId: { in: [...userIds] } }, { guestId: { in: [...userIds] } }],
      startsAt: { lt: range.endsAt },
      endsAt: { gt: range.startsAt },
      AND: [{ OR: [{ status: "CONFIRMED" }, { status: "REQUESTED", OR: [{ requestExpiresAt: null }, { requestExpiresAt: { gt: now } }] }] }],
    },
    select: { id: true, hostId: true, guestId: true, startsAt: true, endsAt: true, status: true, meetingPointId: true },
  });
}

export interface HostSlots {
  hostId: string;
  windows: { id: string; startsAt: Date; endsAt: Date; slotMinutes: number; bufferMinutes: number; onlineUrl: string | null }[];
  slots: Slot[];
}

/**
 * Every host's slots at a stop, labelled in `displayZone` (default: the stop's). A slot is TAKEN
 * when the host has a live meeting then; with `viewerId` also when the viewer is busy then.
 */
export async function stopHostSlots(
  stop: RoadshowStopRow,
  now: Date,
  options: { displayZone?: string; hostId?: string; viewerId?: string; client?: Client } = {},
): Promise<HostSlots[]> {
  const client = options.client ?? db();
  const zone = options.displayZone && isValidTimeZone(options.displayZone) ? options.displayZone : stop.timeZone;
  const windows = await client.meetingAvailability.findMany({
    where: { stopId: stop.id, ...(options.hostId ? { hostId: options.hostId } : {}) },
    orderBy: { startsAt: "asc" },
  });
  const hostIds = [...new Set(windows.map((w) => w.hostId))];
  const busy = await liveMeetingsOf([...hostIds, ...(options.viewerId ? [options.viewerId] : [])], stop, now, client);
  return hostIds.map((hostId) => {
    const own = windows.filter((w) => w.hostId === hostId);
    const taken = busy.filter(
      (m) => m.hostId === hostId || m.guestId === hostId || (options.viewerId && (m.hostId === options.viewerId || m.guestId === options.viewerId)),
    );
    return {
      hostId,
      windows: own.map((w) => ({
        id: w.id,
        startsAt: w.startsAt,
        endsAt: w.endsAt,
        slotMinutes: w.slotMinutes,
        bufferMinutes: w.bufferMinutes,
        onlineUrl: w.onlineUrl,
      })),
      slots: expandAvailabilities(own, { timeZone: zone, now, taken }),
    };
  });
}

/** The host's slot starting at `startsAt` at this stop, with the window it comes from and the host. */
export async function findHostSlot(client: Client, stop: RoadshowStopRow, hostId: string, startsAt: Date, now: Date) {
  const windows = await client.meetingAvailability.findMany({ where: { stopId: stop.id, hostId }, include: { host: { select: { id: true, name: true } } } });
  const found = slotInWindows(windows, stop, startsAt, now);
  return found ? { ...found, host: found.window.host } : null;
}

/** The slot starting at `startsAt` in one of a host's windows at this stop, with its window. */
export function slotInWindows<W extends AvailabilityWindow>(windows: readonly W[], stop: Pick<RoadshowStopRow, "timeZone">, startsAt: Date, now: Date) {
  for (const window of windows) {
    const slot = expandAvailabilities([window], { timeZone: stop.timeZone, now }).find((s) => s.startsAt.getTime() === startsAt.getTime());
    if (slot) return { slot, window };
  }
  return null;
}
