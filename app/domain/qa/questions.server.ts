// Live Q&A against PostgreSQL. Every write to a session's questions runs in a transaction that
// first takes the session's advisory lock, then sets changeSeq = nextval('question_change_seq')
// on each row it touches. So within a session, cursor order is commit order: a snapshot always
// holds a prefix of the session's changes, and "everything with changeSeq > cursor" is exact.
import type { Actor } from "~/domain/access/permissions";
import { hitRateLimit } from "~/domain/accounts/rate-limit.server";
import { DomainError } from "~/domain/kernel/errors";
import { requireUuid } from "~/domain/kernel/ids";
import { db, type Tx } from "~/platform/db.server";
import { eventAccess, requireQaParticipant, type AccessResolver, type EventAccess } from "~/domain/access/live.server";
import { publishQaChange } from "./publish.server";
import {
  moderationPatch,
  parseQuestionBody,
  initialStatus,
  viewQuestion,
  type ModerationAction,
  type QaChange,
  type QaMode,
  type QuestionRecord,
  type QuestionUpdate,
  type Viewer,
} from "./questions";

/** Per person: questions per session per minute, votes per minute. Tests may lower or raise them. */
export const QA_LIMITS = { askPerMinute: 5, votesPerMinute: 60 };

const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 };

const liveAccess: AccessResolver = (user, eventId) => eventAccess(user, eventId);

export interface QaSession {
  id: string;
  title: string;
  eventId: string;
  qaMode: QaMode;
  startsAt: Date;
  endsAt: Date;
  event: { slug: string; title: string; timeZone: string };
}

/** A session whose Q&A may be opened: published in a published (or cancelled) event; staff also see drafts. */
export async function findQaSession(
  sessionId: string,
  user: Actor | null,
  resolve: AccessResolver = liveAccess,
): Promise<{ session: QaSession; access: EventAccess }> {
  requireUuid(sessionId, "This session does not exist.");
  const session = await db().agendaSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      eventId: true,
      qaMode: true,
      status: true,
      startsAt: true,
      endsAt: true,
      event: { select: { slug: true, title: true, timeZone: true, status: true, agendaPublishedAt: true } },
    },
  });
  if (!session) throw new DomainError("NOT_FOUND", "This session does not exist.");
  const access = await resolve(user, session.eventId);
  const published = session.status === "PUBLISHED" && session.event.status !== "DRAFT" && session.event.agendaPublishedAt !== null;
  if (!published && !access.moderator) throw new DomainError("NOT_FOUND", "This session does not exist.");
  const { status: _status, event, ...rest } = session;
  return { session: { ...rest, event: { slug: event.slug, title: event.title, timeZone: event.timeZone } }, access };
}

/** A question row as raw SQL returns it: the stored record before JSON-safe conversion. */
type QuestionRow = Omit<QuestionRecord, "changeSeq" | "editedAt" | "createdAt"> & { changeSeq: bigint | number; editedAt: Date | null; createdAt: Date };

