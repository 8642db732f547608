// The Q&A socket protocol on one node: cookie-authenticated joins, permission on every event,
// validated payloads, unknown events refused, who receives what (pending questions and anonymous
// authors), acknowledgements with error codes, and a reconnect that catches up from a cursor.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaChangeView, QuestionView } from "~/domain/qa/questions";
import { applyCatchUp, applyChange, initialClientState, visibleQuestions } from "~/domain/qa/questions";
import { QA_LIMITS } from "~/domain/qa/questions.server";
import { startTestServer } from "../support/app-server";
import { call, collect, openSocket, waitFor } from "./client";
import { createQaFixture, type QaFixture } from "./fixtures";

let server: Awaited<ReturnType<typeof startTestServer>>;
let open: QaFixture;
let premod: QaFixture;
const sockets: Socket[] = [];

async function socketFor(cookie?: string) {
  const socket = await openSocket(server.baseUrl, cookie);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  open = await createQaFixture({ attendees: 6, tag: "sock" });
  premod = await createQaFixture({ attendees: 3, qaMode: "PREMODERATED", tag: "sockpre" });
  server = await startTestServer();
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

describe("joining", () => {
  it("refuses anonymous sockets, non-registered users and malformed payloads with an error code", async () => {
    expect(await call(await socketFor(), "qa:join", { sessionId: open.sessionId })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await call(await socketFor(open.outsider.cookie), "qa:join", { sessionId: open.sessionId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const attendee = await socketFor(open.attendees[0].cookie);
    expect(await call(attendee, "qa:join", { sessionId: "not-a-uuid" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await call(attendee, "qa:join", { sessionId: open.sessionId, extra: 1 })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await call(attendee, "qa:join", { sessionId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("rejects unknown events, acknowledged or not", async () => {
    const attendee = await socketFor(open.attendees[0].cookie);
    expect(await call(attendee, "qa:delete-everything", { sessionId: open.sessionId })).toMatchObject({ ok: false, code: "UNKNOWN_EVENT" });
    const error = waitFor<{ code: string }>(attendee, "error:event");
    attendee.emit("admin:shutdown");
    expect((await error).code).toBe("UNKNOWN_EVENT");
  });

  it("acknowledges a join with the current questions, cursor and role", async () => {
    const attendee = await socketFor(open.attendees[0].cookie);
    const joined = await call(attendee, "qa:join", { sessionId: open.sessionId });
    expect(joined).toMatchObject({ ok: true, canModerate: false, qaMode: "OPEN", myVotes: [] });
    expect(typeof joined.cursor).toBe("number");
    const moderator = await socketFor(open.organiser.cookie);
    expect(await call(moderator, "qa:join", { sessionId: open.sessionId })).toMatchObject({ ok: true, canModerate: true });
  });
});

describe("asking, voting and moderating live", () => {
  it("broadcasts a question to everyone in the session, hiding an anonymous author from other attendees only", async () => {
    const [author, other, moderator] = await Promise.all([
      socketFor(open.attendees[1].cookie),
      socketFor(open.attendees[2].cookie),
      socketFor(open.organiser.cookie),
    ]);
    for (const s of [author, other, moderator]) expect((await call(s, "qa:join", { sessionId: open.sessionId })).ok).toBe(true);
    const seenByOther = waitFor<QaChangeView>(other, "qa:changed");
    const seenByModerator = waitFor<QaChangeView>(moderator, "qa:changed");
    const seenByAuthor = waitFor<QaChangeView>(author, "qa:changed");
    const asked = await call(author, "qa:ask", { sessionId: open.sessionId, body: "<b>Is parking data open?</b>", anonymous: true });
    expect(asked).toMatchObject({ ok: true, question: { body: "<b>Is parking data open?</b>", mine: true, authorName: open.attendees[1].name } });
    const [o, m, a] = await Promise.all([seenByOther, seenByModerator, seenByAuthor]);
    expect(o.questions[0]).toMatchObject({ id: asked.question.id, authorName: null, anonymous: true, mine: false });
    expect(m.questions[0]).toMatchObject({ id: asked.question.id, authorName: open.attendees[1].name });
    expect(a.questions[0]).toMatchObject({ id: asked.question.id, mine: true });
    expect(o.cursor).toBe(asked.cursor);

    const voteSeen = waitFor<QaChangeView>(author, "qa:changed", (c) => (c.questions[0] as QuestionView).votes === 1);
    expect(await call(other, "qa:vote", { questionId: asked.question.id })).toMatchObject({ ok: true, voted: true, votes: 1 });
    await voteSeen;
    expect(await call(other, "qa:vote", { questionId: asked.question.id })).toMatchObject({ ok: true, voted: false, votes: 0 });

    expect(await call(other, "qa:moderate", { questionId: asked.question.id, action: "highlight" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await call(moderator, "qa:moderate", { questionId: asked.question.id, action: "obliterate" })).toMatchObject({ ok: false, code: "VALIDATION" });
    const highlighted = waitFor<QaChangeView>(other, "qa:changed", (c) => (c.questions[0] as QuestionView).highlighted);
    expect(await call(moderator, "qa:moderate", { questionId: asked.question.id, action: "highlight" })).toMatchObject({ ok: true });
    await highlighted;
  });

  it("answers refusals with an error code: too long, rate limited", async () => {
    const author = await socketFor(open.attendees[3].cookie);
    expect(await call(author, "qa:ask", { sessionId: open.sessionId, body: "x".repeat(501) })).toMatchObject({ ok: false, code: "VALIDATION" });
    const limit = QA_LIMITS.askPerMinute;
    QA_LIMITS.askPerMinute = 1;
    try {
      expect((await call(author, "qa:ask", { sessionId: open.sessionId, body: "first" })).ok).toBe(true);
      const limited = await call(author, "qa:ask", { sessionId: open.sessionId, body: "second" });
      expect(limited).toMatchObject({ ok: false, code: "RATE_LIMITED" });
      expect(limited.retryAfter).toBeGreaterThan(0);
    } finally {
      QA_LIMITS.askPerMinute = limit;
    }
  });

  it("sends pending questions to moderators only, and the approval to everyone", async () => {
    const [author, other, moderator] = await Promise.all([
      socketFor(premod.attendees[0].cookie),
      socketFor(premod.attendees[1].cookie),
      socketFor(premod.organiser.cookie),
    ]);
    for (const s of [author, other, moderator]) await call(s, "qa:join", { sessionId: premod.sessionId });
    const otherSaw = collect<QaChangeView>(other, "qa:changed");
    const moderatorSaw = waitFor<QaChangeView>(moderator, "qa:changed");
    const asked = await call(author, "qa:ask", { sessionId: premod.sessionId, body: "Moderate me" });
    expect(asked.question.status).toBe("PENDING");
    expect((await moderatorSaw).questions[0]).toMatchObject({ status: "PENDING", body: "Moderate me" });
    const approved = waitFor<QaChangeView>(other, "qa:changed", (c) => !c.questions[0].removed);
    await call(moderator, "qa:moderate", { questionId: asked.question.id, action: "approve" });
    expect((await approved).questions[0]).toMatchObject({ status: "VISIBLE", body: "Moderate me" });
    otherSaw.stop();
    // Before approval the other attendee only ever got a tombstone — never the text.
    expect(JSON.stringify(otherSaw.items[0])).not.toContain("Moderate me");
    expect(otherSaw.items[0].questions[0]).toMatchObject({ removed: true });
  });

  it("gives an author's later socket their own view of a pending question (the author room is joined only by people who asked)", async () => {
    const moderator = await socketFor(premod.organiser.cookie);
    await call(moderator, "qa:join", { sessionId: premod.sessionId });
    const first = await socketFor(premod.attendees[2].cookie);
    await call(first, "qa:join", { sessionId: premod.sessionId });
    const asked = await call(first, "qa:ask", { sessionId: premod.sessionId, body: "Asked before reloading" });
    first.disconnect();
    // A new page: this socket has not asked, but its person has.
    const later = await socketFor(premod.attendees[2].cookie);
    await call(later, "qa:join", { sessionId: premod.sessionId });
    // The ask's own broadcast (merged over QA_BROADCAST_WINDOW_MS) may still reach this socket
    // after it joined: wait for the edit's.
    const edited = "Asked before reloading (edited)";
    const seen = waitFor<QaChangeView>(later, "qa:changed", (c) => c.questions.some((q) => q.id === asked.question.id && "body" in q && q.body === edited));
    await call(moderator, "qa:moderate", { questionId: asked.question.id, action: "edit", body: edited });
    expect((await seen).questions.find((q) => q.id === asked.question.id)).toMatchObject({
      status: "PENDING",
      mine: true,
      body: edited,
    });
  });
});

describe("reconnecting", () => {
  it("catches up from the cursor with nothing lost: questions and votes made while away", async () => {
    const watcher = await socketFor(open.attendees[4].cookie);
    const joined = await call(watcher, "qa:join", { sessionId: open.sessionId });
    let state = initialClientState(joined.questions, joined.cursor);
    const live = collect<QaChangeView>(watcher, "qa:changed");
    watcher.disconnect();
    live.stop();
    for (const c of live.items) state = applyChange(state, c);

    const actor = await socketFor(open.attendees[5].cookie);
    await call(actor, "qa:join", { sessionId: open.sessionId });
    const asked = [];
    for (const body of ["While you were away 1", "While you were away 2"])
      asked.push((await call(actor, "qa:ask", { sessionId: open.sessionId, body })).question);
    await call(actor, "qa:vote", { questionId: asked[0].id });

    const back = await socketFor(open.attendees[4].cookie);
    const rejoined = await call(back, "qa:join", { sessionId: open.sessionId, cursor: state.cursor });
    expect(rejoined.ok).toBe(true);
    // Only what changed after the cursor comes back…
    expect(rejoined.questions.map((q: QuestionView) => q.id).sort()).toEqual(asked.map((q) => q.id).sort());
    state = applyCatchUp(state, rejoined.questions, rejoined.cursor);
    const byId = new Map(visibleQuestions(state).map((q) => [q.id, q]));
    expect(byId.get(asked[0].id)?.votes).toBe(1);
    expect(byId.get(asked[1].id)?.body).toBe("While you were away 2");
    // …and the result equals a fresh full load.
    const fresh = await call(back, "qa:join", { sessionId: open.sessionId });
    expect(
      visibleQuestions(state)
        .map((q) => [q.id, q.votes, q.status])
        .sort(),
    ).toEqual(fresh.questions.map((q: QuestionView) => [q.id, q.votes, q.status]).sort());
  });
});
