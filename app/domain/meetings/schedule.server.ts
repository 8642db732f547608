// The organiser's auto-scheduler for one stop: load the hosts' free slots, the participants
// attending that stop (StopAttendance), everybody's preference marks, the stop's tables and the
// live meetings; run the pure scheduler; show the proposal with its score against the upper
// bound; on confirmation create all its meetings in one transaction (the exclusion constraints
// still decide: if anything was booked meanwhile, nothing is written) and queue the invitations.
import { DomainError } from "~/domain/kernel/errors";
import { formatRange } from "~/domain/kernel/time/zoned";
import { db } from "~/platform/db.server";
import { stopGuestIds } from "./attendance.server";
import { findRoadshow, findStopOf, type RoadshowStopRow } from "./roadshow.server";
import { requireOrganiser } from "~/domain/access/meetings.server";
import type { Actor } from "~/domain/access/permissions";
import { isUuid } from "~/domain/kernel/ids";
import { liveMeetingsOf, stopHostSlots } from "./availability.server";
import { bookingConstraintError } from "./db-errors.server";
import { enqueueMeetingConfirmed, meetingEmailSelect } from "./emails.server";
import { BOOKING_TX } from "./request.server";
import { lockStopBookings } from "./tables.server";
import { mutualWeight, scheduleMeetings, type ScheduleProposal, type SchedulerInput } from "./scheduler";

export interface ProposalRow {
  hostId: string;
  hostName: string;
  guestId: string;
  guestName: string;
  startsAt: string;
  endsAt: string;
  when: string;
  meetingPointId: string;
  table: string;
  weight: number;
}

export interface StopProposal {
  rows: ProposalRow[];
  score: number;
  upperBound: number;
  /** score / upperBound in %, 100 when there is nothing to schedule. */
  percent: number;
  unscheduled: number;
  mutualPairs: number;
  warnings: string[];
}

async function schedulerInput(eventId: string, stop: RoadshowStopRow, now: Date) {
  const tables = await db().meetingPoint.findMany({
    where: { eventId, stopId: stop.id, onlineUrl: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  if (tables.length === 0) throw new DomainError("VALIDATION", "Add meeting tables to this stop before running the scheduler.");
  const hosts = await stopHostSlots(stop, now);
  const hostIds = hosts.map((h) => h.hostId);
  // Guests: confirmed registrants who attend this stop (not everyone on the roadshow).
  const guestIds = await stopGuestIds(eventId, stop.id, hostIds);
  const live = await liveMeetingsOf([...hostIds, ...guestIds], stop, now);
  const tableIndex = new Map(tables.map((t, i) => [t.id, i]));
  const confirmedHere = live.filter((m) => m.status === "CONFIRMED" && hostIds.includes(m.hostId) && guestIds.includes(m.guestId));
  const confirmedIds = new Set(confirmedHere.map((m) => m.id));
  const busyOf = (id: string) =>
    live.filter((m) => !confirmedIds.has(m.id) && (m.hostId === id || m.guestId === id)).map((m) => ({ startsAt: m.startsAt, endsAt: m.endsAt }));
  const preferences = await db().meetingPreference.findMany({ where: { eventId }, select: { fromUserId: true, toUserId: true, level: true } });
  const input: SchedulerInput = {
    hosts: hosts.map((h) => ({
      id: h.hostId,
      slots: h.slots.filter((s) => s.status !== "PAST").map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })),
      busy: busyOf(h.hostId),
    })),
    guests: guestIds.map((id) => ({ id, busy: busyOf(id) })),
    preferences,
    tables: tables.length,
    confirmedMeetings: confirmedHere.map((m) => ({
      hostId: m.hostId,
      guestId: m.guestId,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      tableIndex: m.meetingPointId ? (tableIndex.get(m.meetingPointId) ?? null) : null,
    })),
  };
  return { input, tables, preferences };
}