function toRecord(row: QuestionRow): QuestionRecord {
  return {
    ...row,
    votes: Number(row.votes),
    changeSeq: Number(row.changeSeq),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Takes the session's write lock and returns its cursor before this transaction's changes. */
async function lockSession(tx: Tx, sessionId: string): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`qa:${sessionId}`}, 0))`;
  const [{ prev }] = await tx.$queryRaw<{ prev: bigint }[]>`
    SELECT coalesce(max("changeSeq"), 0)::bigint AS prev FROM "Question" WHERE "sessionId" = ${sessionId}::uuid`;
  return Number(prev);
}

function changeOf(sessionId: string, prev: number, rows: QuestionRow[]): QaChange {
  const questions = rows.map(toRecord).sort((a, b) => a.changeSeq - b.changeSeq);
  return { sessionId, prev, cursor: Math.max(prev, ...questions.map((q) => q.changeSeq)), questions };
}

export interface QuestionList {
  questions: QuestionUpdate[];
  /** Everything up to here is included: send it back as `cursor` when reconnecting. */
  cursor: number;
}

/**
 * The session's questions as `viewer` sees them. Without `since`: the full current list (nothing
 * the viewer may not see). With `since`: every question changed after that cursor, including
 * tombstones for ones the viewer may no longer see. One statement, so one consistent snapshot.
 */
export async function listQuestions(sessionId: string, viewer: Viewer, since?: number): Promise<QuestionList> {
  const after = since !== undefined && Number.isSafeInteger(since) && since > 0 ? since : 0;
  const rows = await db().$queryRaw<QuestionRow[]>`
    SELECT q."id", q."sessionId", q."authorId", u."name" AS "authorName", q."body", q."anonymous", q."status",
           q."highlighted", q."votes", q."changeSeq", q."editedAt", q."createdAt"
    FROM "Question" q JOIN "User" u ON u."id" = q."authorId"
    WHERE q."sessionId" = ${sessionId}::uuid AND q."changeSeq" > ${after}
    ORDER BY q."changeSeq"`;
  const records = rows.map(toRecord);
  const cursor = Math.max(after, ...records.map((q) => q.changeSeq));
  const views = records.map((q) => viewQuestion(q, viewer));
  return { questions: since === undefined ? views.filter((q) => !q.removed) : views, cursor };
}

/** Whether this person has asked anything in the session (their sockets then need their own view). */
export async function hasAsked(sessionId: string, userId: string): Promise<boolean> {
  return (await db().question.findFirst({ where: { sessionId, authorId: userId }, select: { id: true } })) !== null;
}

/** Ids of the questions of a session this user has voted for. */
export async function myVotes(sessionId: string, userId: string): Promise<string[]> {
  const rows = await db().questionVote.findMany({ where: { userId, question: { sessionId } }, select: { questionId: true } });
  return rows.map((r) => r.questionId);
}

export async function askQuestion(
  user: (Actor & { name: string }) | null,
  input: { sessionId: string; body: unknown; anonymous?: boolean },
  resolve: AccessResolver = liveAccess,
): Promise<{ question: QuestionRecord; change: QaChange }> {
  const body = parseQuestionBody(input.body);
  const { session, access } = await findQaSession(input.sessionId, user, resolve);
  requireQaParticipant(user, access);
  await hitRateLimit({ key: `qa-ask:${user.id}:${session.id}`, limit: QA_LIMITS.askPerMinute, windowSeconds: 60 });
  const status = initialStatus(session.qaMode);
  const change = await db().$transaction(async (tx) => {
    const prev = await lockSession(tx, session.id);
    const rows = await tx.$queryRaw<QuestionRow[]>`
      WITH q AS (
        INSERT INTO "Question" ("sessionId", "authorId", "body", "anonymous", "status", "changeSeq", "updatedAt")
        VALUES (${session.id}::uuid, ${user.id}::uuid, ${body}, ${input.anonymous === true}, ${status}::"QuestionStatus", nextval('question_change_seq'), now())
        RETURNING *
      )
      SELECT q."id", q."sessionId", q."authorId", u."name" AS "authorName", q."body", q."anonymous", q."status",
             q."highlighted", q."votes", q."changeSeq", q."editedAt", q."createdAt"
      FROM q JOIN "User" u ON u."id" = q."authorId"`;
    return changeOf(session.id, prev, rows);
  }, TX_OPTIONS);
  publishQaChange(change);
  return { question: change.questions[0], change };
}

async function questionContext(questionId: string) {
  requireUuid(questionId, "This question does not exist.");
  const question = await db().question.findUnique({ where: { id: questionId }, select: { sessionId: true, status: true } });
  if (!question) throw new DomainError("NOT_FOUND", "This question does not exist.");
  return question;
}

/**
 * Adds the user's vote, or takes it back if they had voted. Votes are group-committed per session:
 * votes arriving while a batch is being written go together into the next one, a single statement
 * that inserts/deletes the vote rows (primary key question+user) and moves each counter by exactly
 * that many, under the session lock — so the counter always equals the number of rows, and a
 * storm of votes costs a few transactions instead of one each. One person's repeated toggles of
 * the same question never share a batch, so they apply in order.
 */
export async function toggleVote(
  user: (Actor & { name: string }) | null,
  input: { questionId: string },
  resolve: AccessResolver = liveAccess,
): Promise<{ voted: boolean; votes: number; change: QaChange }> {
  const question = await questionContext(input.questionId);
  const { access } = await findQaSession(question.sessionId, user, resolve);
  requireQaParticipant(user, access);
  if (question.status !== "VISIBLE") throw new DomainError("CONFLICT", "Only open questions can be voted on.");
  await hitRateLimit({ key: `qa-vote:${user.id}`, limit: QA_LIMITS.votesPerMinute, windowSeconds: 60 });
  return voteBatcher(question.sessionId).add({ questionId: input.questionId, userId: user.id });
}

interface PendingVote {
  questionId: string;
  userId: string;
  resolve(result: { voted: boolean; votes: number; change: QaChange }): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 500;
const batchers = new Map<string, ReturnType<typeof createBatcher>>();

function voteBatcher(sessionId: string) {
  let batcher = batchers.get(sessionId);
  if (!batcher) {
    batcher = createBatcher(sessionId);
    batchers.set(sessionId, batcher);
  }
  return batcher;
}

function createBatcher(sessionId: string) {
  const queue: PendingVote[] = [];
  let running = false;

  async function drain() {
    running = true;
    try {
      while (queue.length > 0) {
        // Take unique (question, person) pairs; a second toggle of the same pair waits for the next batch.
        const batch: PendingVote[] = [];
        const keys = new Set<string>();
        for (let i = 0; i < queue.length && batch.length < MAX_BATCH;) {
          const key = `${queue[i].questionId}:${queue[i].userId}`;
          if (keys.has(key)) {
            i++;
            continue;
          }
          keys.add(key);
          batch.push(...queue.splice(i, 1));
        }
        try {
          const outcome = await applyVoteBatch(sessionId, batch);
          if (outcome.change) publishQaChange(outcome.change);
          for (const vote of batch) {
            const key = `${vote.questionId}:${vote.userId}`;
            const row = outcome.change?.questions.find((q) => q.id === vote.questionId);
            if (!row || !outcome.touched.has(key)) vote.reject(new DomainError("CONFLICT", "Only open questions can be voted on."));
            else vote.resolve({ voted: outcome.added.has(key), votes: row.votes, change: outcome.change! });
          }
        } catch (error) {
          for (const vote of batch) vote.reject(error);
        }
      }
    } finally {
      running = false;
      if (queue.length === 0) batchers.delete(sessionId);
    }
  }

  return {
    add(vote: { questionId: string; userId: string }) {
      return new Promise<{ voted: boolean; votes: number; change: QaChange }>((resolve, reject) => {
        queue.push({ ...vote, resolve, reject });
        if (!running) void drain();
      });
    },
  };
}

async function applyVoteBatch(sessionId: string, batch: PendingVote[]): Promise<{ change: QaChange | null; added: Set<string>; touched: Set<string> }> {
  const questionIds = batch.map((v) => v.questionId);
  const userIds = batch.map((v) => v.userId);
  const rows = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`qa:${sessionId}`}, 0))`;
    // One statement, one snapshot taken after the lock: every CTE sees the votes as they were,
    // so each pair is either deleted (it existed) or inserted (it did not).
    return tx.$queryRaw<(QuestionRow & { prev: bigint; addedBy: unknown; removedBy: unknown })[]>`
      WITH input AS (
        SELECT * FROM unnest(${questionIds}::uuid[], ${userIds}::uuid[]) AS i(qid, uid)
      ), valid AS (
        SELECT i.qid, i.uid FROM input i JOIN "Question" q ON q."id" = i.qid
        WHERE q."sessionId" = ${sessionId}::uuid AND q."status" = 'VISIBLE'
      ), removed AS (
        DELETE FROM "QuestionVote" v USING valid
        WHERE v."questionId" = valid.qid AND v."userId" = valid.uid
        RETURNING v."questionId" AS qid, v."userId" AS uid
      ), added AS (
        INSERT INTO "QuestionVote" ("questionId", "userId")
        SELECT valid.qid, valid.uid FROM valid
        WHERE NOT EXISTS (SELECT 1 FROM "QuestionVote" v WHERE v."questionId" = valid.qid AND v."userId" = valid.uid)
        ON CONFLICT DO NOTHING
        RETURNING "questionId" AS qid, "userId" AS uid
      ), delta AS (
        SELECT qid, sum(d)::int AS d FROM (SELECT qid, 1 AS d FROM added UNION ALL SELECT qid, -1 AS d FROM removed) x GROUP BY qid
      ), q AS (
        UPDATE "Question" SET "votes" = "Question"."votes" + delta.d, "changeSeq" = nextval('question_change_seq'), "updatedAt" = now()
        FROM delta WHERE "Question"."id" = delta.qid
        RETURNING "Question".*
      )
      SELECT q."id", q."sessionId", q."authorId", u."name" AS "authorName", q."body", q."anonymous", q."status",
             q."highlighted", q."votes", q."changeSeq", q."editedAt", q."createdAt",
             (SELECT coalesce(max(x."changeSeq"), 0) FROM "Question" x WHERE x."sessionId" = ${sessionId}::uuid)::bigint AS "prev",
             (SELECT coalesce(json_agg(a.uid), '[]'::json) FROM added a WHERE a.qid = q."id") AS "addedBy",
             (SELECT coalesce(json_agg(r.uid), '[]'::json) FROM removed r WHERE r.qid = q."id") AS "removedBy"
      FROM q JOIN "User" u ON u."id" = q."authorId"`;
  }, TX_OPTIONS);
  const added = new Set<string>();
  const touched = new Set<string>();
  const ids = (value: unknown): string[] => (typeof value === "string" ? JSON.parse(value) : (value as string[])) ?? [];
  for (const row of rows) {
    for (const uid of ids(row.addedBy)) {
      added.add(`${row.id}:${uid}`);
      touched.add(`${row.id}:${uid}`);
    }
    for (const uid of ids(row.removedBy)) touched.add(`${row.id}:${uid}`);
  }
  if (rows.length === 0) return { change: null, added, touched };
  return { change: changeOf(sessionId, Number(rows[0].prev), rows), added, touched };
}

