// What the meeting pages show, as plain serialisable objects with every time already written
// in the right zone: the host's stop page (and its printable day), the roadshow page of cities
// and projects (free slots, requests, meetings, recommendations, preference marks) and, for the
// roadshow's hosts, the cities and projects registered for it, to mark who they want to meet.
import { THEME_LABELS } from "~/domain/kernel/vocabulary";
import type { Intent, OrganisationKind, PreferenceLevel } from "~/generated/prisma/enums";
import { formatDate, formatRange, formatTime, isValidTimeZone, zoneAbbreviation } from "~/domain/kernel/time/zoned";
import { db } from "~/platform/db.server";
import { findRoadshow, findStopOf, type RoadshowStopRow } from "./roadshow.server";
import { canHost, hostsAt, requireHost } from "~/domain/access/meetings.server";
import { mayOnEvent, isParticipant } from "~/domain/access/policy.server";
import type { Actor } from "~/domain/access/permissions";
import { attendanceByUser, attendedStops, stopGuestIds } from "./attendance.server";
import { stopHostSlots } from "./availability.server";
import { meetingPlace } from "~/domain/notifications/emails/meetings";
import { outcomesVisibleTo, previousOutcomes, type VisibleOutcome } from "./outcomes.server";
import { preferencesBy } from "./preferences.server";
import { isOnlineUrl } from "~/domain/kernel/online-url";
import { formatEuroRange, recommendMatches, type MatchProfile } from "./recommendations";
import { groupSlotsByDay } from "./slots";

export function stopSummary(stop: RoadshowStopRow) {
  return {
    id: stop.id,
    city: stop.city,
    country: stop.country,
    venueName: stop.venueName,
    timeZone: stop.timeZone,
    zoneName: zoneAbbreviation(stop.startsAt, stop.timeZone),
    when: formatRange(stop.startsAt, stop.endsAt, stop.timeZone),
  };
}

const meetingListSelect = {
  id: true,
  status: true,
  source: true,
  startsAt: true,
  endsAt: true,
  message: true,
  requestExpiresAt: true,
  noShow: true,
  proposedStartsAt: true,
  proposedEndsAt: true,
  proposedById: true,
  stopId: true,
  host: { select: { id: true, name: true, jobTitle: true } },
  guest: { select: { id: true, name: true, jobTitle: true } },
  meetingPoint: { select: { name: true, onlineUrl: true } },
  stop: { select: { id: true, city: true, timeZone: true, venueName: true } },
} as const;

export interface MeetingCard {
  id: string;
  status: string;
  side: "host" | "guest";
  otherId: string;
  otherName: string;
  otherTitle: string | null;
  when: string;
  day: string;
  time: string;
  place: string;
  onlineUrl: string | null;
  message: string | null;
  expires: string | null;
  proposal: { when: string; byMe: boolean } | null;
  canCancel: boolean;
  canPropose: boolean;
  canRecordOutcome: boolean;
  outcome: VisibleOutcome | null;
  noShow: boolean;
}

type MeetingRow = Awaited<ReturnType<typeof loadMeetings>>[number];

async function loadMeetings(where: object) {
  return db().meeting.findMany({ where, select: meetingListSelect, orderBy: { startsAt: "asc" } });
}

