// The Q&A and room pages over HTTP, as a browser without JavaScript sees them: server-rendered
// state from the database, text escaped, forms (with CSRF) that go through the same domain calls —
// and whose changes still reach the live sockets.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageView } from "~/domain/rooms/rooms";
import type { QaChangeView, QuestionView } from "~/domain/qa/questions";
import { askQuestion, moderateQuestion } from "~/domain/qa/questions.server";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";
import { call, openSocket, waitFor } from "../realtime/client";
import { createQaFixture, type FixtureUser, type QaFixture } from "../realtime/fixtures";

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: QaFixture;
const sockets: Socket[] = [];

function browserAs(user: FixtureUser): TestClient {
  const client = new TestClient(server.baseUrl);
  const [name, value] = user.cookie.split("=");
  client.cookies.set(name, value);
  return client;
}

beforeAll(async () => {
  fx = await createQaFixture({ attendees: 4, tag: "pages" });
  server = await startTestServer();
  const q = await askQuestion(
    { id: fx.attendees[0].id, name: "", roles: ["ATTENDEE"] },
    { sessionId: fx.sessionId, body: "<script>alert(1)</script> Is the data open?" },
  );
  await askQuestion({ id: fx.attendees[1].id, name: "", roles: ["ATTENDEE"] }, { sessionId: fx.sessionId, body: "Secret asker here", anonymous: true });
  await moderateQuestion({ id: fx.organiser.id, name: "", roles: ["ORGANISER"] }, { questionId: q.question.id, action: "highlight" });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

describe("the Q&A page", () => {
  it("sends visitors who are not signed in to sign in", async () => {
    const response = await fetch(`${server.baseUrl}/sessions/${fx.sessionId}/qa`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain(`/signin?redirectTo=${encodeURIComponent(`/sessions/${fx.sessionId}/qa`)}`);
  });

  it("renders the current questions server-side, escaped, with anonymous authors hidden", async () => {
    const response = await browserAs(fx.attendees[2]).get(`/sessions/${fx.sessionId}/qa`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Is the data open?");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("Secret asker here");
    expect(html).not.toContain(fx.attendees[1].name);
    expect(html).toContain("On screen");
    expect(html).not.toContain("Put on screen"); // no moderator controls for attendees
  });

  it("shows moderators the anonymous author and the moderation controls", async () => {
    const html = await (await browserAs(fx.organiser).get(`/sessions/${fx.sessionId}/qa`)).text();
    expect(html).toContain(fx.attendees[1].name);
    expect(html).toContain("asked anonymously");
    expect(html).toContain("Put on screen");
    expect(html).toContain("Mark answered");
  });

  it("tells people without a registration how to get one, and 404s unknown sessions", async () => {
    const html = await (await browserAs(fx.outsider).get(`/sessions/${fx.sessionId}/qa`)).text();
    expect(html).toContain("For registered attendees");
    expect(html).not.toContain("Secret asker here");
    expect((await browserAs(fx.attendees[0]).get(`/sessions/00000000-0000-4000-8000-000000000000/qa`)).status).toBe(404);
  });

  it("accepts a question posted without JavaScript and relays it to live sockets", async () => {
    const socket = await openSocket(server.baseUrl, fx.attendees[3].cookie);
    sockets.push(socket);
    await call(socket, "qa:join", { sessionId: fx.sessionId });
    const heard = waitFor<QaChangeView>(socket, "qa:changed");
    const browser = browserAs(fx.attendees[2]);
    const response = await browser.submitForm(`/sessions/${fx.sessionId}/qa`, { intent: "ask", body: "Posted from a plain form" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Your question was posted.");
    expect(((await heard).questions[0] as QuestionView).body).toBe("Posted from a plain form");
    const tooLong = await browser.submitForm(`/sessions/${fx.sessionId}/qa`, { intent: "ask", body: "y".repeat(600) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain("Keep your question to 500 characters");
    const forged = await browser.submitForm(`/sessions/${fx.sessionId}/qa`, { intent: "ask", body: "no token" }, { csrf: false });
    expect(forged.status).toBe(403);
    const notModerator = await browser.submitForm(`/sessions/${fx.sessionId}/qa`, { intent: "moderate", questionId: fx.sessionId, action: "dismiss" });
    expect(notModerator.status).toBe(404);
  });

  it("renders the presenter view with the highlighted question", async () => {
    const html = await (await browserAs(fx.attendees[0]).get(`/sessions/${fx.sessionId}/qa/present`)).text();
    expect(html).toContain("Now answering");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Is the data open?");
    expect(html).toContain("Most voted");
    expect((await browserAs(fx.outsider).get(`/sessions/${fx.sessionId}/qa/present`)).status).toBe(403);
  });
});

describe("the room pages", () => {
  it("lists an event's rooms and renders a room for participants only", async () => {
    const list = await (await browserAs(fx.attendees[0]).get(`/events/${fx.eventSlug}/rooms`)).text();
    expect(list).toContain("Matchmaking rooms");
    expect(list).toContain("Enter room");
    const outsiderList = await (await browserAs(fx.outsider).get(`/events/${fx.eventSlug}/rooms`)).text();
    expect(outsiderList).toContain("Register for the event");
    expect((await browserAs(fx.attendees[0]).get(`/events/${fx.eventSlug}/rooms/${fx.roomId}`)).status).toBe(200);
    expect((await browserAs(fx.outsider).get(`/events/${fx.eventSlug}/rooms/${fx.roomId}`)).status).toBe(403);
    expect((await browserAs(fx.attendees[0]).get(`/events/other-event/rooms/${fx.roomId}`)).status).toBe(404);
  });

  it("posts a chat message without JavaScript, relayed live", async () => {
    const socket = await openSocket(server.baseUrl, fx.attendees[1].cookie);
    sockets.push(socket);
    await call(socket, "rooms:join", { roomId: fx.roomId });
    const heard = waitFor<MessageView>(socket, "rooms:message");
    const browser = browserAs(fx.attendees[0]);
    const response = await browser.submitForm(`/events/${fx.eventSlug}/rooms/${fx.roomId}`, { intent: "message", body: "Hello <b>room</b>" });
    expect(response.status).toBe(200);
    expect((await heard).body).toBe("Hello <b>room</b>");
    const page = await (await browser.get(`/events/${fx.eventSlug}/rooms/${fx.roomId}`)).text();
    expect(page).toContain("Hello &lt;b&gt;room&lt;/b&gt;");
  });
});
