// Live polls against the real database and real sockets: who may vote, what is refused (and that
// nothing changes then), one ballot per person under 2 000 concurrent ballots, changes of ballot
// racing each other, live results for moderators and the audience, catch-up after a reconnect.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castBallot, createPoll, listPolls, managePoll, POLL_LIMITS, quizLeaderboard } from "~/domain/engagement/polls.server";
import type { AccessResolver } from "~/domain/access/live.server";
import { db } from "~/platform/db.server";
import { makeUsers } from "../support/factories";
import { startTestServer } from "../support/app-server";
import { call, openSocket, waitFor } from "../realtime/client";
import { createQaFixture, type QaFixture } from "../realtime/fixtures";

let fx: QaFixture;
let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: Socket[] = [];
const actor = (u: { id: string; name: string }) => ({ id: u.id, name: u.name, roles: ["ATTENDEE" as const] });
const organiser = () => ({ id: fx.organiser.id, name: fx.organiser.name, roles: ["ORGANISER" as const] });
const everyoneTakesPart: AccessResolver = async () => ({ participant: true, moderator: false });

async function ballotCount(pollId: string) {
  return db().pollBallot.count({ where: { pollId } });
}

async function newPoll(kind: "SINGLE" | "MULTIPLE" | "WORD_CLOUD" | "QUIZ" | "RATING" | "TEXT", extra: Partial<Parameters<typeof createPoll>[2]> = {}) {
  return createPoll(organiser(), fx.sessionId, {
    kind,
    question: `Which platform? ${kind}`,
    options: kind === "SINGLE" || kind === "MULTIPLE" || kind === "QUIZ" ? ["FIWARE", "CKAN", "Own build"] : [],
    correct: kind === "QUIZ" ? 2 : null,
    showResults: true,
    allowChange: false,
    anonymous: true,
    launch: true,
    ...extra,
  });
}

