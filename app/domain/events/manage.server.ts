// Organisers creating and running their events: the "My events" list, the create form, the
// settings form (optimistic locking on updatedAt), publish and cancel. Every write that people
// with a registration should hear about queues its emails in the same transaction.
import { Prisma } from "~/generated/prisma/client";
import { isAdmin, type Actor } from "~/domain/access/permissions";
import { DomainError } from "~/domain/kernel/errors";
import { enqueueEmail } from "~/domain/notifications/outbox.server";
import { eventCancelledEmail, eventChangedEmail } from "~/domain/notifications/emails/events";
import { MANAGER_ROLES, canCreateEvents, requireManagedEvent } from "~/domain/access/events.server";
import { db, type Tx } from "~/platform/db.server";
import { publicUrl } from "~/platform/env.server";
import { eventChanges, nextFreeSlug, parseEventInput, slugify, type EventFormValues, type EventInput } from "./event-input";
import { emailEvent } from "~/domain/notifications/emails/layout";

/** Registrations that still hold (or wait for) a place: the people an event change concerns. */
export const ACTIVE_REGISTRATION_STATUSES = ["CONFIRMED", "PENDING_APPROVAL", "PENDING_PAYMENT", "WAITLISTED", "OFFERED"] as const;

export const STALE_MESSAGE = "Changed by someone else — reload to see their changes, then make yours again.";

// ───────────────────────────── My events ─────────────────────────────

export interface MyEvent {
  id: string;
  slug: string;
  title: string;
  kind: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  mode: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  city: string | null;
  country: string | null;
  /** The viewer's role at the event; null for an admin who is not on its team. */
  role: string | null;
  canManage: boolean;
  registrations: number;
}

/** The events `user` organises (any event role); admins see all. Upcoming first, then past. */
export async function listMyEvents(user: Actor, now = new Date()): Promise<{ upcoming: MyEvent[]; past: MyEvent[] }> {
  const admin = isAdmin(user);
  if (!admin && !canCreateEvents(user) && (await db().eventOrganiser.count({ where: { userId: user.id } })) === 0) {
    throw new DomainError("FORBIDDEN", "This area is for event organisers. Ask an organiser to add you to their event's team.");
  }
  const rows = await db().event.findMany({
    where: admin ? {} : { organisers: { some: { userId: user.id } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      status: true,
      mode: true,
      timeZone: true,
      startsAt: true,
      endsAt: true,
      city: true,
      country: true,
      organisers: { where: { userId: user.id }, select: { role: true } },
      _count: { select: { registrations: { where: { status: { in: [...ACTIVE_REGISTRATION_STATUSES] } } } } },
    },
  });
  const events = rows.map<MyEvent>(({ organisers, _count, ...event }) => {
    const role = organisers[0]?.role ?? null;
    return { ...event, role, canManage: admin || (role !== null && (MANAGER_ROLES as readonly string[]).includes(role)), registrations: _count.registrations };
  });
  return {
    upcoming: events.filter((event) => event.endsAt >= now),
    past: events.filter((event) => event.endsAt < now).reverse(),
  };
}

// ───────────────────────────── create ─────────────────────────────

function invalid(fieldErrors: Record<string, string>): DomainError {
  return new DomainError("VALIDATION", "Please correct the fields marked below.", { fieldErrors });
}

function requireInput(values: EventFormValues): EventInput {
  const parsed = parseEventInput(values);
  if (!parsed.ok) throw invalid(parsed.fieldErrors);
  return parsed.data;
}

function isSlugCollision(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  // The driver adapter reports the constraint's fields in different places across versions.
  return /slug/.test(JSON.stringify(error.meta ?? {})) || /slug/.test(error.message);
}

const MAX_SLUG_ATTEMPTS = 25;

/**
 * Creates a DRAFT event with its creator as OWNER, in one transaction. The slug comes from the
 * title; the unique index decides between concurrent creates of the same title: a collision
 * rolls that attempt back and the next free suffix is tried.
 */
export async function createEvent(user: Actor, values: EventFormValues): Promise<{ id: string; slug: string }> {
  if (!canCreateEvents(user)) throw new DomainError("FORBIDDEN", "Only organisers can create events. Ask the SCALE team for organiser access.");
  const input = requireInput(values);
  const base = slugify(input.title);
  for (let attempt = 0; attempt < MAX_SLUG_ATTEMPTS; attempt++) {
    const taken = await db().event.findMany({
      where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
      select: { slug: true },
    });
    const slug = nextFreeSlug(
      base,
      taken.map((row) => row.slug),
    );
    try {
      return await db().$transaction(async (tx) => {
        const event = await tx.event.create({
          data: { ...input, slug, status: "DRAFT", createdById: user.id },
          select: { id: true, slug: true },
        });
        await tx.eventOrganiser.create({ data: { eventId: event.id, userId: user.id, role: "OWNER" } });
        return event;
      });
    } catch (error) {
      if (isSlugCollision(error)) continue;
      throw error;
    }
  }
  throw new DomainError("CONFLICT", "Many events with this title are being created right now. Please try again.");
}

// ───────────────────────────── settings ─────────────────────────────

const settingsSelect = {
  id: true,
  slug: true,
  title: true,
  kind: true,
  summary: true,
  description: true,
  status: true,
  mode: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  city: true,
  country: true,
  onlineUrl: true,
  themes: true,
  sequence: true,
  publishedAt: true,
  cancelledAt: true,
  updatedAt: true,
  _count: { select: { ticketTypes: true } },
} as const satisfies Prisma.EventSelect;

export type EventSettings = Prisma.EventGetPayload<{ select: typeof settingsSelect }>;

/** The event for its settings page: its OWNER/ORGANISER team and admins only. */
export async function getEventSettings(
  user: Actor,
  slug: string,
): Promise<EventSettings & { version: string; paidRegistrations: number; activeRegistrations: number }> {
  const managed = await requireManagedEvent(user, slug, "manage");
  const event = await db().event.findUniqueOrThrow({ where: { id: managed.id }, select: settingsSelect });
  const [activeRegistrations, paidRegistrations] = await Promise.all([
    db().registration.count({ where: { eventId: event.id, status: { in: [...ACTIVE_REGISTRATION_STATUSES] } } }),
    db().registration.count({ where: { eventId: event.id, paymentStatus: "PAID" } }),
  ]);
  return { ...event, version: versionOf(event.updatedAt), activeRegistrations, paidRegistrations };
}

/** The optimistic-locking token a form carries: the row's updatedAt, to the millisecond. */
export function versionOf(updatedAt: Date): string {
  return updatedAt.toISOString();
}

function parseVersion(version: unknown): Date {
  const date = typeof version === "string" && /^\d{4}-\d{2}-\d{2}T/.test(version) ? new Date(version) : null;
  if (!date || Number.isNaN(date.getTime())) throw new DomainError("STALE_VERSION", STALE_MESSAGE);
  return date;
}

/** What a settings change compares and reports: read under the lock, written back the same shape. */
const lockedEventSelect = {
  id: true,
  slug: true,
  title: true,
  status: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  city: true,
  country: true,
  onlineUrl: true,
  mode: true,
  sequence: true,
  updatedAt: true,
} as const;

type LockedEvent = Prisma.EventGetPayload<{ select: typeof lockedEventSelect }>;

/** Locks the event row for the rest of the transaction and reads it. */
async function lockEvent(tx: Tx, eventId: string): Promise<LockedEvent> {
  await tx.$queryRaw`SELECT 1 FROM "Event" WHERE id = ${eventId}::uuid FOR UPDATE`;
  return tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: lockedEventSelect,
  });
}

