// The seat guarantee raced the way it happens in production: hundreds of signed-in browsers
// posting the registration form at once to two app processes sharing one database. No response
// is a 5xx, exactly `capacity` people hold a seat and everyone else is on the waiting list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { startNode, type AppNode } from "../realtime/nodes";
import { makeEvent, makeTicketType, makeUsers, signedInCookie } from "../support/factories";
import { seatState } from "./fixtures";

const PEOPLE = 400;
const SEATS = 50;
let nodes: AppNode[] = [];

beforeAll(async () => {
  const env = { DATABASE_URL: process.env.DATABASE_URL!, PORT: "0", DATABASE_POOL_SIZE: "10", SOCKET_ADAPTER: "postgres" };
  nodes = await Promise.all([startNode(env), startNode(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
});

describe("registering over HTTP on two nodes at once", () => {
  it(`${PEOPLE} simultaneous form posts for ${SEATS} seats: no 5xx, exactly ${SEATS} seated, the rest waiting`, async () => {
    const event = await makeEvent();
    const ticket = await makeTicketType(event.id, { capacity: SEATS });
    const users = await makeUsers(PEOPLE, { prefix: "http-race" });
    const cookies = await Promise.all(users.map((user) => signedInCookie(user)));
    // Double-submit CSRF: the browser's token cookie and the form field carry the same value.
    const csrf = "race-token-0123456789abcdef";
    const statuses = await Promise.all(
      cookies.map(async (cookie, i) => {
        const response = await fetch(`${nodes[i % 2].baseUrl}/events/${event.slug}/register`, {
          method: "POST",
          redirect: "manual",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${cookie}; scale_csrf=${csrf}` },
          body: new URLSearchParams({ _csrf: csrf, ticketTypeId: ticket.id }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([302]));
    const byStatus = await db().registration.groupBy({ by: ["status"], where: { ticketTypeId: ticket.id }, _count: { _all: true } });
    expect(Object.fromEntries(byStatus.map((s) => [s.status, s._count._all]))).toEqual({ CONFIRMED: SEATS, WAITLISTED: PEOPLE - SEATS });
    expect(await seatState(ticket.id)).toEqual({ taken: SEATS, capacity: SEATS, holding: SEATS });
  }, 180_000);
});
