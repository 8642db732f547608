// Two socket guards: an event sent without an acknowledgement callback is refused out loud
// ("error:event" ACK_REQUIRED) and not run, and a handshake from another site's page (its Origin)
// is refused, so a cross-site page cannot open a socket carrying the user's session cookie.
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "~/platform/env.server";
import { db } from "~/platform/db.server";
import { isSameOrigin } from "../../server/realtime/origin";
import { startTestServer } from "../support/app-server";
import { call, openSocket, waitFor } from "./client";
import { createQaFixture, type QaFixture } from "./fixtures";

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: QaFixture;
const sockets: Socket[] = [];

async function socketFor(cookie?: string) {
  const socket = await openSocket(server.baseUrl, cookie);
  sockets.push(socket);
  return socket;
}

/** Connects with an Origin header; resolves "connected" or the connect error's message. */
function handshake(origin: string | null, cookie?: string): Promise<{ connected: boolean; socket: Socket; error?: string }> {
  const headers: Record<string, string> = {};
  if (origin !== null) headers.Origin = origin;
  if (cookie) headers.Cookie = cookie;
  const socket = connect(server.baseUrl, { transports: ["websocket"], extraHeaders: headers, reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true, socket }));
    socket.once("connect_error", (error) => resolve({ connected: false, socket, error: error.message }));
  });
}

beforeAll(async () => {
  fx = await createQaFixture({ attendees: 2, tag: "guards" });
  server = await startTestServer();
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

describe("events without an acknowledgement", () => {
  it("do not ask a question: the socket hears ACK_REQUIRED instead", async () => {
    const attendee = await socketFor(fx.attendees[0].cookie);
    expect((await call(attendee, "qa:join", { sessionId: fx.sessionId })).ok).toBe(true);
    const refused = waitFor<{ ok: boolean; code: string; message: string }>(attendee, "error:event");
    attendee.emit("qa:ask", { sessionId: fx.sessionId, body: "Asked without an ack" });
    expect(await refused).toMatchObject({ ok: false, code: "ACK_REQUIRED", message: expect.stringContaining("acknowledgement") });
    // Invalid payloads are refused the same way rather than dropped in silence.
    const invalid = waitFor<{ code: string }>(attendee, "error:event");
    attendee.emit("qa:vote", { questionId: "not-a-uuid" });
    expect((await invalid).code).toBe("ACK_REQUIRED");
    // A later acknowledged call on the same socket proves the first was handled (and not run).
    expect((await call(attendee, "qa:ask", { sessionId: fx.sessionId, body: "Asked properly" })).ok).toBe(true);
    expect(await db().question.count({ where: { sessionId: fx.sessionId, body: "Asked without an ack" } })).toBe(0);
    expect(await db().question.count({ where: { sessionId: fx.sessionId, body: "Asked properly" } })).toBe(1);
  });

  it("do not post to a room or join it", async () => {
    const attendee = await socketFor(fx.attendees[1].cookie);
    const refused = waitFor<{ code: string }>(attendee, "error:event");
    attendee.emit("rooms:join", { roomId: fx.roomId });
    expect((await refused).code).toBe("ACK_REQUIRED");
    expect((await call(attendee, "rooms:join", { roomId: fx.roomId })).ok).toBe(true);
    const again = waitFor<{ code: string }>(attendee, "error:event");
    attendee.emit("rooms:message", { roomId: fx.roomId, body: "Posted without an ack" });
    expect((await again).code).toBe("ACK_REQUIRED");
    expect((await call(attendee, "rooms:message", { roomId: fx.roomId, body: "Posted properly" })).ok).toBe(true);
    expect(await db().roomMessage.count({ where: { roomId: fx.roomId, body: "Posted without an ack" } })).toBe(0);
  });

  it("still answer an acknowledgement sent without a payload (as a validation error)", async () => {
    const attendee = await socketFor(fx.attendees[0].cookie);
    expect(await attendee.timeout(5000).emitWithAck("rooms:leave")).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await attendee.timeout(5000).emitWithAck("session:whoami")).toMatchObject({ ok: true, user: { id: fx.attendees[0].id } });
    const refused = waitFor<{ code: string }>(attendee, "error:event");
    attendee.emit("session:whoami");
    expect((await refused).code).toBe("ACK_REQUIRED");
  });
});

describe("the handshake's Origin", () => {
  it("refuses another site's page, even with the user's cookie", async () => {
    const evil = await handshake("https://evil.example", fx.attendees[0].cookie);
    expect(evil.connected).toBe(false);
    expect((await handshake("null", fx.attendees[0].cookie)).connected).toBe(false);
    // Same host name, other port: another origin.
    const port = new URL(server.baseUrl).port;
    expect((await handshake(`http://127.0.0.1:${Number(port) + 1}`, fx.attendees[0].cookie)).connected).toBe(false);
  });

  it("accepts the site's own pages and clients that send no Origin", async () => {
    const same = await handshake(server.baseUrl, fx.attendees[0].cookie);
    expect(same.connected).toBe(true);
    expect(await same.socket.timeout(5000).emitWithAck("session:whoami")).toMatchObject({ ok: true, user: { id: fx.attendees[0].id } });
    expect((await handshake(null, fx.attendees[0].cookie)).connected).toBe(true);
  });

  it("uses PUBLIC_URL as the site's origin when it is set", async () => {
    const saved = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = "https://events.scale.test";
    resetEnvForTests();
    try {
      expect((await handshake("https://events.scale.test", fx.attendees[0].cookie)).connected).toBe(true);
      expect((await handshake(server.baseUrl, fx.attendees[0].cookie)).connected).toBe(false);
      expect((await handshake("http://events.scale.test", fx.attendees[0].cookie)).connected).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = saved;
      resetEnvForTests();
    }
  });

  it("compares scheme, host and port (the pure rule)", () => {
    expect(isSameOrigin(undefined, "events.example", undefined)).toBe(true);
    expect(isSameOrigin("https://events.example", "events.example", undefined)).toBe(true); // TLS ended at a proxy
    expect(isSameOrigin("https://events.example", "events.example:443", undefined)).toBe(true);
    expect(isSameOrigin("https://EVENTS.example", "events.example", undefined)).toBe(true);
    expect(isSameOrigin("https://events.example.evil", "events.example", undefined)).toBe(false);
    expect(isSameOrigin("https://events.example", undefined, undefined)).toBe(false);
    expect(isSameOrigin("chrome-extension://abc", "abc", undefined)).toBe(false);
    expect(isSameOrigin("https://events.example", "127.0.0.1:3000", "https://events.example/")).toBe(true);
    expect(isSameOrigin("https://events.example:8443", "events.example:8443", "https://events.example")).toBe(false);
  });
});
