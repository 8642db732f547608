// Live Q&A rules against PostgreSQL: asking, anonymity, pre-moderation, moderation, one highlight,
// cursors that catch up exactly, rate limits, and votes that stay exact under concurrency.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { onQaChange } from "~/domain/qa/publish.server";
import type { QaChange, QuestionView } from "~/domain/qa/questions";
import { askQuestion, listQuestions, moderateQuestion, QA_LIMITS, toggleVote } from "~/domain/qa/questions.server";
import { canParticipate } from "~/domain/access/live.server";
import { db } from "~/platform/db.server";
import { createQaFixture, type FixtureUser, type QaFixture } from "../realtime/fixtures";

const asUser = (u: FixtureUser) => ({ id: u.id, name: u.name, roles: u.roles });
let open: QaFixture;
let premod: QaFixture;

beforeAll(async () => {
  open = await createQaFixture({ attendees: 200, tag: "open" });
  premod = await createQaFixture({ attendees: 3, qaMode: "PREMODERATED", tag: "premod" });
});

const defaults = { ...QA_LIMITS };
afterEach(() => Object.assign(QA_LIMITS, defaults));

async function counts(questionId: string) {
  const question = await db().question.findUniqueOrThrow({ where: { id: questionId } });
  const rows = await db().questionVote.count({ where: { questionId } });
  return { votes: question.votes, rows };
}

