// Live Q&A over Socket.IO. This file only authenticates (socket.data.user), validates payloads
// (zod), joins rooms and relays committed changes; every rule is in app/domain/qa.
//
// Client → server (each with an acknowledgement {ok:true,…} or {ok:false, code, message}):
//   "qa:join"     {sessionId, cursor?}  → {questions, cursor, canModerate, myVotes, qaMode}
//   "qa:leave"    {sessionId}
//   "qa:ask"      {sessionId, body, anonymous?} → {question, cursor}
//   "qa:vote"     {questionId}           → {voted, votes}
//   "qa:moderate" {questionId, action, body?} → {questions, cursor}
// Server → client: "qa:changed" {sessionId, prev, cursor, questions} (QaChangeView).
// An event sent without an acknowledgement callback is not run: the socket gets "error:event"
// {ok:false, code:"ACK_REQUIRED", message} instead (the same for rooms:*).
//
// Rooms: moderators join `qa:<id>:mod` (everything, author names included); everyone else joins
// `qa:<id>` and `qa:<id>:u:<userId>`. A change is sent to the moderators' room, to each changed
// question's author's own room (their view: own pending questions), and to `qa:<id>` except those
// authors' rooms — so attendees never receive a pending question or an anonymous author's name.
import { env } from "../../app/platform/env.server";
import type { Server, Socket } from "socket.io";
import type { Logger } from "pino";
import { z } from "zod";
import { findNul, NUL_MESSAGE } from "../../app/web/storable-text";
import type { SessionUser } from "../../app/domain/accounts/sessions.server";
import { DomainError, isDomainError } from "../../app/domain/kernel/errors";
import type { Actor } from "../../app/domain/access/permissions";
import { eventAccess, type AccessResolver, type EventAccess } from "../../app/domain/access/live.server";
import { onQaChange } from "../../app/domain/qa/publish.server";
import { mergeChanges, MODERATION_ACTIONS, viewChange, viewQuestion, type QaChange } from "../../app/domain/qa/questions";
import { askQuestion, findQaSession, hasAsked, listQuestions, moderateQuestion, myVotes, toggleVote } from "../../app/domain/qa/questions.server";

export const QA_EVENTS = ["qa:join", "qa:leave", "qa:ask", "qa:vote", "qa:moderate"] as const;

/**
 * One string instance per room name for the whole process: each socket's room set otherwise keeps
 * its own copy of the name (and of the session id it was built from), ~100 bytes per connection.
 */
const roomNames = new Map<string, string>();
export function internRoom(name: string): string {
  const known = roomNames.get(name);
  if (known !== undefined) return known;
  if (roomNames.size >= 10_000) roomNames.clear();
  const flat = (" " + name).slice(1); // a flat copy that references nothing else
  roomNames.set(flat, flat);
  return flat;
}

export const qaRoom = (sessionId: string) => internRoom(`qa:${sessionId}`);
export const qaModeratorRoom = (sessionId: string) => internRoom(`qa:${sessionId}:mod`);
export const qaAuthorRoom = (sessionId: string, userId: string) => `qa:${sessionId}:u:${userId}`;

const uuid = z.string().uuid();
const schemas = {
  join: z.object({ sessionId: uuid, cursor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() }).strict(),
  leave: z.object({ sessionId: uuid }).strict(),
  ask: z.object({ sessionId: uuid, body: z.string().max(4000), anonymous: z.boolean().optional() }).strict(),
  vote: z.object({ questionId: uuid }).strict(),
  moderate: z.object({ questionId: uuid, action: z.enum(MODERATION_ACTIONS), body: z.string().max(4000).optional() }).strict(),
};

export type Ack = (response: Record<string, unknown>) => void;

/**
 * Access answers (registered? moderator?) are cached per person and event for 30 s, so a vote does
 * not cost two extra queries. One process-wide map swept every 30 s: an idle connection holds no
 * cache entry at all. While fresh, an entry is one small integer per person (the second it was
 * read, counted from process start, × 4 + the two flags) under the event, pointing at one of four
 * shared answers: with thousands of people joining at once, a string key, an entry object and an
 * answer object each would cost ~150 bytes per person.
 */
const ACCESS_TTL_MS = 30_000;
const STARTED = Date.now();
/** Seconds since the process started: small enough to be stored unboxed. */
const clock = () => Math.floor((Date.now() - STARTED) / 1000);
const ANSWERS: readonly EventAccess[] = [0, 1, 2, 3].map((bits) => Object.freeze({ participant: (bits & 1) === 1, moderator: (bits & 2) === 2 }));
const accessCache = new Map<string, Map<string, number>>();
const sweeper = setInterval(() => {
  const stale = (clock() - ACCESS_TTL_MS / 1000) * 4;
  for (const [eventId, people] of accessCache) {
    for (const [userId, packed] of people) if (packed < stale) people.delete(userId);
    if (people.size === 0) accessCache.delete(eventId);
  }
}, ACCESS_TTL_MS);
sweeper.unref();