function card(row: MeetingRow, viewerId: string, zone: string, now: Date, outcome: VisibleOutcome | null): MeetingCard {
  const side = row.host.id === viewerId ? "host" : "guest";
  const other = side === "host" ? row.guest : row.host;
  const live = row.status === "REQUESTED" || row.status === "CONFIRMED";
  const started = row.startsAt.getTime() <= now.getTime();
  return {
    id: row.id,
    status: row.status === "REQUESTED" && row.requestExpiresAt && row.requestExpiresAt.getTime() <= now.getTime() ? "EXPIRED" : row.status,
    side,
    otherId: other.id,
    otherName: other.name,
    otherTitle: other.jobTitle,
    when: formatRange(row.startsAt, row.endsAt, zone),
    day: formatDate(row.startsAt, zone),
    time: `${formatTime(row.startsAt, zone)}–${formatTime(row.endsAt, zone)}`,
    place: meetingPlace(row) || "At the host's table",
    // Only web addresses become a link (rows written before the rule was enforced included).
    onlineUrl: row.status === "CONFIRMED" && isOnlineUrl(row.meetingPoint?.onlineUrl) ? row.meetingPoint.onlineUrl : null,
    message: row.message,
    expires: row.status === "REQUESTED" && row.requestExpiresAt ? `${formatDate(row.requestExpiresAt, zone)}, ${formatTime(row.requestExpiresAt, zone)}` : null,
    proposal:
      row.proposedStartsAt && row.proposedEndsAt
        ? { when: formatRange(row.proposedStartsAt, row.proposedEndsAt, zone), byMe: row.proposedById === viewerId }
        : null,
    canCancel: live && !started,
    canPropose: live && !started && row.stopId !== null,
    canRecordOutcome: row.status === "CONFIRMED" && started,
    outcome,
    noShow: row.noShow,
  };
}

async function cards(rows: MeetingRow[], viewerId: string, zone: (row: MeetingRow) => string, now: Date): Promise<MeetingCard[]> {
  const outcomes = await outcomesVisibleTo(
    viewerId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => card(row, viewerId, zone(row), now, outcomes.get(row.id) ?? null));
}

/**
 * Each person's organisation for matchmaking: the one they link on their directory profile
 * (/account/profile) when they are a member of it, else their first membership. The columns read
 * are the ones organisation admins keep up to date at /organisations/:slug/edit.
 */
async function organisationOf(userIds: string[]) {
  const [memberships, linked] = await Promise.all([
    db().membership.findMany({
      where: { userId: { in: userIds } },
      orderBy: { createdAt: "asc" },
      select: {
        userId: true,
        organisationId: true,
        organisation: {
          select: {
            name: true,
            kind: true,
            country: true,
            themes: true,
            ticketMinEur: true,
            ticketMaxEur: true,
            stages: true,
            focusCountries: true,
            solutionsOffered: true,
            solutionsWanted: true,
            investmentSoughtEur: true,
          },
        },
      },
    }),
    db().personProfile.findMany({ where: { userId: { in: userIds }, organisationId: { not: null } }, select: { userId: true, organisationId: true } }),
  ]);
  const chosen = new Map(linked.map((p) => [p.userId, p.organisationId]));
  const byUser = new Map<string, (typeof memberships)[number]["organisation"]>();
  for (const m of memberships) if (chosen.get(m.userId) === m.organisationId) byUser.set(m.userId, m.organisation);
  for (const m of memberships) if (!byUser.has(m.userId)) byUser.set(m.userId, m.organisation);
  return byUser;
}

/** What each person says they are looking to do on their directory profile (used when a registration says nothing). */
async function profileIntents(userIds: string[]): Promise<Map<string, Intent[]>> {
  const rows = await db().personProfile.findMany({ where: { userId: { in: userIds } }, select: { userId: true, intents: true } });
  return new Map(rows.map((r) => [r.userId, r.intents ?? []]));
}

// ───────────────────────────── host ─────────────────────────────

