// The places and people of an event's agenda: rooms, tracks and speakers, created and renamed by
// the event's organisers (requireAgendaEvent scopes every query). Names are unique per event, and a
// duplicate is a field error, not a 500.
import { Prisma } from "~/generated/prisma/client";
import { z } from "zod";
import { requireAgendaEvent } from "~/domain/access/events.server";
import type { Actor } from "~/domain/access/permissions";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { db } from "~/platform/db.server";

const nameSchema = z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters.");

function parseName(value: unknown): string {
  const parsed = nameSchema.safeParse(value);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0].message, { fieldErrors: { name: parsed.error.issues[0].message } });
  return parsed.data;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function uniqueName<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("VALIDATION", `There is already a ${what} with that name.`, {
        fieldErrors: { name: `There is already a ${what} with that name.` },
      });
    }
    throw error;
  }
}

export async function createRoom(user: Actor, eventId: string, input: { name: unknown; capacity?: unknown }) {
  const event = await requireAgendaEvent(user, { id: eventId });
  const name = parseName(input.name);
  const capacity = input.capacity === undefined || input.capacity === null || input.capacity === "" ? null : Number(input.capacity);
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000)) {
    throw new DomainError("VALIDATION", "Enter the room's seats as a whole number, or leave it empty.", {
      fieldErrors: { capacity: "Enter the room's seats as a whole number, or leave it empty." },
    });
  }
  const position = await db().room.count({ where: { eventId: event.id } });
  return uniqueName("room", () => db().room.create({ data: { eventId: event.id, name, capacity, position } }));
}

/**
 * A room's name is part of its sessions' calendar LOCATION, so renaming it is a change of place:
 * their SEQUENCE moves on in the same transaction and subscribed calendars pick up the new name.
 */
export async function renameRoom(user: Actor, eventId: string, roomId: string, nameInput: unknown) {
  requireUuid(roomId, "This room does not exist.");
  const event = await requireAgendaEvent(user, { id: eventId });
  const name = parseName(nameInput);
  await uniqueName("room", () =>
    db().$transaction(async (tx) => {
      const before = await tx.room.findFirst({ where: { id: roomId, eventId: event.id }, select: { name: true } });
      if (!before) throw new DomainError("NOT_FOUND", "This room does not exist.");
      if (before.name === name) return;
      await tx.room.update({ where: { id: roomId }, data: { name } });
      await tx.agendaSession.updateMany({ where: { roomId, status: { not: "DRAFT" } }, data: { sequence: { increment: 1 } } });
    }),
  );
}

export async function createTrack(user: Actor, eventId: string, input: { name: unknown; color?: unknown }) {
  const event = await requireAgendaEvent(user, { id: eventId });
  const name = parseName(input.name);
  const color = typeof input.color === "string" && /^#[0-9a-f]{6}$/i.test(input.color) ? input.color : "#2563eb";
  const position = await db().track.count({ where: { eventId: event.id } });
  return uniqueName("track", () => db().track.create({ data: { eventId: event.id, name, color, position } }));
}

export async function renameTrack(user: Actor, eventId: string, trackId: string, nameInput: unknown) {
  requireUuid(trackId, "This track does not exist.");
  const event = await requireAgendaEvent(user, { id: eventId });
  const name = parseName(nameInput);
  const updated = await uniqueName("track", () => db().track.updateMany({ where: { id: trackId, eventId: event.id }, data: { name } }));
  if (updated.count === 0) throw new DomainError("NOT_FOUND", "This track does not exist.");
}

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim()) : null), z.string().max(max, `Keep it under ${max} characters.`).nullable());
const speakerSchema = z.object({
  name: nameSchema,
  jobTitle: optionalText(200),
  organisation: optionalText(200),
  email: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : v.trim().toLowerCase()) : null),
    z.email("Enter a valid email address, or leave it empty.").nullable(),
  ),
});

/** A speaker: an external person, or a platform user found by email (for double-booking checks). */
export async function createSpeaker(user: Actor, eventId: string, input: Record<string, unknown>) {
  const event = await requireAgendaEvent(user, { id: eventId });
  const parsed = speakerSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    throw new DomainError("VALIDATION", "Check the highlighted fields.", { fieldErrors });
  }
  let userId: string | null = null;
  if (parsed.data.email) {
    const platformUser = await db().user.findUnique({ where: { email: parsed.data.email }, select: { id: true } });
    if (!platformUser)
      throw new DomainError("VALIDATION", "No account uses that email.", {
        fieldErrors: { email: "No account uses that email; leave it empty for an external speaker." },
      });
    userId = platformUser.id;
  }
  return db().speaker.create({
    data: { eventId: event.id, name: parsed.data.name, jobTitle: parsed.data.jobTitle, organisation: parsed.data.organisation, userId },
  });
}

export async function renameSpeaker(user: Actor, eventId: string, speakerId: string, nameInput: unknown) {
  requireUuid(speakerId, "This speaker does not exist.");
  const event = await requireAgendaEvent(user, { id: eventId });
  const name = parseName(nameInput);
  const updated = await db().speaker.updateMany({ where: { id: speakerId, eventId: event.id }, data: { name } });
  if (updated.count === 0) throw new DomainError("NOT_FOUND", "This speaker does not exist.");
}