export async function moderateQuestion(
  user: (Actor & { name: string }) | null,
  input: { questionId: string; action: ModerationAction; body?: unknown },
  resolve: AccessResolver = liveAccess,
): Promise<{ change: QaChange }> {
  const question = await questionContext(input.questionId);
  const { access } = await findQaSession(question.sessionId, user, resolve);
  if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in to moderate.");
  if (!access.moderator) throw new DomainError("FORBIDDEN", "Only this event's organisers and moderators can moderate its Q&A.");
  const change = await db().$transaction(async (tx) => {
    const prev = await lockSession(tx, question.sessionId);
    // Read the state under the lock: the patch is decided on what is committed now.
    const current = await tx.question.findUniqueOrThrow({ where: { id: input.questionId }, select: { status: true, highlighted: true, body: true } });
    const patch = moderationPatch(current, input.action, input.body);
    const rows: QuestionRow[] = [];
    if (patch.clearOtherHighlights) {
      rows.push(
        ...(await tx.$queryRaw<QuestionRow[]>`
        WITH q AS (
          UPDATE "Question" SET "highlighted" = false, "changeSeq" = nextval('question_change_seq'), "updatedAt" = now()
          WHERE "sessionId" = ${question.sessionId}::uuid AND "highlighted" AND "id" <> ${input.questionId}::uuid
          RETURNING *
        )
        SELECT q."id", q."sessionId", q."authorId", u."name" AS "authorName", q."body", q."anonymous", q."status",
               q."highlighted", q."votes", q."changeSeq", q."editedAt", q."createdAt"
        FROM q JOIN "User" u ON u."id" = q."authorId"`),
      );
    }
    rows.push(
      ...(await tx.$queryRaw<QuestionRow[]>`
      WITH q AS (
        UPDATE "Question" SET
          "status" = coalesce(${patch.status ?? null}::"QuestionStatus", "status"),
          "highlighted" = coalesce(${patch.highlighted ?? null}::boolean, "highlighted"),
          "body" = coalesce(${patch.body ?? null}::text, "body"),
          "editedAt" = CASE WHEN ${patch.body ?? null}::text IS NULL THEN "editedAt" ELSE now() END,
          "changeSeq" = nextval('question_change_seq'), "updatedAt" = now()
        WHERE "id" = ${input.questionId}::uuid
        RETURNING *
      )
      SELECT q."id", q."sessionId", q."authorId", u."name" AS "authorName", q."body", q."anonymous", q."status",
             q."highlighted", q."votes", q."changeSeq", q."editedAt", q."createdAt"
      FROM q JOIN "User" u ON u."id" = q."authorId"`),
    );
    return changeOf(question.sessionId, prev, rows);
  }, TX_OPTIONS);
  publishQaChange(change);
  return { change };
}
