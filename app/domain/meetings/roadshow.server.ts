// The lookups every meetings step starts with: the roadshow (with its stops) and one of its stops,
// and the organiser's hosting grant. An id that is malformed, unknown, or belongs to another event
// is "not found" (never a 500, never a hint that the row exists elsewhere). Who may do what is
// decided in `~/domain/access/meetings.server`.
import type { Actor } from "~/domain/access/permissions";
import { requireOrganiser } from "~/domain/access/meetings.server";
import { isParticipant, mayOnEvent } from "~/domain/access/policy.server";
import { DomainError } from "~/domain/kernel/errors";
import { isUuid } from "~/domain/kernel/ids";
import { singleFlight } from "~/domain/kernel/single-flight";
import { db, type Db, type Tx } from "~/platform/db.server";

type Client = Db | Tx;

export function notFound(what = "This page"): DomainError {
  return new DomainError("NOT_FOUND", `${what} does not exist.`);
}

export const roadshowSelect = {
  id: true,
  slug: true,
  title: true,
  status: true,
  kind: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  sequence: true,
  updatedAt: true,
  stops: {
    orderBy: { position: "asc" as const },
    select: { id: true, city: true, country: true, timeZone: true, venueName: true, startsAt: true, endsAt: true, position: true },
  },
} as const;

export type RoadshowStopRow = {
  id: string;
  city: string;
  country: string;
  timeZone: string;
  venueName: string | null;
  startsAt: Date;
  endsAt: Date;
  position: number;
};

/** A roadshow everybody may see (published), or any status for its staff (`event:staff`: any event role). */
export async function findRoadshow(slug: string, actor: Actor | null, client: Client = db()) {
  const event = client === db() ? await readRoadshow(slug) : await client.event.findUnique({ where: { slug }, select: roadshowSelect });
  if (!event || event.kind !== "ROADSHOW") throw notFound("This roadshow");
  if (event.status !== "PUBLISHED" && !(await mayOnEvent(actor, "event:staff", event.id, client))) throw notFound("This roadshow");
  return event;
}

/** Outside a transaction, a rush of bookings at one roadshow shares each read of it. */
const readRoadshow = singleFlight(
  (slug: string) => slug,
  (slug: string) => db().event.findUnique({ where: { slug }, select: roadshowSelect }),
);

export function findStopOf<T extends { stops: RoadshowStopRow[] }>(event: T, stopId: unknown): RoadshowStopRow {
  const stop = isUuid(stopId) ? event.stops.find((s) => s.id === stopId) : undefined;
  if (!stop) throw notFound("This roadshow stop");
  return stop;
}

/** The organiser lets a registered participant (found by e-mail) host meetings at the event. */
export async function grantHosting(actor: Actor, slug: string, email: string): Promise<string> {
  const event = await findRoadshow(slug, actor);
  await requireOrganiser(actor, event.id);
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true } });
  if (!user || !(await isParticipant(user.id, event.id))) {
    throw new DomainError("VALIDATION", "Only people registered for this roadshow can be allowed to host.", {
      fieldErrors: { email: "No registered participant with this e-mail." },
    });
  }
  await db().meetingHostGrant.upsert({
    where: { eventId_userId: { eventId: event.id, userId: user.id } },
    create: { eventId: event.id, userId: user.id, grantedById: actor.id },
    update: {},
  });
  return user.name;
}