describe("who may take part", () => {
  it("counts only CONFIRMED registrations as participants", async () => {
    expect(await canParticipate(open.attendees[0].id, open.eventId)).toBe(true);
    expect(await canParticipate(open.outsider.id, open.eventId)).toBe(false);
    await expect(askQuestion(asUser(open.outsider), { sessionId: open.sessionId, body: "Hello?" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(askQuestion(null, { sessionId: open.sessionId, body: "Hello?" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("asking", () => {
  it("stores plain text of 1–500 characters and refuses the rest", async () => {
    await expect(askQuestion(asUser(open.attendees[1]), { sessionId: open.sessionId, body: "   " })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(askQuestion(asUser(open.attendees[1]), { sessionId: open.sessionId, body: "x".repeat(501) })).rejects.toMatchObject({ code: "VALIDATION" });
    const { question } = await askQuestion(asUser(open.attendees[1]), { sessionId: open.sessionId, body: "  <script>alert(1)</script> how?\u0000 " });
    expect(question.body).toBe("<script>alert(1)</script> how?");
    expect(question.status).toBe("VISIBLE");
  });

  it("hides an anonymous author from other attendees but not from moderators or the author", async () => {
    const author = open.attendees[2];
    const { question } = await askQuestion(asUser(author), { sessionId: open.sessionId, body: "Who pays for the hubs?", anonymous: true });
    const find = async (viewer: { userId: string; moderator: boolean }) =>
      (await listQuestions(open.sessionId, viewer)).questions.find((q) => q.id === question.id) as QuestionView;
    expect((await find({ userId: open.attendees[3].id, moderator: false })).authorName).toBeNull();
    expect((await find({ userId: open.organiser.id, moderator: true })).authorName).toBe(author.name);
    expect((await find({ userId: author.id, moderator: false })).mine).toBe(true);
  });

  it("rate-limits asking per person and session with RATE_LIMITED and retryAfter", async () => {
    QA_LIMITS.askPerMinute = 2;
    const who = asUser(open.attendees[4]);
    await askQuestion(who, { sessionId: open.sessionId, body: "one" });
    await askQuestion(who, { sessionId: open.sessionId, body: "two" });
    const error = await askQuestion(who, { sessionId: open.sessionId, body: "three" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect((error as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
  });
});

describe("pre-moderation and moderation", () => {
  it("keeps questions pending until approved, visible only to moderators and their author", async () => {
    const author = premod.attendees[0];
    const { question } = await askQuestion(asUser(author), { sessionId: premod.sessionId, body: "Pending until approved?" });
    expect(question.status).toBe("PENDING");
    const other = await listQuestions(premod.sessionId, { userId: premod.attendees[1].id, moderator: false });
    expect(other.questions.map((q) => q.id)).not.toContain(question.id);
    const own = await listQuestions(premod.sessionId, { userId: author.id, moderator: false });
    expect(own.questions.map((q) => q.id)).toContain(question.id);
    await expect(toggleVote(asUser(premod.attendees[1]), { questionId: question.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(moderateQuestion(asUser(premod.attendees[1]), { questionId: question.id, action: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await moderateQuestion(asUser(premod.organiser), { questionId: question.id, action: "approve" });
    const after = await listQuestions(premod.sessionId, { userId: premod.attendees[1].id, moderator: false });
    expect(after.questions.map((q) => q.id)).toContain(question.id);
  });

  it("edits, answers, dismisses and refuses impossible transitions", async () => {
    const mod = asUser(open.organiser);
    const { question } = await askQuestion(asUser(open.attendees[5]), { sessionId: open.sessionId, body: "Waht about parking?" });
    const { change } = await moderateQuestion(mod, { questionId: question.id, action: "edit", body: "What about parking?" });
    expect(change.questions[0].body).toBe("What about parking?");
    expect(change.questions[0].editedAt).not.toBeNull();
    await moderateQuestion(mod, { questionId: question.id, action: "answer" });
    await expect(moderateQuestion(mod, { questionId: question.id, action: "approve" })).rejects.toMatchObject({ code: "CONFLICT" });
    const dismissed = await moderateQuestion(mod, { questionId: question.id, action: "dismiss" });
    expect(dismissed.change.questions[0].status).toBe("DISMISSED");
    const attendeeView = await listQuestions(open.sessionId, { userId: open.attendees[6].id, moderator: false }, change.cursor);
    expect(attendeeView.questions.find((q) => q.id === question.id)).toEqual({ id: question.id, changeSeq: dismissed.change.cursor, removed: true });
  });

  it("highlights exactly one question, clearing the previous one in the same change", async () => {
    const mod = asUser(open.organiser);
    const a = (await askQuestion(asUser(open.attendees[7]), { sessionId: open.sessionId, body: "First" })).question;
    const b = (await askQuestion(asUser(open.attendees[8]), { sessionId: open.sessionId, body: "Second" })).question;
    await moderateQuestion(mod, { questionId: a.id, action: "highlight" });
    const { change } = await moderateQuestion(mod, { questionId: b.id, action: "highlight" });
    expect(change.questions.map((q) => [q.id, q.highlighted])).toEqual([
      [a.id, false],
      [b.id, true],
    ]);
    expect(await db().question.count({ where: { sessionId: open.sessionId, highlighted: true } })).toBe(1);
    // Racing highlights still leave exactly one.
    const others = await Promise.all(
      [9, 10, 11, 12].map(async (i) => (await askQuestion(asUser(open.attendees[i]), { sessionId: open.sessionId, body: `Q${i}` })).question),
    );
    await Promise.all(others.map((q) => moderateQuestion(mod, { questionId: q.id, action: "highlight" })));
    expect(await db().question.count({ where: { sessionId: open.sessionId, highlighted: true } })).toBe(1);
  });
});

describe("cursors", () => {
  it("gives every change a higher cursor, chained by prev, and catches up exactly from any cursor", async () => {
    const changes: QaChange[] = [];
    const stop = onQaChange((c) => c.sessionId === open.sessionId && changes.push(c));
    const start = (await listQuestions(open.sessionId, { userId: open.organiser.id, moderator: true })).cursor;
    const asked = await Promise.all(
      [20, 21, 22, 23].map(async (i) => (await askQuestion(asUser(open.attendees[i]), { sessionId: open.sessionId, body: `Cursor ${i}` })).question),
    );
    await Promise.all(asked.map((q, i) => toggleVote(asUser(open.attendees[30 + i]), { questionId: q.id })));
    stop();
    const sorted = [...changes].sort((x, y) => x.cursor - y.cursor);
    expect(sorted[0].prev).toBe(start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].prev).toBe(sorted[i - 1].cursor);
    const caughtUp = await listQuestions(open.sessionId, { userId: open.attendees[40].id, moderator: false }, start);
    expect(caughtUp.cursor).toBe(sorted[sorted.length - 1].cursor);
    expect(caughtUp.questions.map((q) => q.id).sort()).toEqual(asked.map((q) => q.id).sort());
    expect(caughtUp.questions.every((q) => !q.removed && q.votes === 1)).toBe(true);
  });
});

describe("votes under concurrency", () => {
  it("counts 200 concurrent votes from 200 people exactly: votes = 200 and 200 vote rows", async () => {
    const { question } = await askQuestion(asUser(open.attendees[50]), { sessionId: open.sessionId, body: "Vote for me" });
    const results = await Promise.all(open.attendees.map((u) => toggleVote(asUser(u), { questionId: question.id })));
    expect(results.every((r) => r.voted)).toBe(true);
    expect(await counts(question.id)).toEqual({ votes: 200, rows: 200 });
  });

  it("stays consistent when everyone toggles twice at once (votes == count(rows))", async () => {
    const { question } = await askQuestion(asUser(open.attendees[51]), { sessionId: open.sessionId, body: "Toggle me" });
    const voters = open.attendees.slice(0, 100);
    await Promise.all(voters.flatMap((u) => [toggleVote(asUser(u), { questionId: question.id }), toggleVote(asUser(u), { questionId: question.id })]));
    const after = await counts(question.id);
    expect(after.votes).toBe(after.rows);
    expect(after.rows).toBe(0); // each person's two toggles are serialised: on, then off
    // An odd number of toggles per person leaves exactly one vote each.
    await Promise.all(voters.flatMap((u) => [1, 2, 3].map(() => toggleVote(asUser(u), { questionId: question.id }))));
    expect(await counts(question.id)).toEqual({ votes: 100, rows: 100 });
  });

  it("rate-limits voting per person", async () => {
    QA_LIMITS.votesPerMinute = 3;
    const { question } = await askQuestion(asUser(open.attendees[60]), { sessionId: open.sessionId, body: "Spam target" });
    const who = asUser(open.attendees[150]);
    // Attendee 150 voted in the 200-vote test moments ago; start from someone who has not voted lately.
    await db().rateLimitBucket.deleteMany({ where: { key: `qa-vote:${who.id}` } });
    for (let i = 0; i < 3; i++) await toggleVote(who, { questionId: question.id });
    await expect(toggleVote(who, { questionId: question.id })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await counts(question.id)).toEqual({ votes: 1, rows: 1 });
  });
});
