// Scale-out: two app processes on different ports, one database, sharing rooms through the
// Socket.IO adapter — PostgreSQL always, Redis (sharded pub/sub) when a Redis server answers.
// A question asked on node A arrives on node B; concurrent votes from clients on both nodes add
// up exactly; presence spans nodes; a client that drops (or whose node restarts) catches up from
// its cursor with nothing lost.
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { applyCatchUp, applyChange, initialClientState, visibleQuestions, type QaChangeView, type QuestionView } from "~/domain/qa/questions";
import { db } from "~/platform/db.server";
import { TestClient } from "../support/http-client";
import { call, collect, openSocket, waitFor } from "./client";
import { signedInCookie } from "../support/factories";
import { createQaFixture, type QaFixture } from "./fixtures";
import { reachableRedis, startNode, type AppNode } from "./nodes";

const redisUrl = await reachableRedis();
const adapters: { kind: "postgres" | "redis"; env: Record<string, string> }[] = [
  { kind: "postgres", env: { SOCKET_ADAPTER: "postgres" } },
  ...(redisUrl ? [{ kind: "redis" as const, env: { SOCKET_ADAPTER: "redis", REDIS_URL: redisUrl } }] : []),
];

const sockets: Socket[] = [];
async function socketOn(node: AppNode, cookie: string) {
  const socket = await openSocket(node.baseUrl, cookie);
  sockets.push(socket);
  return socket;
}
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

