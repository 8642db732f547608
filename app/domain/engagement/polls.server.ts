// Live polls against PostgreSQL. Who may take part is the Q&A's rule (a confirmed registration,
// or a moderator of the event); what is counted is decided by single statements:
// - one ballot per person per poll is the unique (pollId, userId); a changed ballot is an upsert
//   under it, allowed only when the poll allows changes;
// - "the poll is open" and "the options belong to this poll" are checked in the same INSERT that
//   writes the ballot (the poll row is read FOR SHARE, so a close waits for ballots in flight and
//   no ballot lands after it commits).
// Ballots are group-committed per poll, like Q&A votes: ballots arriving while a batch is written
// go together into the next statement, so a storm of 2 000 costs a handful of transactions.
import type { Actor } from "~/domain/access/permissions";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { eventAccess, requireQaParticipant, type AccessResolver } from "~/domain/access/live.server";
import { findQaSession } from "~/domain/qa/questions.server";
import { processBus } from "~/platform/bus.server";
import { db } from "~/platform/db.server";
import {
  emptyTally,
  ENTRIES_SHOWN,
  kindIsText,
  leaderboardName,
  normaliseEntry,
  parseBallot,
  parsePollDraft,
  pollPatch,
  rankLeaderboard,
  viewPoll,
  type Ballot,
  type BallotInput,
  type PollAction,
  type PollKind,
  type PollRecord,
  type PollTally,
  type PollView,
} from "./polls";
import { optionalWhole, type PollFormData } from "./poll-forms";

/** Per person: text and word-cloud answers per minute (across polls). */
export const POLL_LIMITS = { textPerMinute: 10 };

type User = (Actor & { name: string }) | null;
const liveAccess: AccessResolver = (user, eventId) => eventAccess(user, eventId);

/** A poll changed (launched, closed, a ballot, a setting): the realtime layer reloads and relays it. */
export interface PollChange {
  sessionId: string;
  pollId: string;
  /** Ballots of this poll were still queued when this was committed: another change follows at once. */
  more?: boolean;
}
const bus = processBus<PollChange>("polls");
export const onPollChange = bus.subscribe;

const POLL_SELECT = {
  id: true,
  sessionId: true,
  kind: true,
  question: true,
  status: true,
  showResults: true,
  allowChange: true,
  anonymous: true,
  timerSeconds: true,
  hiddenEntries: true,
  openedAt: true,
  closesAt: true,
  closedAt: true,
  createdAt: true,
  options: { select: { id: true, label: true, correct: true, position: true }, orderBy: { position: "asc" } },
} as const;

type PollRow = {
  [K in keyof Omit<PollRecord, "openedAt" | "closesAt" | "closedAt" | "createdAt">]: PollRecord[K];
} & { openedAt: Date | null; closesAt: Date | null; closedAt: Date | null; createdAt: Date };