/** One row per person with an active registration (a person counts once). */
async function activeRegistrants(tx: Tx, eventId: string) {
  const rows = await tx.registration.findMany({
    where: { eventId, status: { in: [...ACTIVE_REGISTRATION_STATUSES] } },
    select: { paymentStatus: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const byUser = new Map<string, { id: string; email: string; name: string; paid: boolean }>();
  for (const row of rows) {
    const seen = byUser.get(row.user.id);
    byUser.set(row.user.id, { ...row.user, paid: (seen?.paid ?? false) || row.paymentStatus === "PAID" });
  }
  return [...byUser.values()];
}

export interface UpdateResult {
  slug: string;
  version: string;
  sequenceBumped: boolean;
  notified: number;
}

/**
 * Saves the settings form. `version` is the updatedAt the organiser's form was drawn from; if
 * the row changed since, nothing is written (STALE_VERSION, a 409). A change of time, place or
 * title moves the ICS sequence on; for a published event, a change of time or place is emailed
 * to every person with an active registration, once per change (the sequence names it).
 */
export async function updateEvent(user: Actor, slug: string, version: unknown, values: EventFormValues): Promise<UpdateResult> {
  const managed = await requireManagedEvent(user, slug, "manage");
  const expected = parseVersion(version);
  const input = requireInput(values);
  return db().$transaction(async (tx) => {
    const before = await lockEvent(tx, managed.id);
    if (before.updatedAt.getTime() !== expected.getTime()) throw new DomainError("STALE_VERSION", STALE_MESSAGE);
    if (before.status === "CANCELLED") throw new DomainError("CONFLICT", "This event is cancelled; it can no longer be changed.");
    const changes = eventChanges(before, input);
    const updated = await tx.event.update({
      where: { id: before.id },
      data: { ...input, ...(changes.matters ? { sequence: { increment: 1 } } : {}) },
      select: lockedEventSelect,
    });
    let notified = 0;
    if (before.status === "PUBLISHED" && changes.notify) {
      const base = publicUrl();
      for (const person of await activeRegistrants(tx, before.id)) {
        const content = eventChangedEmail({
          attendeeName: person.name,
          before: emailEvent(before),
          event: emailEvent(updated),
          manageUrl: `${base}/my/registrations`,
        });
        await enqueueEmail(tx, {
          to: person.email,
          subject: content.subject,
          text: content.text,
          html: content.html,
          dedupeKey: `event-changed:${before.id}:${updated.sequence}:${person.id}`,
        });
        notified++;
      }
    }
    return { slug: updated.slug, version: versionOf(updated.updatedAt), sequenceBumped: changes.matters, notified };
  });
}

/** DRAFT → PUBLISHED. Refused without a ticket type: nobody could register. */
export async function publishEvent(user: Actor, slug: string, now = new Date()): Promise<void> {
  const managed = await requireManagedEvent(user, slug, "manage");
  await db().$transaction(async (tx) => {
    const event = await lockEvent(tx, managed.id);
    if (event.status === "PUBLISHED") return;
    if (event.status === "CANCELLED") throw new DomainError("CONFLICT", "This event is cancelled; a cancelled event cannot be published again.");
    if ((await tx.ticketType.count({ where: { eventId: event.id } })) === 0) {
      throw new DomainError("CONFLICT", "Add at least one ticket type before publishing — without one, nobody could register.");
    }
    if (event.endsAt <= now) throw new DomainError("CONFLICT", "This event has already ended; change its dates before publishing it.");
    await tx.event.update({ where: { id: event.id }, data: { status: "PUBLISHED", publishedAt: now, sequence: { increment: 1 } } });
  });
}

/**
 * Deletes a draft that never went public (a test, a duplicate). Published events are cancelled
 * instead, so their history, calendars and payments stay; a draft with registrations (made by
 * its team while testing) is refused too, so nobody's record disappears silently.
 */
export async function deleteDraftEvent(user: Actor, slug: string): Promise<{ title: string }> {
  const managed = await requireManagedEvent(user, slug, "manage");
  return db().$transaction(async (tx) => {
    const event = await lockEvent(tx, managed.id);
    if (event.status !== "DRAFT") throw new DomainError("CONFLICT", "Only a draft can be deleted; cancel a published event instead.");
    if ((await tx.registration.count({ where: { eventId: event.id } })) > 0) {
      throw new DomainError("CONFLICT", "This draft has registrations; it cannot be deleted.");
    }
    await tx.event.delete({ where: { id: event.id } });
    return { title: event.title };
  });
}

export const CANCEL_MESSAGE_MAX = 2_000;

/**
 * PUBLISHED → CANCELLED, final. Registrations and payments stay as they are (refunds are the
 * organiser's decision, made on the registrations page); every person with an active
 * registration is emailed once.
 */
export async function cancelEvent(user: Actor, slug: string, message: unknown, now = new Date()): Promise<{ notified: number; paidRegistrations: number }> {
  const managed = await requireManagedEvent(user, slug, "manage");
  const note = typeof message === "string" ? message.trim() : "";
  if (note.length > CANCEL_MESSAGE_MAX) {
    throw new DomainError("VALIDATION", "Please shorten the message.", {
      fieldErrors: { message: `Keep the message under ${CANCEL_MESSAGE_MAX.toLocaleString("en-GB")} characters.` },
    });
  }
  return db().$transaction(async (tx) => {
    const event = await lockEvent(tx, managed.id);
    if (event.status === "CANCELLED") throw new DomainError("CONFLICT", "This event is already cancelled.");
    if (event.status === "DRAFT") throw new DomainError("CONFLICT", "Only a published event can be cancelled; this draft is not public yet.");
    await tx.event.update({ where: { id: event.id }, data: { status: "CANCELLED", cancelledAt: now, sequence: { increment: 1 } } });
    const base = publicUrl();
    const people = await activeRegistrants(tx, event.id);
    for (const person of people) {
      const content = eventCancelledEmail({
        attendeeName: person.name,
        event: emailEvent(event),
        organiserMessage: note || null,
        paid: person.paid,
        manageUrl: `${base}/my/registrations`,
      });
      await enqueueEmail(tx, {
        to: person.email,
        subject: content.subject,
        text: content.text,
        html: content.html,
        dedupeKey: `event-cancelled:${event.id}:${person.id}`,
      });
    }
    const paidRegistrations = await tx.registration.count({ where: { eventId: event.id, paymentStatus: "PAID" } });
    return { notified: people.length, paidRegistrations };
  });
}
