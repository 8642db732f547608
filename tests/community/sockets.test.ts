// Open sockets follow the console at once, on every node: two app processes share one database
// and the PostgreSQL Socket.IO adapter; an admin acting on node A suspends a person whose sockets
// on A and B close, and approves a role that a socket on node B then carries.
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { makeUser, signedInCookie } from "../support/factories";
import { signedInClient } from "../support/http-client";
import { call, openSocket } from "../realtime/client";
import { startNode, type AppNode } from "../realtime/nodes";

const PASSWORD = "socket-test-password";
let nodeA: AppNode;
let nodeB: AppNode;
const sockets: Socket[] = [];
async function socketOn(node: AppNode, cookie: string) {
  const socket = await openSocket(node.baseUrl, cookie);
  sockets.push(socket);
  return socket;
}
const closed = (socket: Socket) => new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT = "100";
  const env = { SOCKET_ADAPTER: "postgres", DATABASE_URL: process.env.DATABASE_URL!, PORT: "0", DATABASE_POOL_SIZE: "5", AUTH_RATE_LIMIT: "100" };
  [nodeA, nodeB] = await Promise.all([startNode(env), startNode(env)]);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await Promise.all([nodeA?.stop(), nodeB?.stop()]);
});

describe("the console and open sockets, across two nodes", () => {
  it("closes every socket of a suspended account on both nodes, and only theirs", async () => {
    const [admin, target, bystander] = [await makeUser({ roles: ["ADMIN"], password: PASSWORD }), await makeUser(), await makeUser()];
    const [cookieOne, cookieTwo] = [await signedInCookie(target), await signedInCookie(target)];
    const onA = await socketOn(nodeA, cookieOne);
    const onB = await socketOn(nodeB, cookieTwo);
    const other = await socketOn(nodeB, await signedInCookie(bystander));
    expect((await call(onB, "session:whoami")).user).toMatchObject({ id: target.id });
    const [closedA, closedB] = [closed(onA), closed(onB)];

    const asAdmin = await signedInClient(nodeA.baseUrl, admin.email, PASSWORD);
    expect((await asAdmin.submitForm("/admin/users", { intent: "suspend", userId: target.id })).status).toBe(302);
    expect(await closedA).toBe("io server disconnect");
    expect(await closedB).toBe("io server disconnect");
    expect(other.connected).toBe(true);
    expect(await db().session.count({ where: { userId: target.id } })).toBe(0);
    // The old cookie opens an anonymous socket only.
    const again = await socketOn(nodeB, cookieTwo);
    expect(await call(again, "session:whoami")).toEqual({ ok: true, user: null });
  });

  it("gives an open socket on node B the role an admin approved on node A", async () => {
    const [admin, asker] = [await makeUser({ roles: ["ADMIN"], password: PASSWORD }), await makeUser()];
    const socket = await socketOn(nodeB, await signedInCookie(asker));
    expect((await call(socket, "session:whoami")).user.roles).toEqual(["ATTENDEE"]);
    const request = await db().roleRequest.create({
      data: { userId: asker.id, role: "INVESTOR", organisationName: "Green Fund", reason: "We invest in pilots." },
    });
    const asAdmin = await signedInClient(nodeA.baseUrl, admin.email, PASSWORD);
    expect((await asAdmin.submitForm("/admin/requests", { intent: "approve", requestId: request.id })).status).toBe(302);
    let roles: string[] = [];
    for (let i = 0; i < 50 && !roles.includes("INVESTOR"); i++) {
      roles = (await call(socket, "session:whoami")).user.roles;
      if (!roles.includes("INVESTOR")) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(roles).toEqual(["ATTENDEE", "INVESTOR"]);
    expect(socket.connected).toBe(true);
  });
});