export const cachedAccess: AccessResolver = async (user: Actor | null, eventId: string) => {
  const userId = user?.id ?? "-";
  const packed = accessCache.get(eventId)?.get(userId);
  if (packed !== undefined && (clock() - Math.floor(packed / 4)) * 1000 < ACCESS_TTL_MS) return ANSWERS[packed % 4];
  const access = await eventAccess(user, eventId);
  let people = accessCache.get(eventId);
  if (!people) accessCache.set(eventId, (people = new Map()));
  people.set(userId, clock() * 4 + (access.participant ? 1 : 0) + (access.moderator ? 2 : 0));
  return access;
};

/** Kept for call sites that think per socket; all sockets share the process-wide cache. */
export function socketAccess(_socket: Socket): AccessResolver {
  return cachedAccess;
}

/** What a socket keeps of its person: only what the handlers use (each idle connection pays for it). */
export type SocketUser = Pick<SessionUser, "id" | "name" | "roles">;

export const socketUser = (socket: Socket) => (socket.data as { user: SocketUser | null }).user;

export const ACK_REQUIRED = {
  ok: false,
  code: "ACK_REQUIRED",
  message: "Send this event with an acknowledgement callback: nothing was done, because its answer could not be delivered.",
} as const;

/**
 * Builds one listener (shared by every socket; the socket is `this`): insists on an
 * acknowledgement callback (without one, nothing runs and the socket gets "error:event" with
 * ACK_REQUIRED — a write must never happen with no way to report its outcome), validates the
 * payload, maps domain refusals to {ok:false, code, message} and anything else to INTERNAL (logged).
 */
export function handler<S extends z.ZodType>(
  schema: S,
  logger: Logger,
  run: (socket: Socket, payload: z.infer<S>) => Promise<Record<string, unknown>>,
): (this: Socket, payload: unknown, ack?: unknown) => void {
  return function (this: Socket, payload, ack) {
    // `emit(event, callback)` with no payload: the callback arrives first.
    if (ack === undefined && typeof payload === "function") [payload, ack] = [undefined, payload];
    if (typeof ack !== "function") {
      this.emit("error:event", ACK_REQUIRED);
      return;
    }
    const reply = ack as Ack;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply({ ok: false, code: "VALIDATION", message: parsed.error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ") });
      return;
    }
    const withNul = findNul(parsed.data);
    if (withNul !== null) {
      reply({ ok: false, code: "VALIDATION", message: `${withNul || "payload"}: ${NUL_MESSAGE}` });
      return;
    }
    run(this, parsed.data).then(
      (result) => reply({ ok: true, ...result }),
      (error: unknown) => {
        if (isDomainError(error)) {
          reply({ ok: false, code: error.code, message: error.message, ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}) });
        } else {
          logger.error({ err: error }, "socket handler failed");
          reply({ ok: false, code: "INTERNAL", message: "Something went wrong on our side. Please try again." });
        }
      },
    );
  };
}

/** Relays committed changes (from any handler or page action in this process) to the sockets of every node. */
export function relayQaChange(io: Server, change: QaChange): void {
  const { sessionId } = change;
  io.to(qaModeratorRoom(sessionId)).emit("qa:changed", viewChange(change, { userId: null, moderator: true }));
  const authors = [...new Set(change.questions.map((q) => q.authorId))];
  io.to(qaRoom(sessionId))
    .except(authors.map((a) => qaAuthorRoom(sessionId, a)))
    .emit("qa:changed", viewChange(change, { userId: null, moderator: false }));
  for (const author of authors) {
    io.to(qaAuthorRoom(sessionId, author)).emit("qa:changed", viewChange(change, { userId: author, moderator: false }));
  }
}

/**
 * Relays with a per-session throttle: the first change goes out at once; changes arriving within
 * the next `windowMs` are coalesced (mergeChanges keeps the cursor chain intact) and sent together.
 * A burst of 2 000 votes then costs a few broadcasts per second instead of 2 000 × audience.
 */