export async function hostStopView(actor: Actor, slug: string, stopId: unknown, now = new Date()) {
  const event = await findRoadshow(slug, actor);
  const stop = findStopOf(event, stopId);
  await requireHost(actor, event.id);
  const [mine] = await stopHostSlots(stop, now, { hostId: actor.id });
  const rows = await loadMeetings({ stopId: stop.id, OR: [{ hostId: actor.id }, { guestId: actor.id }] });
  const meetingCards = await cards(rows, actor.id, () => stop.timeZone, now);
  const liveByStart = new Map(
    rows
      .filter((r) => r.status === "CONFIRMED" || (r.status === "REQUESTED" && (!r.requestExpiresAt || r.requestExpiresAt > now)))
      .map((r) => [r.startsAt.getTime(), r]),
  );
  const slotDays = groupSlotsByDay(mine?.slots ?? []).map((group) => ({
    day: formatDate(group.slots[0].startsAt, stop.timeZone),
    slots: group.slots.map((slot) => {
      const meeting = liveByStart.get(slot.startsAt.getTime());
      return {
        startsAt: slot.startsAt.toISOString(),
        label: slot.label,
        zoneName: slot.zoneName,
        status: slot.status,
        meeting: meeting ? { id: meeting.id, status: meeting.status, who: meeting.host.id === actor.id ? meeting.guest.name : meeting.host.name } : null,
      };
    }),
  }));
  const freeSlots = (mine?.slots ?? [])
    .filter((s) => s.status === "FREE")
    .map((s) => ({ startsAt: s.startsAt.toISOString(), label: `${formatDate(s.startsAt, stop.timeZone)}, ${s.label} ${s.zoneName}` }));
  // Who is registered stays hidden from an investor with no tie to the roadshow.
  const attendees =
    (await hostsAt(actor, event.id)) || (await mayOnEvent(actor, "event:manage", event.id)) ? await stopAttendees(event.id, stop, actor, now) : null;
  return {
    event: { slug: event.slug, title: event.title },
    stop: stopSummary(stop),
    stops: event.stops.map((s) => ({ id: s.id, city: s.city })),
    windows: (mine?.windows ?? []).map((w) => ({
      id: w.id,
      when: formatRange(w.startsAt, w.endsAt, stop.timeZone),
      slotMinutes: w.slotMinutes,
      bufferMinutes: w.bufferMinutes,
      onlineUrl: w.onlineUrl,
    })),
    slotDays,
    freeSlots,
    requests: meetingCards.filter((m) => m.side === "host" && m.status === "REQUESTED"),
    meetings: meetingCards.filter((m) => !(m.side === "host" && m.status === "REQUESTED")),
    previous: (await previousOutcomes(actor.id, event.id, stop.position)).map((p) => ({
      ...p,
      when: `${p.stopCity}, ${formatDate(p.startsAt, stop.timeZone)}`,
    })),
    defaults: { start: defaultWallTime(stop, 10), end: defaultWallTime(stop, 12) },
    attendees,
  };
}

/**
 * The cities and projects attending one stop (confirmed registrants who marked it, or booked a
 * meeting there), by name, with the viewer's mark on each: the people the stop's scheduler
 * considers.
 */
