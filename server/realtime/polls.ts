// Live polls over the same Socket.IO connection as the Q&A. This file only authenticates
// (socket.data.user), validates payloads (zod), joins rooms and relays committed changes; every
// rule is in app/domain/engagement.
//
// Client → server (each with an acknowledgement {ok:true,…} or {ok:false, code, message}):
//   "poll:join"   {sessionId, screen?}              → {polls, myBallots, canModerate} (screen: the audience's view)
//   "poll:leave"  {sessionId}
//   "poll:vote"   {pollId, choices?, rating?, text?} → {pollId, ballot, changed}
//   "poll:create" {sessionId, kind, question, options?, correct?, timerSeconds?, showResults?, allowChange?, anonymous?, launch?} → {poll}
//   "poll:manage" {pollId, action, entry?}           → {poll}
//   "poll:leaderboard" {sessionId}                   → {questions, entries}
// Server → client: "poll:changed" {sessionId, poll} (PollView as the room may see it).
//
// Rooms: moderators join `poll:<id>:mod` (results always, hidden entries marked, names unless
// anonymous); everyone else `poll:<id>`. A reconnecting client joins again and gets every poll's
// current state from the database: polls are few, so the catch-up is the whole state.
import { env } from "../../app/platform/env.server";
import type { Server } from "socket.io";
import type { Logger } from "pino";
import { z } from "zod";
import { DomainError } from "../../app/domain/kernel/errors";
import { requireQaParticipant } from "../../app/domain/access/live.server";
import { findQaSession } from "../../app/domain/qa/questions.server";
import { POLL_ACTIONS, POLL_KINDS } from "../../app/domain/engagement/polls";
import {
  castBallot,
  createPoll,
  listPolls,
  managePoll,
  myBallots,
  onPollChange,
  pollViews,
  quizLeaderboard,
  type PollChange,
} from "../../app/domain/engagement/polls.server";
import { handler, socketAccess, socketUser, type Listener } from "./qa";

export const POLL_EVENTS = ["poll:join", "poll:leave", "poll:vote", "poll:create", "poll:manage", "poll:leaderboard"] as const;

export const pollRoom = (sessionId: string) => `poll:${sessionId}`;
export const pollModeratorRoom = (sessionId: string) => `poll:${sessionId}:mod`;

const uuid = z.string().uuid();
const schemas = {
  session: z.object({ sessionId: uuid }).strict(),
  join: z.object({ sessionId: uuid, screen: z.boolean().optional() }).strict(),
  vote: z
    .object({
      pollId: uuid,
      choices: z.array(uuid).max(10).optional(),
      rating: z.number().int().min(1).max(5).optional(),
      text: z.string().max(2000).optional(),
    })
    .strict(),
  create: z
    .object({
      sessionId: uuid,
      kind: z.enum(POLL_KINDS),
      question: z.string().max(2000),
      options: z.array(z.string().max(500)).max(10).optional(),
      correct: z.number().int().min(1).max(10).optional(),
      timerSeconds: z.number().int().min(5).max(3600).optional(),
      showResults: z.boolean().optional(),
      allowChange: z.boolean().optional(),
      anonymous: z.boolean().optional(),
      launch: z.boolean().optional(),
    })
    .strict(),
  manage: z.object({ pollId: uuid, action: z.enum(POLL_ACTIONS), entry: z.string().max(200).optional() }).strict(),
};

/**
 * Relays a poll's changes at most once per window (default: the Q&A's 100 ms), so 2 000 ballots
 * cost a few broadcasts rather than 2 000 × audience: a change goes out at once if nothing went out
 * in the window, and changes within it are merged into one reload of the poll's tally at its end.
 * A change that says more ballots are queued behind it (a storm) is held instead: it would show
 * the audience a count that is stale before it arrives, at the price of a whole fan-out. The
 * change that ends the storm then goes out at once (nothing went out in its window), or the
 * window's end sends what was held.
 */