export function throttledRelay(send: (change: QaChange) => void, windowMs: number) {
  const sessions = new Map<string, { timer: ReturnType<typeof setTimeout>; buffer: QaChange[] }>();
  const open = (sessionId: string) => {
    const entry = { buffer: [] as QaChange[], timer: setTimeout(() => flush(sessionId), windowMs) };
    entry.timer.unref?.();
    sessions.set(sessionId, entry);
  };
  const flush = (sessionId: string) => {
    const entry = sessions.get(sessionId);
    sessions.delete(sessionId);
    if (!entry || entry.buffer.length === 0) return;
    for (const change of mergeChanges(entry.buffer)) send(change);
    open(sessionId);
  };
  return {
    push(change: QaChange) {
      if (windowMs <= 0) return send(change);
      const entry = sessions.get(change.sessionId);
      if (entry) entry.buffer.push(change);
      else {
        send(change);
        open(change.sessionId);
      }
    },
    close() {
      for (const [sessionId, entry] of sessions) {
        clearTimeout(entry.timer);
        for (const change of mergeChanges(entry.buffer)) send(change);
        sessions.delete(sessionId);
      }
    },
  };
}

export type Listener = (this: Socket, payload: unknown, ack?: unknown) => void;

export function installQa(io: Server, logger: Logger): { listeners: Record<string, Listener>; close(): void } {
  const relay = throttledRelay((change) => relayQaChange(io, change), env().QA_BROADCAST_WINDOW_MS);
  const stopListening = onQaChange((change) => relay.push(change));
  const unsubscribe = () => {
    stopListening();
    relay.close();
  };

  // One listener per event for all sockets (the socket is `this`); index.ts dispatches to them from a
  // single catch-all, so a connection carries no per-event registrations.
  const listeners: Record<(typeof QA_EVENTS)[number], Listener> = {
    "qa:join": handler(schemas.join, logger, async (socket, { sessionId, cursor }) => {
      const me = socketUser(socket);
      const { session, access } = await findQaSession(sessionId, me, socketAccess(socket));
      if (!me) throw new DomainError("UNAUTHENTICATED", "Sign in to follow the Q&A.");
      if (!access.participant) throw new DomainError("FORBIDDEN", "Only registered attendees of this event can follow its Q&A.");
      // Join before reading, so no change committed after the read can be missed. The author room
      // (their own pending questions) only for people who have asked here: an idle listener then
      // holds one room, not two (a room is a Set and a Map entry on every connection).
      if (access.moderator) await socket.join(qaModeratorRoom(sessionId));
      else if (await hasAsked(sessionId, me.id)) await socket.join([qaRoom(sessionId), qaAuthorRoom(sessionId, me.id)]);
      else await socket.join(qaRoom(sessionId));
      const viewer = { userId: me.id, moderator: access.moderator };
      const [list, votes] = await Promise.all([listQuestions(sessionId, viewer, cursor), myVotes(sessionId, me.id)]);
      return { sessionId, questions: list.questions, cursor: list.cursor, canModerate: access.moderator, myVotes: votes, qaMode: session.qaMode };
    }),
    "qa:leave": handler(schemas.leave, logger, async (socket, { sessionId }) => {
      const me = socketUser(socket);
      await Promise.all([
        socket.leave(qaRoom(sessionId)),
        socket.leave(qaModeratorRoom(sessionId)),
        me ? socket.leave(qaAuthorRoom(sessionId, me.id)) : Promise.resolve(),
      ]);
      return {};
    }),
    "qa:ask": handler(schemas.ask, logger, async (socket, { sessionId, body, anonymous }) => {
      const me = socketUser(socket);
      // A first question: from now on this socket needs the author's own view (joined before the
      // question exists, so its pending state reaches it).
      if (me && socket.rooms.has(qaRoom(sessionId))) await socket.join(qaAuthorRoom(sessionId, me.id));
      const { question, change } = await askQuestion(me, { sessionId, body, anonymous }, socketAccess(socket));
      // The author's own view (their question is "mine", so its author shows even if anonymous).
      return { question: viewQuestion(question, { userId: me?.id ?? null, moderator: false }), cursor: change.cursor };
    }),
    "qa:vote": handler(schemas.vote, logger, async (socket, { questionId }) => {
      const { voted, votes, change } = await toggleVote(socketUser(socket), { questionId }, socketAccess(socket));
      return { questionId, voted, votes, cursor: change.cursor };
    }),
    "qa:moderate": handler(schemas.moderate, logger, async (socket, { questionId, action, body }) => {
      const me = socketUser(socket);
      const { change } = await moderateQuestion(me, { questionId, action, body }, socketAccess(socket));
      return { questions: viewChange(change, { userId: me?.id ?? null, moderator: true }).questions, cursor: change.cursor };
    }),
  };

  return { listeners, close: unsubscribe };
}
