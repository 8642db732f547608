// Matchmaking rooms over Socket.IO: authenticate, validate (zod), join, relay. Rules live in
// app/domain/rooms. Presence is computed from the sockets in the room on every node
// (io.in(room).fetchSockets() goes through the adapter), so it is right across processes.
//
// Client → server (acknowledged {ok:true,…} or {ok:false, code, message}):
//   "rooms:join" {roomId} → {room, people, messages, round, canModerate, me}
//   "rooms:leave" {roomId}
//   "rooms:message" {roomId, body} → {message}
//   "rooms:meet" {roomId, userId, note?} → {result: {kind:"contact", message}}
//   "rooms:round:start" {roomId, minutes} → {round}
//   "rooms:round:end" {roomId} → {round}
// Server → client: "rooms:presence" {roomId, people}, "rooms:message" MessageView,
//   "rooms:contact" MessageView (only to the two people), "rooms:round" RoundView.
import type { Server, Socket } from "socket.io";
import type { Logger } from "pino";
import { z } from "zod";
import { DomainError } from "../../app/domain/kernel/errors";
import { onRoomEvent } from "../../app/domain/rooms/publish.server";
import { roundSeenBy, type RoundView } from "../../app/domain/rooms/rooms";
import {
  endRound,
  findRoom,
  latestRound,
  letsMeet,
  postMessage,
  presenceProfile,
  recentMessages,
  startRound,
  type PresenceProfile,
} from "../../app/domain/rooms/rooms.server";
import { requireRoomParticipant } from "../../app/domain/access/live.server";
import { handler, socketAccess, socketUser, type Listener } from "./qa";

export const ROOM_EVENTS = ["rooms:join", "rooms:leave", "rooms:message", "rooms:meet", "rooms:round:start", "rooms:round:end"] as const;

export const matchRoom = (roomId: string) => `room:${roomId}`;
export const userRoom = (userId: string) => `user:${userId}`;

interface PresenceData {
  roomId: string;
  profile: PresenceProfile;
}

const uuid = z.string().uuid();
const schemas = {
  join: z.object({ roomId: uuid }).strict(),
  leave: z.object({ roomId: uuid }).strict(),
  message: z.object({ roomId: uuid, body: z.string().max(4000) }).strict(),
  meet: z.object({ roomId: uuid, userId: uuid, note: z.string().max(4000).optional() }).strict(),
  start: z.object({ roomId: uuid, minutes: z.number().int() }).strict(),
  end: z.object({ roomId: uuid }).strict(),
};

/** Everyone in the room across all nodes, one entry per person, in name order. */
export async function roomPresence(io: Server, roomId: string): Promise<PresenceProfile[]> {
  const sockets = await io.in(matchRoom(roomId)).fetchSockets();
  const people = new Map<string, PresenceProfile>();
  for (const s of sockets) {
    const presence = (s.data as { presence?: PresenceData }).presence;
    if (presence && presence.roomId === roomId) people.set(presence.profile.userId, presence.profile);
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function installRooms(io: Server, logger: Logger): { listeners: Record<string, Listener>; close(): void } {
  const broadcastPresence = async (roomId: string) => {
    try {
      io.to(matchRoom(roomId)).emit("rooms:presence", { roomId, people: await roomPresence(io, roomId) });
    } catch (error) {
      logger.warn({ err: error }, "presence broadcast failed");
    }
  };

  // Each person gets the round as they may see it (their own video link only), so it is sent
  // socket by socket, on whichever node each one is connected.
  const sendRound = async (roomId: string, round: RoundView) => {
    try {
      for (const s of await io.in(matchRoom(roomId)).fetchSockets()) {
        const presence = (s.data as { presence?: PresenceData }).presence;
        if (presence) s.emit("rooms:round", roundSeenBy(round, presence.profile.userId, presence.profile.staff));
      }
    } catch (error) {
      logger.warn({ err: error }, "round broadcast failed");
    }
  };

  const unsubscribe = onRoomEvent((event) => {
    if (event.type === "message") io.to(matchRoom(event.roomId)).emit("rooms:message", event.message);
    else if (event.type === "contact") io.to(event.to.map(userRoom)).emit("rooms:contact", event.message);
    else void sendRound(event.roomId, event.round);
  });

  const presenceOf = (socket: Socket) => (socket.data as { presence?: PresenceData }).presence;

  const leaveCurrent = async (socket: Socket) => {
    const data = socket.data as { presence?: PresenceData };
    const current = data.presence;
    if (!current) return;
    data.presence = undefined;
    await socket.leave(matchRoom(current.roomId));
    await broadcastPresence(current.roomId);
  };

  // Registered on a socket only once it has entered a room: others leave without a presence update.
  function onDisconnect(this: Socket) {
    const current = presenceOf(this);
    if (current) void broadcastPresence(current.roomId);
  }

  // One listener per event for all sockets (the socket is `this`).
  const listeners: Record<(typeof ROOM_EVENTS)[number], Listener> = {
    "rooms:join": handler(schemas.join, logger, async (socket, { roomId }) => {
      const me = socketUser(socket);
      const { room, access } = await findRoom(roomId, me, socketAccess(socket));
      requireRoomParticipant(me, access);
      const current = presenceOf(socket);
      if (current && current.roomId !== roomId) await leaveCurrent(socket);
      if (!current) socket.once("disconnect", onDisconnect);
      (socket.data as { presence?: PresenceData }).presence = { roomId, profile: await presenceProfile(me.id, room.eventId, access.moderator) };
      // The personal room carries "let's meet" notices; joined only by sockets in a match room.
      await socket.join([matchRoom(roomId), userRoom(me.id)]);
      const [people, messages, round] = await Promise.all([roomPresence(io, roomId), recentMessages(roomId, me.id), latestRound(roomId)]);
      io.to(matchRoom(roomId)).except(socket.id).emit("rooms:presence", { roomId, people });
      return {
        room: {
          id: room.id,
          name: room.name,
          topic: room.topic,
          themes: room.themes,
          event: { slug: room.event.slug, title: room.event.title, mode: room.event.mode },
        },
        people,
        messages,
        round: roundSeenBy(round, me.id, access.moderator),
        canModerate: access.moderator,
        me: me.id,
        serverTime: new Date().toISOString(),
      };
    }),
    "rooms:leave": handler(schemas.leave, logger, async (socket, { roomId }) => {
      if (presenceOf(socket)?.roomId === roomId) await leaveCurrent(socket);
      return {};
    }),
    "rooms:message": handler(schemas.message, logger, async (socket, { roomId, body }) => ({
      message: await postMessage(socketUser(socket), { roomId, body }, socketAccess(socket)),
    })),
    "rooms:meet": handler(schemas.meet, logger, async (socket, { roomId, userId, note }) => ({
      result: await letsMeet(socketUser(socket), { roomId, userId, note }, socketAccess(socket)),
    })),
    "rooms:round:start": handler(schemas.start, logger, async (socket, { roomId, minutes }) => {
      if (presenceOf(socket)?.roomId !== roomId) throw new DomainError("CONFLICT", "Join the room before starting a round.");
      // The people present right now, on every node; whoever left is simply not in the list.
      const present = await roomPresence(io, roomId);
      return { round: await startRound(socketUser(socket), { roomId, minutes, present }, new Date(), socketAccess(socket)) };
    }),
    "rooms:round:end": handler(schemas.end, logger, async (socket, { roomId }) => ({
      round: await endRound(socketUser(socket), { roomId }, new Date(), socketAccess(socket)),
    })),
  };

  return { listeners, close: unsubscribe };
}