async function stopAttendees(eventId: string, stop: RoadshowStopRow, viewer: Actor, now: Date) {
  const hostIds = (await stopHostSlots(stop, now)).map((h) => h.hostId);
  const ids = await stopGuestIds(eventId, stop.id, [...hostIds, viewer.id]);
  const people = await db().user.findMany({
    where: { id: { in: ids }, NOT: { roles: { has: "INVESTOR" } } },
    select: { id: true, name: true, jobTitle: true },
  });
  const orgs = await organisationOf(people.map((p) => p.id));
  const marks = await preferencesBy(eventId, viewer.id);
  return people
    .map((p) => ({ id: p.id, name: p.name, jobTitle: p.jobTitle, organisation: orgs.get(p.id)?.name ?? null, preference: marks.get(p.id) ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id));
}

function defaultWallTime(stop: RoadshowStopRow, hour: number): string {
  // The stop's first day as YYYY-MM-DD in its zone (en-CA writes dates that way).
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: stop.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(stop.startsAt);
  return `${parts}T${String(hour).padStart(2, "0")}:00`;
}

/** The host's confirmed meetings of one stop, by day, for printing. */
export async function hostPrintView(actor: Actor, slug: string, stopId: unknown, now = new Date()) {
  const event = await findRoadshow(slug, actor);
  const stop = findStopOf(event, stopId);
  await requireHost(actor, event.id);
  const rows = await loadMeetings({ stopId: stop.id, status: "CONFIRMED", OR: [{ hostId: actor.id }, { guestId: actor.id }] });
  const orgs = await organisationOf(rows.flatMap((r) => [r.host.id, r.guest.id]));
  const list = (await cards(rows, actor.id, () => stop.timeZone, now)).map((c, i) => {
    const other = c.side === "host" ? rows[i].guest : rows[i].host;
    return { ...c, otherOrganisation: orgs.get(other.id)?.name ?? null };
  });
  const days = new Map<string, typeof list>();
  for (const item of list) days.set(item.day, [...(days.get(item.day) ?? []), item]);
  return { event: { slug: event.slug, title: event.title }, stop: stopSummary(stop), days: [...days.entries()].map(([day, meetings]) => ({ day, meetings })) };
}

// ───────────────────────────── cities and projects ─────────────────────────────

export const VIEWER_ZONES = [
  "Europe/Lisbon",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Warsaw",
  "Europe/Helsinki",
  "Europe/Athens",
  "Europe/Istanbul",
] as const;

export async function roadshowView(actor: Actor | null, slug: string, options: { zone?: string | null; stopId?: string | null } = {}, now = new Date()) {
  const event = await findRoadshow(slug, actor);
  const zone = options.zone && isValidTimeZone(options.zone) ? options.zone : null;
  const participant = actor ? actor.roles.includes("ADMIN") || (await isParticipant(actor.id, event.id)) : false;
  const registered = actor ? (await db().registration.count({ where: { eventId: event.id, userId: actor.id, status: "CONFIRMED" } })) > 0 : false;
  const host = actor ? await canHost(actor, event.id) : false;
  const hostHere = actor && host ? await hostsAt(actor, event.id) : false;
  const organiser = actor ? await mayOnEvent(actor, "event:manage", event.id) : false;
  const preferences = actor ? await preferencesBy(event.id, actor.id) : new Map<string, PreferenceLevel>();
  const myRows = actor ? await loadMeetings({ eventId: event.id, OR: [{ hostId: actor.id }, { guestId: actor.id }] }) : [];
  const stopZone = new Map(event.stops.map((s) => [s.id, s.timeZone]));
  const myCards = actor ? await cards(myRows, actor.id, (r) => zone ?? (r.stopId ? stopZone.get(r.stopId) : null) ?? event.timeZone, now) : [];

  const stops = [];
  const hostIdsAll = new Set<string>();
  for (const stop of event.stops) {
    const hosts = await stopHostSlots(stop, now, { displayZone: zone ?? stop.timeZone, viewerId: actor?.id });
    hosts.forEach((h) => hostIdsAll.add(h.hostId));
    stops.push({ stop, hosts });
  }
  const people = await db().user.findMany({ where: { id: { in: [...hostIdsAll] } }, select: { id: true, name: true, jobTitle: true } });
  const orgs = await organisationOf([...hostIdsAll, ...(actor ? [actor.id] : [])]);
  const personOf = new Map(people.map((p) => [p.id, p]));

  const view = stops.map(({ stop, hosts }) => ({
    ...stopSummary(stop),
    displayZone: zone ?? stop.timeZone,
    displayZoneName: zoneAbbreviation(stop.startsAt, zone ?? stop.timeZone),
    hosts: hosts
      .filter((h) => h.hostId !== actor?.id)
      .map((h) => {
        const person = personOf.get(h.hostId);
        const org = orgs.get(h.hostId);
        const free = h.slots.filter((s) => s.status === "FREE");
        return {
          id: h.hostId,
          name: person?.name ?? "Investor",
          jobTitle: person?.jobTitle ?? null,
          organisation: org?.name ?? null,
          ticket: org && (org.ticketMinEur || org.ticketMaxEur) ? formatEuroRange(org.ticketMinEur, org.ticketMaxEur) : null,
          preference: preferences.get(h.hostId) ?? null,
          freeCount: free.length,
          days: groupSlotsByDay(free).map((g) => ({
            day: formatDate(g.slots[0].startsAt, zone ?? stop.timeZone),
            slots: g.slots.map((s) => ({ startsAt: s.startsAt.toISOString(), label: s.label, zoneName: s.zoneName })),
          })),
        };
      }),
    meetings: myCards.filter((c, i) => myRows[i].stopId === stop.id),
  }));

  let recommendations: { id: string; name: string; organisation: string | null; reasons: string; preference: PreferenceLevel | null }[] = [];
  // Hosts get the cities and projects instead (ranked the same way), not the other hosts.
  const candidates = actor && hostHere ? await guestCandidates(event.id, actor, hostIdsAll, orgs, preferences, event.stops) : null;
  if (actor && participant && !hostHere) {
    const me = profileOf(actor.id, "You", orgs.get(actor.id));
    const registration = await db().registration.findFirst({ where: { eventId: event.id, userId: actor.id, status: "CONFIRMED" }, select: { intents: true } });
    me.intents = registration?.intents?.length ? registration.intents : ((await profileIntents([actor.id])).get(actor.id) ?? []);
    const candidates = [...hostIdsAll].filter((id) => id !== actor.id).map((id) => profileOf(id, personOf.get(id)?.name ?? "Investor", orgs.get(id)));
    const noThanks = [...preferences.entries()].filter(([, level]) => level === "NO_THANKS").map(([id]) => id);
    recommendations = recommendMatches(me, candidates, { exclude: noThanks, limit: 10 }).map((r) => ({
      id: r.candidate.id,
      name: r.candidate.name,
      organisation: orgs.get(r.candidate.id)?.name ?? null,
      reasons: r.reasons.join(", "),
      preference: preferences.get(r.candidate.id) ?? null,
    }));
  }
  const previous = actor ? await previousOutcomes(actor.id, event.id, 2_147_483_647) : [];
  // The viewer's own zone (profile) first, then the usual European ones.
  const ownZone = actor ? ((await db().user.findUnique({ where: { id: actor.id }, select: { timeZone: true } }))?.timeZone ?? null) : null;
  const zones = [...new Set([...(ownZone && isValidTimeZone(ownZone) ? [ownZone] : []), ...(zone ? [zone] : []), ...VIEWER_ZONES])];
  return {
    event: { slug: event.slug, title: event.title, timeZone: event.timeZone },
    viewer: actor ? { participant, host, hostHere, organiser, registered } : null,
    // Cities and projects (confirmed, not hosting here) choose the stops they attend.
    attendance:
      actor && registered && !hostHere
        ? {
            stopIds: await attendedStops(
              actor.id,
              event.stops.map((s) => s.id),
            ),
          }
        : null,
    zone,
    zones,
    stops: view,
    recommendations,
    candidates,
    previous: previous.map((p) => ({ ...p, when: `${p.stopCity}, ${formatDate(p.startsAt, event.timeZone)}` })),
  };
}

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  LIGHTHOUSE_CITY: "Lighthouse city",
  FELLOW_CITY: "Fellow city",
  PROJECT: "Project",
  INVESTOR: "Investor",
  COMPANY: "Company",
  RESEARCH: "Research",
  ASSOCIATION: "Association",
};

