// A connected socket keeps who it is (socket.data.user), not how it proved it: the upgrade
// request and its Cookie header — the session token — are dropped once the socket is
// authenticated (server/realtime/index.ts, forgetHandshakeRequest).
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachRealtime } from "../../server/realtime";
import { makeUser, signedInCookie } from "../support/factories";

let httpServer: HttpServer;
let realtime: Awaited<ReturnType<typeof attachRealtime>>;
let baseUrl: string;

beforeAll(async () => {
  httpServer = createServer();
  realtime = await attachRealtime(httpServer, { adapter: "memory", databaseUrl: process.env.DATABASE_URL!, logger: pino({ level: "silent" }) });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await realtime.close();
  await new Promise<void>((resolve) => httpServer.close(() => resolve()));
});

describe("an authenticated socket", () => {
  it("knows its person but keeps neither the upgrade request nor the session cookie", async () => {
    const person = await makeUser({ name: "Hannah Handshake" });
    const cookie = await signedInCookie(person);
    // The server checks the Origin against the Host of a same-origin page.
    const socket = connect(baseUrl, { transports: ["websocket"], extraHeaders: { Cookie: cookie, Origin: baseUrl }, forceNew: true, reconnection: false });
    try {
      const whoami = await socket.timeout(5000).emitWithAck("session:whoami");
      expect(whoami.user).toMatchObject({ id: person.id, name: "Hannah Handshake" });
      const [server] = [...realtime.io.of("/").sockets.values()];
      expect(server.conn.request).toBeNull();
      expect(server.handshake.headers.cookie).toBeUndefined();
      expect(JSON.stringify(server.handshake)).not.toContain(cookie.split("=")[1]);
    } finally {
      socket.disconnect();
    }
  });
});