describe.each(adapters)("two nodes with the $kind adapter", ({ kind, env }) => {
  let fixture: QaFixture;
  let nodeA: AppNode;
  let nodeB: AppNode;

  beforeAll(async () => {
    fixture = await createQaFixture({ attendees: 40, tag: `mn-${kind}` });
    const nodeEnv = { ...env, DATABASE_URL: process.env.DATABASE_URL!, PORT: "0", DATABASE_POOL_SIZE: "10" };
    [nodeA, nodeB] = await Promise.all([startNode(nodeEnv), startNode(nodeEnv)]);
  });

  afterAll(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  });

  it("delivers a question asked on node A to attendees and moderators on node B", async () => {
    const asker = await socketOn(nodeA, fixture.attendees[0].cookie);
    const listener = await socketOn(nodeB, fixture.attendees[1].cookie);
    const moderator = await socketOn(nodeB, fixture.organiser.cookie);
    for (const s of [asker, listener, moderator]) expect((await call(s, "qa:join", { sessionId: fixture.sessionId })).ok).toBe(true);
    const heard = waitFor<QaChangeView>(listener, "qa:changed");
    const moderated = waitFor<QaChangeView>(moderator, "qa:changed");
    const asked = await call(asker, "qa:ask", { sessionId: fixture.sessionId, body: `Across nodes via ${kind}?`, anonymous: true });
    expect(asked.ok).toBe(true);
    expect((await heard).questions[0]).toMatchObject({ id: asked.question.id, body: `Across nodes via ${kind}?`, authorName: null });
    expect((await moderated).questions[0]).toMatchObject({ id: asked.question.id, authorName: fixture.attendees[0].name });
  });

  it("closes a session's sockets on every node when it signs out, and only that session's", async () => {
    // A session of its own, so the other tests' cookie for this person stays valid.
    const leaving = { cookie: await signedInCookie(fixture.attendees[38]) };
    const onB = await socketOn(nodeB, leaving.cookie);
    const onA = await socketOn(nodeA, leaving.cookie);
    const bystander = await socketOn(nodeB, fixture.attendees[39].cookie);
    expect((await call(onB, "qa:join", { sessionId: fixture.sessionId })).ok).toBe(true);
    const closed = (socket: Socket) => new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    const [closedB, closedA] = [closed(onB), closed(onA)];

    const browser = new TestClient(nodeA.baseUrl);
    const separator = leaving.cookie.indexOf("=");
    browser.cookies.set(leaving.cookie.slice(0, separator), leaving.cookie.slice(separator + 1));
    expect((await browser.submitForm("/signout", {})).status).toBe(302);

    expect(await closedB).toBe("io server disconnect");
    expect(await closedA).toBe("io server disconnect");
    expect(bystander.connected).toBe(true);
    // The ended session's cookie now opens an anonymous socket only.
    const again = await socketOn(nodeB, leaving.cookie);
    expect(await call(again, "session:whoami")).toEqual({ ok: true, user: null });
  });

  it("adds up concurrent votes from clients on both nodes exactly", async () => {
    const voters = fixture.attendees.slice(2, 32); // 15 on each node
    const clients = await Promise.all(voters.map((u, i) => socketOn(i % 2 === 0 ? nodeA : nodeB, u.cookie)));
    const watchers = [await socketOn(nodeA, fixture.attendees[32].cookie), await socketOn(nodeB, fixture.attendees[33].cookie)];
    for (const s of [...clients, ...watchers]) expect((await call(s, "qa:join", { sessionId: fixture.sessionId })).ok).toBe(true);
    const asked = await call(clients[0], "qa:ask", { sessionId: fixture.sessionId, body: "Vote from both nodes" });
    const allCounted = watchers.map((w) =>
      waitFor<QaChangeView>(w, "qa:changed", (c) => c.questions.some((q) => q.id === asked.question.id && (q as QuestionView).votes === voters.length), 20_000),
    );
    const acks = await Promise.all(clients.map((c) => call(c, "qa:vote", { questionId: asked.question.id })));
    expect(acks.every((a) => a.ok && a.voted)).toBe(true);
    await Promise.all(allCounted);
    const question = await db().question.findUniqueOrThrow({ where: { id: asked.question.id } });
    expect(question.votes).toBe(voters.length);
    expect(await db().questionVote.count({ where: { questionId: asked.question.id } })).toBe(voters.length);
  });

  it("shows room presence across nodes", async () => {
    const onA = await socketOn(nodeA, fixture.attendees[34].cookie);
    const onB = await socketOn(nodeB, fixture.attendees[35].cookie);
    expect((await call(onA, "rooms:join", { roomId: fixture.roomId })).ok).toBe(true);
    const seen = waitFor<{ people: { userId: string }[] }>(onA, "rooms:presence", (p) => p.people.some((x) => x.userId === fixture.attendees[35].id));
    const joined = await call(onB, "rooms:join", { roomId: fixture.roomId });
    expect(joined.people.map((p: { userId: string }) => p.userId)).toEqual(expect.arrayContaining([fixture.attendees[34].id, fixture.attendees[35].id]));
    await seen;
  });

  it("lets a client that dropped catch up from its cursor on the other node, nothing lost", async () => {
    const watcher = await socketOn(nodeB, fixture.attendees[36].cookie);
    const joined = await call(watcher, "qa:join", { sessionId: fixture.sessionId });
    let state = initialClientState(joined.questions, joined.cursor);
    const live = collect<QaChangeView>(watcher, "qa:changed");
    const actor = await socketOn(nodeA, fixture.attendees[37].cookie);
    await call(actor, "qa:join", { sessionId: fixture.sessionId });
    const before = await call(actor, "qa:ask", { sessionId: fixture.sessionId, body: "Before the drop" });
    await waitFor(watcher, "qa:changed", (c: QaChangeView) => c.questions.some((q) => q.id === before.question.id));
    watcher.disconnect();
    live.stop();
    for (const c of live.items) state = applyChange(state, c);

    const during = await call(actor, "qa:ask", { sessionId: fixture.sessionId, body: "During the drop" });
    await call(actor, "qa:vote", { questionId: before.question.id });
    await call(await socketOn(nodeB, fixture.attendees[38].cookie), "qa:vote", { questionId: during.question.id });

    const back = await socketOn(nodeA, fixture.attendees[36].cookie);
    const rejoined = await call(back, "qa:join", { sessionId: fixture.sessionId, cursor: state.cursor });
    state = applyCatchUp(state, rejoined.questions, rejoined.cursor);
    const fresh = await call(back, "qa:join", { sessionId: fixture.sessionId });
    const summary = (qs: QuestionView[]) => qs.map((q) => `${q.id}:${q.votes}:${q.status}:${q.highlighted}`).sort();
    expect(summary(visibleQuestions(state))).toEqual(summary(fresh.questions));
    const byId = new Map(visibleQuestions(state).map((q) => [q.id, q]));
    expect(byId.get(before.question.id)?.votes).toBe(1);
    expect(byId.get(during.question.id)?.votes).toBe(1);
  });

  it("survives a restart of the client's node: the client reconnects with its cursor and catches up", async () => {
    const watcher = await socketOn(nodeB, fixture.attendees[39].cookie);
    const joined = await call(watcher, "qa:join", { sessionId: fixture.sessionId });
    let state = initialClientState(joined.questions, joined.cursor);
    const live = collect<QaChangeView>(watcher, "qa:changed");
    const disconnected = new Promise<void>((resolve) => watcher.once("disconnect", () => resolve()));
    await nodeB.stop();
    await disconnected;
    live.stop();
    for (const c of live.items) state = applyChange(state, c);

    const actor = await socketOn(nodeA, fixture.attendees[37].cookie);
    await call(actor, "qa:join", { sessionId: fixture.sessionId });
    const asked = await call(actor, "qa:ask", { sessionId: fixture.sessionId, body: "While node B restarts" });
    await call(actor, "qa:vote", { questionId: asked.question.id });

    nodeB = await startNode({ ...env, DATABASE_URL: process.env.DATABASE_URL!, PORT: "0", DATABASE_POOL_SIZE: "10" });
    const back = await socketOn(nodeB, fixture.attendees[39].cookie);
    const rejoined = await call(back, "qa:join", { sessionId: fixture.sessionId, cursor: state.cursor });
    expect(rejoined.questions.map((q: QuestionView) => q.id)).toContain(asked.question.id);
    state = applyCatchUp(state, rejoined.questions, rejoined.cursor);
    expect(visibleQuestions(state).find((q) => q.id === asked.question.id)?.votes).toBe(1);
    const fresh = await call(back, "qa:join", { sessionId: fixture.sessionId });
    expect(
      visibleQuestions(state)
        .map((q) => `${q.id}:${q.votes}`)
        .sort(),
    ).toEqual(fresh.questions.map((q: QuestionView) => `${q.id}:${q.votes}`).sort());
    // And the restarted node is back in the cluster: live changes from A reach it again.
    const heard = waitFor<QaChangeView>(back, "qa:changed");
    await call(actor, "qa:ask", { sessionId: fixture.sessionId, body: "After the restart" });
    expect(((await heard).questions[0] as QuestionView).body).toBe("After the restart");
  });
});