export interface GuestCandidate {
  id: string;
  name: string;
  jobTitle: string | null;
  organisation: string | null;
  kind: string | null;
  themes: string[];
  /** "seeks 5–20 M€", when their organisation says so. */
  seeks: string | null;
  /** Why the recommendation code suggests them, from the host's side; empty when it has no reason. */
  reasons: string;
  recommended: boolean;
  preference: PreferenceLevel | null;
  /** The cities of the stops they attend, in roadshow order. */
  stops: string[];
}

/**
 * What a host at the roadshow can mark: the people with a confirmed registration for it (pending,
 * waitlisted and cancelled ones are not shown) who do not host themselves (no published slots, no
 * investor account). Recommended ones first, with their reasons, then the rest by name.
 */
async function guestCandidates(
  eventId: string,
  viewer: Actor,
  hostIds: ReadonlySet<string>,
  viewerOrgs: Awaited<ReturnType<typeof organisationOf>>,
  preferences: Map<string, PreferenceLevel>,
  stops: readonly RoadshowStopRow[],
): Promise<GuestCandidate[]> {
  const registrations = await db().registration.findMany({
    where: { eventId, status: "CONFIRMED", userId: { not: viewer.id } },
    select: { userId: true, intents: true, user: { select: { name: true, jobTitle: true, roles: true } } },
  });
  const guests = registrations.filter((r) => !hostIds.has(r.userId) && !r.user.roles.includes("INVESTOR"));
  const orgs = await organisationOf(guests.map((g) => g.userId));
  const mine = await db().registration.findFirst({ where: { eventId, userId: viewer.id, status: "CONFIRMED" }, select: { intents: true } });
  const me = profileOf(viewer.id, "You", viewerOrgs.get(viewer.id));
  const stated = await profileIntents([viewer.id, ...guests.map((g) => g.userId)]);
  if (mine && mine.intents.length > 0) me.intents = mine.intents;
  else if (stated.get(viewer.id)?.length) me.intents = stated.get(viewer.id)!;
  const profiles = guests.map((g) => ({
    ...profileOf(g.userId, g.user.name, orgs.get(g.userId)),
    intents: g.intents.length > 0 ? g.intents : (stated.get(g.userId) ?? []),
  }));
  const ranked = recommendMatches(me, profiles, { limit: profiles.length });
  const reasonsOf = new Map(ranked.map((r) => [r.candidate.id, r.reasons.join(", ")]));
  const rest = profiles.filter((p) => !reasonsOf.has(p.id)).sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id));
  const byId = new Map(guests.map((g) => [g.userId, g]));
  const attending = await attendanceByUser(
    guests.map((g) => g.userId),
    stops.map((s) => s.id),
  );
  return [...ranked.map((r) => r.candidate), ...rest].map((p) => {
    const org = orgs.get(p.id);
    return {
      id: p.id,
      name: p.name,
      jobTitle: byId.get(p.id)?.user.jobTitle ?? null,
      organisation: org?.name ?? null,
      kind: org ? ORGANISATION_KIND_LABELS[org.kind] : null,
      themes: (org?.themes ?? []).map((t) => THEME_LABELS[t] ?? t),
      seeks: org?.investmentSoughtEur ? `seeks ${formatEuroRange(org.investmentSoughtEur, org.investmentSoughtEur)}` : null,
      reasons: reasonsOf.get(p.id) ?? "",
      recommended: reasonsOf.has(p.id),
      preference: preferences.get(p.id) ?? null,
      stops: stops.filter((s) => attending.get(p.id)?.includes(s.id)).map((s) => s.city),
    };
  });
}

function profileOf(
  id: string,
  name: string,
  org: Awaited<ReturnType<typeof organisationOf>> extends Map<string, infer O> ? O | undefined : never,
): MatchProfile {
  return {
    id,
    name,
    country: org?.country ?? null,
    themes: org?.themes ?? [],
    focusCountries: org?.focusCountries ?? [],
    ticketMinEur: org?.ticketMinEur ?? null,
    ticketMaxEur: org?.ticketMaxEur ?? null,
    investmentSoughtEur: org?.investmentSoughtEur ?? null,
    stages: org?.stages ?? [],
    solutionsOffered: org?.solutionsOffered ?? [],
    solutionsWanted: org?.solutionsWanted ?? [],
    intents: org?.kind === "INVESTOR" ? ["INVEST"] : [],
  };
}
