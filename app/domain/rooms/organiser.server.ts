// An organiser's topic rooms of one event: list, create, edit, delete. The caller has loaded the
// event through `requireManagedEvent` (OWNER/ORGANISER of the event, or an admin), and every query
// here is scoped by that event's id, so a room id from another event is simply not found.
//
// MatchRoom has no "closed" column, so a room can only be deleted, and only while nobody has used
// it: deleting cascades to its messages and networking rounds, and chat history must not be lost.
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import type { RoomForm } from "./organiser-input";
import { isUuid } from "~/domain/kernel/ids";

const notFound = () => new DomainError("NOT_FOUND", "This room does not exist.");

/** The only unique constraint on MatchRoom besides its id: (eventId, name). */
function nameTaken(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

const taken = (name: string) =>
  new DomainError("CONFLICT", `This event already has a room called “${name}”.`, {
    fieldErrors: { name: "Another room of this event already has this name." },
  });

/** The event's rooms in the attendees' order, with how much each has been used. */
export async function listEventRooms(eventId: string) {
  const rooms = await db().matchRoom.findMany({
    where: { eventId },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    select: { id: true, name: true, topic: true, themes: true, createdAt: true, _count: { select: { messages: true, rounds: true } } },
  });
  return rooms.map(({ _count, ...room }) => ({ ...room, messageCount: _count.messages, roundCount: _count.rounds }));
}

export async function createRoom(eventId: string, form: RoomForm) {
  try {
    return await db().matchRoom.create({ data: { eventId, name: form.name, topic: form.topic, themes: form.themes }, select: { id: true, name: true } });
  } catch (error) {
    if (nameTaken(error)) throw taken(form.name);
    throw error;
  }
}

export async function updateRoom(eventId: string, roomId: string, form: RoomForm) {
  if (!isUuid(roomId)) throw notFound();
  try {
    const updated = await db().matchRoom.updateMany({ where: { id: roomId, eventId }, data: { name: form.name, topic: form.topic, themes: form.themes } });
    if (updated.count === 0) throw notFound();
  } catch (error) {
    if (nameTaken(error)) throw taken(form.name);
    throw error;
  }
}

/**
 * Deletes a room nobody has used. The room row is locked first: a message being posted holds a
 * key-share lock on it (its foreign key), so the count below sees every message committed before
 * the delete, and no message can be added between the count and the delete.
 */
export async function deleteRoom(eventId: string, roomId: string) {
  if (!isUuid(roomId)) throw notFound();
  await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "MatchRoom" WHERE id = ${roomId}::uuid AND "eventId" = ${eventId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound();
    const messages = await tx.roomMessage.count({ where: { roomId } });
    const rounds = await tx.networkingRound.count({ where: { roomId } });
    if (messages > 0 || rounds > 0) {
      throw new DomainError(
        "CONFLICT",
        messages > 0
          ? `This room has ${messages} ${messages === 1 ? "message" : "messages"}; it is kept so the chat history is not lost. Rename it instead.`
          : "Speed networking has run in this room; it is kept so its rounds are not lost. Rename it instead.",
      );
    }
    await tx.matchRoom.delete({ where: { id: roomId } });
  });
}