export function throttledPollRelay(send: (change: PollChange) => Promise<void>, windowMs: number) {
  const polls = new Map<string, { timer: ReturnType<typeof setTimeout>; dirty: PollChange | null; sent: boolean }>();
  const open = (pollId: string, held: PollChange | null) => {
    const entry = { dirty: held, sent: held === null, timer: setTimeout(() => flush(pollId), windowMs) };
    entry.timer.unref?.();
    polls.set(pollId, entry);
  };
  const sendNow = (change: PollChange) => {
    void send(change);
    open(change.pollId, null);
  };
  const flush = (pollId: string) => {
    const entry = polls.get(pollId);
    polls.delete(pollId);
    if (entry?.dirty) sendNow(entry.dirty);
  };
  return {
    push(change: PollChange) {
      if (windowMs <= 0) return void send(change);
      const entry = polls.get(change.pollId);
      if (!entry) return change.more ? open(change.pollId, change) : sendNow(change);
      if (entry.sent || change.more) entry.dirty = change;
      else {
        clearTimeout(entry.timer);
        sendNow(change);
      }
    },
    close() {
      for (const entry of polls.values()) clearTimeout(entry.timer);
      polls.clear();
    },
  };
}

export function installPolls(io: Server, logger: Logger): { listeners: Record<string, Listener>; close(): void } {
  const relay = throttledPollRelay(async ({ sessionId, pollId }) => {
    try {
      const views = await pollViews(pollId);
      if (!views) return;
      io.to(pollModeratorRoom(sessionId)).emit("poll:changed", { sessionId, poll: views.moderator });
      if (views.audience) io.to(pollRoom(sessionId)).emit("poll:changed", { sessionId, poll: views.audience });
    } catch (error) {
      // Clients catch up from the database when they rejoin; a failed relay loses nothing.
      logger.warn({ err: error }, "poll relay failed");
    }
  }, env().QA_BROADCAST_WINDOW_MS);
  const stopListening = onPollChange((change) => relay.push(change));

  const listeners: Record<(typeof POLL_EVENTS)[number], Listener> = {
    "poll:join": handler(schemas.join, logger, async (socket, { sessionId, screen }) => {
      const me = socketUser(socket);
      const { access } = await findQaSession(sessionId, me, socketAccess(socket));
      if (!me) throw new DomainError("UNAUTHENTICATED", "Sign in to follow the polls.");
      if (!access.participant) throw new DomainError("FORBIDDEN", "Only registered attendees of this event can take part in its polls.");
      // The big screen shows what the audience sees, whoever runs it.
      const moderator = access.moderator && screen !== true;
      // Join before reading, so no change committed after the read can be missed.
      await socket.join(moderator ? pollModeratorRoom(sessionId) : pollRoom(sessionId));
      const [polls, ballots] = await Promise.all([listPolls(sessionId, { moderator }), myBallots(sessionId, me.id)]);
      return { sessionId, polls, myBallots: ballots, canModerate: moderator };
    }),
    "poll:leave": handler(schemas.session, logger, async (socket, { sessionId }) => {
      await Promise.all([socket.leave(pollRoom(sessionId)), socket.leave(pollModeratorRoom(sessionId))]);
      return {};
    }),
    "poll:vote": handler(schemas.vote, logger, async (socket, { pollId, choices, rating, text }) => {
      const result = await castBallot(socketUser(socket), { pollId, choices, rating, text }, socketAccess(socket));
      return { ...result };
    }),
    "poll:create": handler(schemas.create, logger, async (socket, input) => {
      const poll = await createPoll(
        socketUser(socket),
        input.sessionId,
        {
          kind: input.kind,
          question: input.question,
          options: input.options ?? [],
          correct: input.correct ?? null,
          timerSeconds: input.timerSeconds ?? null,
          showResults: input.showResults ?? true,
          allowChange: input.allowChange ?? false,
          anonymous: input.anonymous ?? true,
          launch: input.launch ?? false,
        },
        socketAccess(socket),
      );
      return { poll };
    }),
    "poll:manage": handler(schemas.manage, logger, async (socket, { pollId, action, entry }) => {
      const poll = await managePoll(socketUser(socket), { pollId, action, entry }, socketAccess(socket));
      return { poll };
    }),
    "poll:leaderboard": handler(schemas.session, logger, async (socket, { sessionId }) => {
      const me = socketUser(socket);
      const { access } = await findQaSession(sessionId, me, socketAccess(socket));
      requireQaParticipant(me, access);
      return { ...(await quizLeaderboard(sessionId)) };
    }),
  };

  return {
    listeners,
    close() {
      stopListening();
      relay.close();
    },
  };
}