function toRecord(row: PollRow): PollRecord {
  return {
    ...row,
    openedAt: row.openedAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Counts the ballots of some polls in three aggregate statements (choices, ratings, text). */
async function tallies(polls: PollRecord[], withAuthors: boolean): Promise<Map<string, PollTally>> {
  const result = new Map<string, PollTally>(polls.map((p) => [p.id, emptyTally()]));
  if (polls.length === 0) return result;
  const ids = polls.map((p) => p.id);
  // One statement: each poll's ballot count, choices per option and ratings per value.
  const rows = await db().$queryRaw<{ pollId: string; total: number; options: Record<string, number> | null; ratings: Record<string, number> | null }[]>`
    SELECT p."id"::text AS "pollId",
      (SELECT count(*)::int FROM "PollBallot" b WHERE b."pollId" = p."id") AS total,
      (SELECT json_object_agg(x.c, x.n) FROM (SELECT c::text AS c, count(*)::int AS n FROM "PollBallot" b, unnest(b."choices") AS c
        WHERE b."pollId" = p."id" GROUP BY c) x) AS options,
      (SELECT json_object_agg(y.rating, y.n) FROM (SELECT b."rating", count(*)::int AS n FROM "PollBallot" b
        WHERE b."pollId" = p."id" AND b."rating" IS NOT NULL GROUP BY b."rating") y) AS ratings
    FROM unnest(${ids}::uuid[]) AS p("id")`;
  for (const row of rows) {
    const tally = result.get(row.pollId)!;
    tally.total = row.total;
    tally.options = row.options ?? {};
    for (const [rating, n] of Object.entries(row.ratings ?? {})) tally.ratings[Number(rating) - 1] = n;
  }
  for (const poll of polls.filter((p) => p.kind === "WORD_CLOUD")) {
    const words = await db().$queryRaw<{ text: string; n: number }[]>`
      SELECT lower(regexp_replace(btrim("text"), '[[:space:]]+', ' ', 'g')) AS text, count(*)::int AS n FROM "PollBallot"
      WHERE "pollId" = ${poll.id}::uuid AND "text" IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT ${ENTRIES_SHOWN}`;
    result.get(poll.id)!.entries = words.map((w) => ({ text: w.text, count: w.n }));
  }
  for (const poll of polls.filter((p) => p.kind === "TEXT")) {
    const answers = await db().$queryRaw<{ text: string; author: string }[]>`
      SELECT b."text", u."name" AS author FROM "PollBallot" b JOIN "User" u ON u."id" = b."userId"
      WHERE b."pollId" = ${poll.id}::uuid AND b."text" IS NOT NULL ORDER BY b."updatedAt" DESC LIMIT ${ENTRIES_SHOWN}`;
    result.get(poll.id)!.entries = answers.map((a) => ({ text: a.text, count: 1, ...(withAuthors ? { author: a.author } : {}) }));
  }
  return result;
}

async function loadPolls(where: { sessionId: string } | { id: string }): Promise<PollRecord[]> {
  const rows = await db().poll.findMany({ where, select: POLL_SELECT, orderBy: { createdAt: "asc" } });
  return rows.map((r) => toRecord(r as PollRow));
}

/** Every poll of a session as this viewer sees it (drafts for moderators only), oldest first. */
export async function listPolls(sessionId: string, viewer: { moderator: boolean }): Promise<PollView[]> {
  const polls = (await loadPolls({ sessionId })).filter((p) => viewer.moderator || p.status !== "DRAFT");
  const counted = await tallies(polls, viewer.moderator);
  return polls.map((p) => viewPoll(p, counted.get(p.id)!, viewer));
}

/** One poll in both views (the realtime layer relays the audience's and the moderators'). */
export async function pollViews(pollId: string): Promise<{ audience: PollView | null; moderator: PollView } | null> {
  const [poll] = await loadPolls({ id: pollId });
  if (!poll) return null;
  const counted = await tallies([poll], true);
  const tally = counted.get(poll.id)!;
  return { audience: poll.status === "DRAFT" ? null : viewPoll(poll, tally, { moderator: false }), moderator: viewPoll(poll, tally, { moderator: true }) };
}

export type MyBallots = Record<string, Ballot>;

/** This person's ballots in a session's polls, so a page shows what they answered. */
export async function myBallots(sessionId: string, userId: string): Promise<MyBallots> {
  const rows = await db().$queryRaw<{ pollId: string; choices: string[]; rating: number | null; text: string | null }[]>`
    SELECT b."pollId"::text, b."choices"::text[] AS choices, b."rating", b."text" FROM "PollBallot" b JOIN "Poll" p ON p."id" = b."pollId"
    WHERE p."sessionId" = ${sessionId}::uuid AND b."userId" = ${userId}::uuid`;
  return Object.fromEntries(rows.map((r) => [r.pollId, { choices: r.choices, rating: r.rating, text: r.text }]));
}

async function requireModerator(user: User, sessionId: string, resolve: AccessResolver) {
  const { session, access } = await findQaSession(sessionId, user, resolve);
  if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in to run polls.");
  if (!access.moderator) throw new DomainError("FORBIDDEN", "Only this event's organisers and moderators can run its polls.");
  return session;
}

export interface NewPollInput {
  kind: PollKind;
  question: string;
  options: string[];
  correct?: number | null;
  timerSeconds?: number | null;
  showResults: boolean;
  allowChange: boolean;
  anonymous: boolean;
  /** Launch at once (created live) rather than keep as a prepared draft. */
  launch?: boolean;
}

/** A moderator prepares a poll (DRAFT) or creates and launches it at once. */
export async function createPoll(user: User, sessionId: string, input: NewPollInput, resolve: AccessResolver = liveAccess): Promise<PollView> {
  requireUuid(sessionId, "This session does not exist.");
  const draft = parsePollDraft(input);
  await requireModerator(user, sessionId, resolve);
  const now = new Date();
  const poll = await db().poll.create({
    data: {
      sessionId,
      kind: draft.kind,
      question: draft.question,
      showResults: draft.showResults,
      allowChange: draft.allowChange,
      anonymous: draft.anonymous,
      timerSeconds: draft.timerSeconds,
      createdById: user!.id,
      ...(input.launch ? { status: "OPEN", openedAt: now, closesAt: draft.timerSeconds ? new Date(now.getTime() + draft.timerSeconds * 1000) : null } : {}),
      options: { create: draft.options.map((o, i) => ({ label: o.label, correct: o.correct, position: i })) },
    },
    select: POLL_SELECT,
  });
  bus.publish({ sessionId, pollId: poll.id });
  return viewPoll(toRecord(poll as PollRow), emptyTally(), { moderator: true });
}

async function pollContext(pollId: string) {
  requireUuid(pollId, "This poll does not exist.");
  const poll = await db().poll.findUnique({
    where: { id: pollId },
    select: { id: true, sessionId: true, kind: true, status: true, timerSeconds: true, options: { select: { id: true } } },
  });
  if (!poll) throw new DomainError("NOT_FOUND", "This poll does not exist.");
  return poll;
}

/**
 * Launch, close, show or hide results, hide or show a word-cloud entry. Each is one conditional
 * UPDATE: of two moderators pressing "close" at once, one closes and the other is told it is closed.
 */
export async function managePoll(
  user: User,
  input: { pollId: string; action: PollAction; entry?: string },
  resolve: AccessResolver = liveAccess,
): Promise<PollView> {
  const poll = await pollContext(input.pollId);
  await requireModerator(user, poll.sessionId, resolve);
  pollPatch(poll, input.action); // refuses what can never apply
  const id = poll.id;
  let changed: number;
  switch (input.action) {
    case "launch":
      changed = await db().$executeRaw`
        UPDATE "Poll" SET "status" = 'OPEN', "openedAt" = now(),
          "closesAt" = CASE WHEN "timerSeconds" IS NULL THEN NULL ELSE now() + make_interval(secs => "timerSeconds") END, "updatedAt" = now()
        WHERE "id" = ${id}::uuid AND "status" = 'DRAFT'`;
      break;
    case "close":
      changed = await db().$executeRaw`
        UPDATE "Poll" SET "status" = 'CLOSED', "closedAt" = now(), "updatedAt" = now() WHERE "id" = ${id}::uuid AND "status" = 'OPEN'`;
      break;
    case "show-results":
    case "hide-results":
      changed = await db().$executeRaw`
        UPDATE "Poll" SET "showResults" = ${input.action === "show-results"}, "updatedAt" = now() WHERE "id" = ${id}::uuid`;
      break;
    case "hide-entry":
    case "show-entry": {
      const entry = normaliseEntry(input.entry ?? "");
      if (!entry) throw new DomainError("VALIDATION", "Say which entry to hide.");
      changed = await db().$executeRaw`
        UPDATE "Poll" SET "hiddenEntries" = CASE WHEN ${input.action === "hide-entry"}
            THEN array_append(array_remove("hiddenEntries", ${entry}), ${entry}) ELSE array_remove("hiddenEntries", ${entry}) END,
          "updatedAt" = now()
        WHERE "id" = ${id}::uuid`;
      break;
    }
  }
  if (changed === 0) {
    throw new DomainError("CONFLICT", input.action === "launch" ? "This poll has already been launched." : "This poll is already closed.");
  }
  bus.publish({ sessionId: poll.sessionId, pollId: id });
  const views = await pollViews(id);
  return views!.moderator;
}

// ───────────── ballots ─────────────

/**
 * Facts a ballot needs before its write — the poll's session and event, kind and option ids, and
 * whether the session is public — cached for 5 s and loaded once however many ballots arrive at
 * once: a storm costs no read per ballot. (Whether the poll is open is decided by the write.)
 */
const CONTEXT_TTL_MS = 5_000;
interface BallotContext {
  at: number;
  sessionId: string;
  eventId: string;
  kind: PollKind;
  optionIds: Set<string>;
  published: boolean;
}
const contexts = new Map<string, Promise<BallotContext>>();

async function loadBallotContext(pollId: string): Promise<BallotContext> {
  requireUuid(pollId, "This poll does not exist.");
  const poll = await db().poll.findUnique({ where: { id: pollId }, select: { sessionId: true, kind: true, options: { select: { id: true } } } });
  if (!poll) throw new DomainError("NOT_FOUND", "This poll does not exist.");
  const session = await db().agendaSession.findUniqueOrThrow({
    where: { id: poll.sessionId },
    select: { eventId: true, status: true, event: { select: { status: true, agendaPublishedAt: true } } },
  });
  return {
    at: Date.now(),
    sessionId: poll.sessionId,
    eventId: session.eventId,
    kind: poll.kind as PollKind,
    optionIds: new Set(poll.options.map((o) => o.id)),
    // The Q&A's rule (findQaSession): published session, published (or cancelled) event, published agenda.
    published: session.status === "PUBLISHED" && session.event.status !== "DRAFT" && session.event.agendaPublishedAt !== null,
  };
}

async function ballotContext(pollId: string): Promise<BallotContext> {
  const cached = contexts.get(pollId);
  if (cached) {
    const context = await cached.catch(() => null);
    if (context && Date.now() - context.at < CONTEXT_TTL_MS) return context;
    if (contexts.get(pollId) === cached) contexts.delete(pollId);
    if (!context) return ballotContext(pollId);
  }
  if (contexts.size > 5_000) contexts.clear();
  const loading = loadBallotContext(pollId);
  contexts.set(pollId, loading);
  loading.catch(() => contexts.delete(pollId));
  return loading;
}

export interface BallotResult {
  pollId: string;
  ballot: Ballot;
  /** false: a first ballot; true: a changed one. */
  changed: boolean;
}

/**
 * Casts (or, where allowed, changes) this person's ballot. Refused with a clear error, and with
 * nothing written, when the poll is closed, an option is not this poll's, the person has already
 * voted and changes are not allowed, or the person may not see the session.
 */
export async function castBallot(user: User, input: { pollId: string } & BallotInput, resolve: AccessResolver = liveAccess): Promise<BallotResult> {
  const context = await ballotContext(input.pollId);
  const ballot = parseBallot(context.kind, input);
  const access = await resolve(user, context.eventId);
  if (!context.published && !access.moderator) throw new DomainError("NOT_FOUND", "This poll does not exist.");
  requireQaParticipant(user, access);
  if (ballot.choices.some((c) => !context.optionIds.has(c))) throw new DomainError("VALIDATION", "That answer is not one of this poll's options.");
  if (kindIsText(context.kind)) await hitRateLimit({ key: `poll-text:${user.id}`, limit: POLL_LIMITS.textPerMinute, windowSeconds: 60 });
  const changed = await ballotBatcher(input.pollId, context.sessionId).add({ userId: user.id, ballot });
  return { pollId: input.pollId, ballot, changed };
}

interface PendingBallot {
  userId: string;
  ballot: Ballot;
  resolve(changed: boolean): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 1000;
const batchers = new Map<string, ReturnType<typeof createBatcher>>();

function ballotBatcher(pollId: string, sessionId: string) {
  let batcher = batchers.get(pollId);
  if (!batcher) {
    batcher = createBatcher(pollId, sessionId);
    batchers.set(pollId, batcher);
  }
  return batcher;
}

function createBatcher(pollId: string, sessionId: string) {
  const queue: PendingBallot[] = [];
  let running = false;
  async function drain() {
    running = true;
    try {
      while (queue.length > 0) {
        // One ballot per person per batch; a second one from the same person waits for the next.
        const batch: PendingBallot[] = [];
        const people = new Set<string>();
        for (let i = 0; i < queue.length && batch.length < MAX_BATCH;) {
          if (people.has(queue[i].userId)) {
            i++;
            continue;
          }
          people.add(queue[i].userId);
          batch.push(...queue.splice(i, 1));
        }
        try {
          const written = await writeBallots(pollId, batch);
          if (written.size > 0) bus.publish({ sessionId, pollId, more: queue.length > 0 });
          const refusals = written.size === batch.length ? null : await refusalFor(pollId);
          for (const pending of batch) {
            const outcome = written.get(pending.userId);
            if (outcome === undefined) pending.reject(refusals!);
            else pending.resolve(outcome);
          }
        } catch (error) {
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      running = false;
      if (queue.length === 0) batchers.delete(pollId);
    }
  }
  return {
    add(item: { userId: string; ballot: Ballot }) {
      return new Promise<boolean>((resolve, reject) => {
        queue.push({ ...item, resolve, reject });
        if (!running) void drain();
      });
    },
  };
}

/**
 * One statement for a batch: the poll must be open (read FOR SHARE, in this statement), each
 * ballot's options must all be this poll's, and a person with a ballot already gets it replaced
 * only when the poll allows changes. Returns who was written, and whether it was a change.
 */
async function writeBallots(pollId: string, batch: PendingBallot[]): Promise<Map<string, boolean>> {
  const input = JSON.stringify(batch.map((b) => ({ uid: b.userId, choices: b.ballot.choices, rating: b.ballot.rating, text: b.ballot.text })));
  const rows = await db().$queryRaw<{ userId: string; inserted: boolean }[]>`
    WITH p AS (
      SELECT "id", "allowChange" FROM "Poll"
      WHERE "id" = ${pollId}::uuid AND "status" = 'OPEN' AND ("closesAt" IS NULL OR "closesAt" > now())
      FOR SHARE
    ), input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS i(uid uuid, choices uuid[], rating int, text text)
    ), valid AS (
      SELECT i.* FROM input i, p
      WHERE (SELECT count(*) FROM "PollOption" o WHERE o."pollId" = p."id" AND o."id" = ANY(i.choices)) = cardinality(i.choices)
    )
    INSERT INTO "PollBallot" ("pollId", "userId", "choices", "rating", "text")
    SELECT ${pollId}::uuid, v.uid, v.choices, v.rating, v.text FROM valid v
    ON CONFLICT ("pollId", "userId") DO UPDATE
      SET "choices" = EXCLUDED."choices", "rating" = EXCLUDED."rating", "text" = EXCLUDED."text", "updatedAt" = now()
      WHERE (SELECT "allowChange" FROM p)
    RETURNING "userId"::text AS "userId", (xmax = 0) AS inserted`;
  return new Map(rows.map((r) => [r.userId, !r.inserted]));
}

/** Why a ballot was not written (read after the fact; the write itself decided). */
async function refusalFor(pollId: string): Promise<DomainError> {
  const poll = await db().poll.findUnique({ where: { id: pollId }, select: { status: true, closesAt: true, allowChange: true } });
  if (!poll || poll.status !== "OPEN" || (poll.closesAt && poll.closesAt.getTime() <= Date.now())) {
    return new DomainError("POLL_CLOSED", poll?.status === "DRAFT" ? "This poll has not been launched yet." : "This poll is closed.");
  }
  if (!poll.allowChange) return new DomainError("ALREADY_VOTED", "You have already answered this poll; answers cannot be changed.");
  return new DomainError("VALIDATION", "That answer is not one of this poll's options.");
}

// ───────────── quiz ─────────────

export interface LeaderboardEntry {
  rank: number;
  name: string;
  correct: number;
  seconds: number;
}

/** The session's quiz leaderboard: correct answers across its quiz questions, then speed. First names only. */
export async function quizLeaderboard(sessionId: string, top = 10): Promise<{ questions: number; entries: LeaderboardEntry[] }> {
  const [rows, questions] = await Promise.all([
    db().$queryRaw<{ userId: string; name: string; correct: number; ms: number }[]>`
      SELECT b."userId"::text, u."name",
             count(*) FILTER (WHERE o."correct")::int AS correct,
             coalesce(sum(extract(epoch FROM (b."updatedAt" - p."openedAt")) * 1000), 0)::float8 AS ms
      FROM "PollBallot" b JOIN "Poll" p ON p."id" = b."pollId" JOIN "User" u ON u."id" = b."userId"
      LEFT JOIN "PollOption" o ON o."pollId" = p."id" AND o."id" = b."choices"[1]
      WHERE p."sessionId" = ${sessionId}::uuid AND p."kind" = 'QUIZ' AND p."status" <> 'DRAFT'
      GROUP BY b."userId", u."name"`,
    db().poll.count({ where: { sessionId, kind: "QUIZ", status: { not: "DRAFT" } } }),
  ]);
  const ranked = rankLeaderboard(
    rows.map((r) => ({ ...r, ms: Math.max(0, Math.round(r.ms)) })),
    top,
  );
  return { questions, entries: ranked.map((r) => ({ rank: r.rank, name: leaderboardName(r.name), correct: r.correct, seconds: Math.round(r.ms / 100) / 10 })) };
}

// ───────────── the no-JavaScript forms ─────────────

/** Runs one of the Q&A page's poll forms (same calls as the socket); returns the notice to show. */
export async function applyPollForm(user: User, sessionId: string, data: PollFormData): Promise<string> {
  if (data.intent === "poll-vote") {
    const choices = data.choices === undefined ? [] : Array.isArray(data.choices) ? data.choices : [data.choices];
    const { changed } = await castBallot(user, { pollId: data.pollId, choices, rating: data.rating, text: data.text });
    return changed ? "Your answer was changed." : "Thanks — your answer was counted.";
  }
  if (data.intent === "poll-create") {
    const poll = await createPoll(user, sessionId, {
      kind: data.kind,
      question: data.question,
      options: (data.options ?? "").split("\n"),
      correct: optionalWhole(data.correct),
      timerSeconds: optionalWhole(data.timerSeconds),
      showResults: data.showResults === "true",
      allowChange: data.allowChange === "true",
      anonymous: data.anonymous === "true",
      launch: data.launch === "true",
    });
    return poll.status === "OPEN" ? "The poll is live." : "The poll is ready to launch.";
  }
  const poll = await managePoll(user, { pollId: data.pollId, action: data.action, entry: data.entry });
  return poll.status === "OPEN" && data.action === "launch" ? "The poll is live." : data.action === "close" ? "The poll is closed." : "Done.";
}
