// The polls on the session's Q&A page as a browser without JavaScript sees them: server-rendered,
// answered and run with plain forms (CSRF checked), refused with a clear message, and the change
// still reaches the live sockets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPoll } from "~/domain/engagement/polls.server";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";
import { call, openSocket, waitFor } from "../realtime/client";
import { createQaFixture, type FixtureUser, type QaFixture } from "../realtime/fixtures";

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: QaFixture;

function browserAs(user: FixtureUser): TestClient {
  const client = new TestClient(server.baseUrl);
  const [name, value] = user.cookie.split("=");
  client.cookies.set(name, value);
  return client;
}

beforeAll(async () => {
  fx = await createQaFixture({ attendees: 3, tag: `pollpages${Date.now() % 100000}` });
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("polls on the Q&A page without JavaScript", () => {
  it("lets a moderator prepare and launch a poll, and an attendee answer it with a plain form", async () => {
    const moderator = browserAs(fx.organiser);
    const page = `/sessions/${fx.sessionId}/qa`;
    const refused = await moderator.submitForm(page, { intent: "poll-create", kind: "QUIZ", question: "Which year?", options: "2019\n2020" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Say which answer is correct");

    const created = await moderator.submitForm(page, {
      intent: "poll-create",
      kind: "SINGLE",
      question: "<b>Which platform?</b>",
      options: "FIWARE\nCKAN",
      showResults: "true",
    });
    expect(created.status).toBe(200);
    const poll = await db().poll.findFirstOrThrow({ where: { sessionId: fx.sessionId, question: "<b>Which platform?</b>" }, include: { options: true } });
    expect(poll.status).toBe("DRAFT");

    const attendee = browserAs(fx.attendees[0]);
    expect(await (await attendee.get(page)).text()).not.toContain("Which platform?"); // a draft is the moderators' only
    expect(await (await moderator.submitForm(page, { intent: "poll-manage", pollId: poll.id, action: "launch" })).text()).toContain("The poll is live.");

    const html = await (await attendee.get(page)).text();
    expect(html).toContain("&lt;b&gt;Which platform?&lt;/b&gt;");
    expect(html).toContain("Send answer");

    const socket = await openSocket(server.baseUrl, fx.attendees[1].cookie);
    try {
      await call(socket, "poll:join", { sessionId: fx.sessionId });
      const moved = waitFor<{ poll: { id: string; total: number } }>(socket, "poll:changed", (c) => c.poll.id === poll.id && c.poll.total === 1);
      const voted = await attendee.submitForm(page, { intent: "poll-vote", pollId: poll.id, choices: poll.options[0].id });
      expect(voted.status).toBe(200);
      expect(await voted.text()).toContain("your answer was counted");
      await moved;
    } finally {
      socket.disconnect();
    }
    const again = await attendee.submitForm(page, { intent: "poll-vote", pollId: poll.id, choices: poll.options[1].id });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain("already answered");
    const forged = await attendee.submitForm(page, { intent: "poll-vote", pollId: poll.id, choices: poll.options[1].id }, { csrf: false });
    expect(forged.status).toBe(403);
    expect(await db().pollBallot.count({ where: { pollId: poll.id } })).toBe(1);
  });

  it("refuses attendees the moderation forms and outsiders the vote, changing nothing", async () => {
    const poll = await createPoll({ id: fx.organiser.id, name: "", roles: ["ORGANISER"] }, fx.sessionId, {
      kind: "RATING",
      question: "How useful?",
      options: [],
      showResults: true,
      allowChange: false,
      anonymous: true,
      launch: true,
    });
    const page = `/sessions/${fx.sessionId}/qa`;
    const attendee = browserAs(fx.attendees[2]);
    expect((await attendee.submitForm(page, { intent: "poll-manage", pollId: poll.id, action: "close" })).status).toBe(403);
    expect((await attendee.submitForm(page, { intent: "poll-vote", pollId: poll.id, rating: "9" })).status).toBe(400);
    const outsider = browserAs(fx.outsider);
    expect((await outsider.submitForm(page, { intent: "poll-vote", pollId: poll.id, rating: "4" })).status).toBe(403);
    expect(await db().pollBallot.count({ where: { pollId: poll.id } })).toBe(0);
    expect((await db().poll.findUniqueOrThrow({ where: { id: poll.id } })).status).toBe("OPEN");
  });
});