beforeAll(async () => {
  fx = await createQaFixture({ attendees: 4, tag: `polls${Date.now() % 100000}` });
  server = await startTestServer();
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

describe("ballots", () => {
  it("counts a ballot and refuses a second one when changes are not allowed, leaving the first", async () => {
    const poll = await newPoll("SINGLE");
    const [fiware, ckan] = poll.options;
    await castBallot(actor(fx.attendees[0]), { pollId: poll.id, choices: [fiware.id] });
    await expect(castBallot(actor(fx.attendees[0]), { pollId: poll.id, choices: [ckan.id] })).rejects.toMatchObject({ code: "ALREADY_VOTED" });
    const ballots = await db().pollBallot.findMany({ where: { pollId: poll.id } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0].choices).toEqual([fiware.id]);
  });

  it("lets a person change their ballot until close when allowed, still one ballot", async () => {
    const poll = await newPoll("SINGLE", { allowChange: true });
    const [fiware, ckan] = poll.options;
    await castBallot(actor(fx.attendees[0]), { pollId: poll.id, choices: [fiware.id] });
    const second = await castBallot(actor(fx.attendees[0]), { pollId: poll.id, choices: [ckan.id] });
    expect(second.changed).toBe(true);
    const ballots = await db().pollBallot.findMany({ where: { pollId: poll.id } });
    expect(ballots.map((b) => b.choices)).toEqual([[ckan.id]]);
  });

  it("refuses a ballot on a closed poll, an option of another poll, a draft, and from someone who is not registered", async () => {
    const poll = await newPoll("SINGLE", { allowChange: true });
    const other = await newPoll("SINGLE");
    await expect(castBallot(actor(fx.attendees[1]), { pollId: poll.id, choices: [other.options[0].id] })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(castBallot(actor(fx.outsider), { pollId: poll.id, choices: [poll.options[0].id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(castBallot(null, { pollId: poll.id, choices: [poll.options[0].id] })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await managePoll(organiser(), { pollId: poll.id, action: "close" });
    await expect(castBallot(actor(fx.attendees[1]), { pollId: poll.id, choices: [poll.options[0].id] })).rejects.toMatchObject({ code: "POLL_CLOSED" });
    const draft = await newPoll("SINGLE", { launch: false });
    await expect(castBallot(actor(fx.attendees[1]), { pollId: draft.id, choices: [draft.options[0].id] })).rejects.toMatchObject({ code: "POLL_CLOSED" });
    expect(await ballotCount(poll.id)).toBe(0);
    expect(await ballotCount(other.id)).toBe(0);
    expect(await ballotCount(draft.id)).toBe(0);
    // Attendees do not see drafts.
    expect((await listPolls(fx.sessionId, { moderator: false })).some((p) => p.id === draft.id)).toBe(false);
  });

  it("refuses a tampered option even past the cached check: the write itself checks membership", async () => {
    const poll = await newPoll("MULTIPLE");
    const other = await newPoll("SINGLE");
    await expect(castBallot(actor(fx.attendees[2]), { pollId: poll.id, choices: [poll.options[0].id, other.options[0].id] })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(await ballotCount(poll.id)).toBe(0);
  });

  it("limits word-cloud entries in length and rate", async () => {
    const poll = await newPoll("WORD_CLOUD", { allowChange: true });
    await expect(castBallot(actor(fx.attendees[3]), { pollId: poll.id, text: "x".repeat(41) })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(castBallot(actor(fx.attendees[3]), { pollId: poll.id, text: "   " })).rejects.toMatchObject({ code: "VALIDATION" });
    const saved = POLL_LIMITS.textPerMinute;
    POLL_LIMITS.textPerMinute = 2;
    try {
      await castBallot(actor(fx.attendees[3]), { pollId: poll.id, text: "Smart cities" });
      await castBallot(actor(fx.attendees[3]), { pollId: poll.id, text: "smart   CITIES" });
      await expect(castBallot(actor(fx.attendees[3]), { pollId: poll.id, text: "trust" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    } finally {
      POLL_LIMITS.textPerMinute = saved;
    }
    const [view] = (await listPolls(fx.sessionId, { moderator: false })).filter((p) => p.id === poll.id);
    expect(view.results?.entries).toEqual([{ text: "smart cities", count: 1 }]);
    await managePoll(organiser(), { pollId: poll.id, action: "hide-entry", entry: "Smart  Cities" });
    const [hidden] = (await listPolls(fx.sessionId, { moderator: false })).filter((p) => p.id === poll.id);
    expect(hidden.results?.entries).toEqual([]);
    const [modView] = (await listPolls(fx.sessionId, { moderator: true })).filter((p) => p.id === poll.id);
    expect(modView.results?.entries).toEqual([{ text: "smart cities", count: 1, hidden: true }]);
  });

  it("counts 2 000 concurrent ballots against one poll exactly once each", async () => {
    const poll = await newPoll("SINGLE");
    const people = await makeUsers(2000, { prefix: "voter" });
    const results = await Promise.allSettled(
      people.map((p, i) => castBallot(actor(p), { pollId: poll.id, choices: [poll.options[i % 3].id] }, everyoneTakesPart)),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await ballotCount(poll.id)).toBe(2000);
    const [view] = (await listPolls(fx.sessionId, { moderator: true })).filter((p) => p.id === poll.id);
    expect(view.total).toBe(2000);
    expect(view.results!.options.map((o) => o.count)).toEqual([667, 667, 666]);
    // Everyone again, at once: all refused, nothing changes.
    const again = await Promise.allSettled(
      people.slice(0, 200).map((p) => castBallot(actor(p), { pollId: poll.id, choices: [poll.options[0].id] }, everyoneTakesPart)),
    );
    expect(again.every((r) => r.status === "rejected")).toBe(true);
    expect(await ballotCount(poll.id)).toBe(2000);
  }, 120_000);

  it("leaves exactly one ballot per person when the same people change their ballots concurrently", async () => {
    const poll = await newPoll("SINGLE", { allowChange: true });
    const people = await makeUsers(300, { prefix: "changer" });
    const attempts = people.flatMap((p) => poll.options.map((o) => castBallot(actor(p), { pollId: poll.id, choices: [o.id] }, everyoneTakesPart)));
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await ballotCount(poll.id)).toBe(300);
    const [view] = (await listPolls(fx.sessionId, { moderator: true })).filter((p) => p.id === poll.id);
    expect(view.results!.options.reduce((sum, o) => sum + o.count, 0)).toBe(300);
  }, 60_000);

  it("refuses a close and ballots racing each other consistently: nothing lands after the close", async () => {
    const poll = await newPoll("SINGLE");
    const people = await makeUsers(200, { prefix: "racer" });
    const ballots = people.map((p) => castBallot(actor(p), { pollId: poll.id, choices: [poll.options[0].id] }, everyoneTakesPart));
    const close = managePoll(organiser(), { pollId: poll.id, action: "close" });
    const results = await Promise.allSettled(ballots);
    await close;
    const closedAt = (await db().poll.findUniqueOrThrow({ where: { id: poll.id } })).closedAt!;
    const accepted = results.filter((r) => r.status === "fulfilled").length;
    expect(await ballotCount(poll.id)).toBe(accepted);
    const late = await db().pollBallot.count({ where: { pollId: poll.id, createdAt: { gt: closedAt } } });
    expect(late).toBe(0);
  }, 60_000);
});

describe("moderation", () => {
  it("lets only moderators create and run polls", async () => {
    await expect(
      createPoll(actor(fx.attendees[0]), fx.sessionId, { kind: "TEXT", question: "Hi?", options: [], showResults: true, allowChange: false, anonymous: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const poll = await newPoll("RATING", { launch: false });
    await expect(managePoll(actor(fx.attendees[0]), { pollId: poll.id, action: "launch" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await managePoll(organiser(), { pollId: poll.id, action: "launch" });
    await expect(managePoll(organiser(), { pollId: poll.id, action: "launch" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a quiz without a correct answer, with a field error", async () => {
    await expect(
      createPoll(organiser(), fx.sessionId, {
        kind: "QUIZ",
        question: "Q?",
        options: ["a", "b"],
        correct: null,
        showResults: true,
        allowChange: false,
        anonymous: true,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { correct: expect.any(String) } });
  });
});

describe("quiz", () => {
  it("reveals the correct answer to the audience once closed, and ranks people by correct answers with first names only", async () => {
    const q1 = await newPoll("QUIZ");
    const q2 = await newPoll("QUIZ");
    const [a, b] = fx.attendees;
    await castBallot(actor(a), { pollId: q1.id, choices: [q1.options[1].id] }); // correct
    await castBallot(actor(b), { pollId: q1.id, choices: [q1.options[0].id] });
    await castBallot(actor(a), { pollId: q2.id, choices: [q2.options[1].id] }); // correct
    await castBallot(actor(b), { pollId: q2.id, choices: [q2.options[1].id] }); // correct
    const open = (await listPolls(fx.sessionId, { moderator: false })).find((p) => p.id === q2.id)!;
    expect(open.options.some((o) => "correct" in o)).toBe(false);
    await managePoll(organiser(), { pollId: q2.id, action: "close" });
    const closed = (await listPolls(fx.sessionId, { moderator: false })).find((p) => p.id === q2.id)!;
    expect(closed.options.map((o) => o.correct)).toEqual([false, true, false]);
    const board = await quizLeaderboard(fx.sessionId);
    const mine = board.entries.filter((e) => e.name.startsWith("Attendee"));
    // "Attendee 0 polls…" shows as "Attendee p.": first name and the last name's initial.
    expect(mine.map((e) => [e.name, e.correct, e.rank])).toEqual([
      ["Attendee p.", 2, 1],
      ["Attendee p.", 1, 2],
    ]);
    expect(JSON.stringify(board)).not.toContain(a.name);
  });
});

describe("over the Q&A's socket", () => {
  it("moves results live for the audience and the moderator, hides them when asked, and catches up on rejoin", async () => {
    const mod = await openSocket(server.baseUrl, fx.organiser.cookie);
    const a = await openSocket(server.baseUrl, fx.attendees[0].cookie);
    const b = await openSocket(server.baseUrl, fx.attendees[1].cookie);
    const outsider = await openSocket(server.baseUrl, fx.outsider.cookie);
    sockets.push(mod, a, b, outsider);
    const created = await call(mod, "poll:create", { sessionId: fx.sessionId, kind: "SINGLE", question: "Live?", options: ["Yes", "No"], launch: true });
    expect(created.ok).toBe(true);
    const pollId = created.poll.id as string;
    expect((await call(outsider, "poll:join", { sessionId: fx.sessionId })).code).toBe("FORBIDDEN");
    const joinedA = await call(a, "poll:join", { sessionId: fx.sessionId });
    expect(joinedA.polls.some((p: { id: string }) => p.id === pollId)).toBe(true);
    await call(b, "poll:join", { sessionId: fx.sessionId });
    await call(mod, "poll:join", { sessionId: fx.sessionId });

    const seenByB = waitFor<{ poll: { id: string; total: number } }>(b, "poll:changed", (c) => c.poll.id === pollId && c.poll.total === 1);
    const seenByMod = waitFor<{ poll: { id: string; total: number } }>(mod, "poll:changed", (c) => c.poll.id === pollId && c.poll.total === 1);
    const vote = await call(a, "poll:vote", { pollId, choices: [created.poll.options[0].id] });
    expect(vote).toMatchObject({ ok: true, changed: false });
    await Promise.all([seenByB, seenByMod]);
    expect((await call(outsider, "poll:vote", { pollId, choices: [created.poll.options[0].id] })).code).toBe("FORBIDDEN");
    expect((await call(a, "poll:vote", { pollId, choices: [created.poll.options[1].id] })).code).toBe("ALREADY_VOTED");
    expect((await call(a, "poll:manage", { pollId, action: "close" })).code).toBe("FORBIDDEN");

    const hidden = waitFor<{ poll: { id: string; results: unknown } }>(b, "poll:changed", (c) => c.poll.id === pollId && c.poll.results === null);
    await call(mod, "poll:manage", { pollId, action: "hide-results" });
    await hidden;

    // A client that was away rejoins and gets the state from the database.
    b.disconnect();
    await call(mod, "poll:manage", { pollId, action: "close" });
    const back = await openSocket(server.baseUrl, fx.attendees[1].cookie);
    sockets.push(back);
    const rejoined = await call(back, "poll:join", { sessionId: fx.sessionId });
    const poll = rejoined.polls.find((p: { id: string }) => p.id === pollId);
    expect(poll).toMatchObject({ status: "CLOSED", total: 1, results: null });
  });
});