export async function proposeStopSchedule(actor: Actor, slug: string, stopId: unknown, now = new Date()): Promise<StopProposal> {
  const event = await findRoadshow(slug, actor);
  const stop = findStopOf(event, stopId);
  await requireOrganiser(actor, event.id);
  const { input, tables } = await schedulerInput(event.id, stop, now);
  const proposal: ScheduleProposal = scheduleMeetings(input, { seed: 1 });
  const people = await db().user.findMany({
    where: { id: { in: [...new Set(proposal.assignments.flatMap((a) => [a.hostId, a.guestId]))] } },
    select: { id: true, name: true },
  });
  const name = new Map(people.map((p) => [p.id, p.name]));
  return {
    rows: proposal.assignments.map((a) => ({
      hostId: a.hostId,
      hostName: name.get(a.hostId) ?? "?",
      guestId: a.guestId,
      guestName: name.get(a.guestId) ?? "?",
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      when: formatRange(a.startsAt, a.endsAt, stop.timeZone),
      meetingPointId: tables[a.tableIndex].id,
      table: tables[a.tableIndex].name,
      weight: a.weight,
    })),
    score: proposal.score,
    upperBound: proposal.upperBound,
    percent: proposal.upperBound > 0 ? Math.round((proposal.score / proposal.upperBound) * 1000) / 10 : 100,
    unscheduled: proposal.unscheduled.length,
    mutualPairs: proposal.stats.mutualPairs,
    warnings: proposal.warnings.map((w) => w.message),
  };
}

export interface ConfirmedAssignment {
  hostId: string;
  guestId: string;
  startsAt: string;
  meetingPointId: string;
}

/** Creates the proposed meetings, all or none, and queues both invitations of each. */
export async function confirmStopSchedule(actor: Actor, slug: string, stopId: unknown, assignments: readonly ConfirmedAssignment[], now = new Date()) {
  const event = await findRoadshow(slug, actor);
  const stop = findStopOf(event, stopId);
  await requireOrganiser(actor, event.id);
  if (assignments.length === 0) throw new DomainError("VALIDATION", "The proposal has no meetings to confirm.");
  if (assignments.length > 5000) throw new DomainError("VALIDATION", "That proposal is too large.");
  const hosts = new Map((await stopHostSlots(stop, now)).map((h) => [h.hostId, h]));
  const tables = new Set((await db().meetingPoint.findMany({ where: { eventId: event.id, stopId: stop.id }, select: { id: true } })).map((t) => t.id));
  const guests = new Set(await stopGuestIds(event.id, stop.id, []));
  const preferences = await db().meetingPreference.findMany({ where: { eventId: event.id }, select: { fromUserId: true, toUserId: true, level: true } });
  const level = new Map(preferences.map((p) => [`${p.fromUserId}>${p.toUserId}`, p.level]));
  const rows = assignments.map((a) => {
    const host = isUuid(a.hostId) ? hosts.get(a.hostId) : undefined;
    const slot = host?.slots.find((s) => s.startsAt.toISOString() === a.startsAt);
    if (!host || !slot || !isUuid(a.guestId) || !guests.has(a.guestId) || !isUuid(a.meetingPointId) || !tables.has(a.meetingPointId)) {
      throw new DomainError("VALIDATION", "The proposal no longer matches this stop's slots — run the scheduler again.");
    }
    if (slot.status !== "FREE") throw new DomainError("SLOT_TAKEN", "A proposed slot was taken or has started since — run the scheduler again.");
    if (mutualWeight(level.get(`${a.hostId}>${a.guestId}`), level.get(`${a.guestId}>${a.hostId}`)) === 0) {
      throw new DomainError("VALIDATION", "The proposal pairs people who did not both ask to meet — run the scheduler again.");
    }
    return { hostId: a.hostId, guestId: a.guestId, startsAt: slot.startsAt, endsAt: slot.endsAt, meetingPointId: a.meetingPointId };
  });
  try {
    return await db().$transaction(
      async (tx) => {
        await lockStopBookings(tx, stop.id);
        const ids: string[] = [];
        for (const row of rows) {
          const created = await tx.meeting.create({
            data: { eventId: event.id, stopId: stop.id, ...row, status: "CONFIRMED", source: "SCHEDULER" },
            select: meetingEmailSelect,
          });
          await enqueueMeetingConfirmed(tx, created);
          ids.push(created.id);
        }
        return ids;
      },
      { ...BOOKING_TX, timeout: 120_000 },
    );
  } catch (error) {
    const mapped = bookingConstraintError(error);
    if (mapped)
      throw new DomainError("SLOT_TAKEN", "Something was booked meanwhile that clashes with the proposal; nothing was confirmed — run the scheduler again.");
    throw error;
  }
}
