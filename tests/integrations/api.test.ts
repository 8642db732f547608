// The REST API over HTTP: the OpenAPI document validates, every operation it lists is called
// (without a token, with the right token, with another organisation's token), cursor paging,
// ETag/304, problem+json for bad input, idempotent writes under a race, rate limits, and that no
// token reaches the request log.
import { Writable } from "node:stream";
import SwaggerParser from "@apidevtools/swagger-parser";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS, type Operation } from "~/domain/integrations/openapi";
import { db } from "~/platform/db.server";
import { resetEnvForTests } from "~/platform/env.server";
import { startTestServer } from "../support/app-server";
import { changesDelivered } from "../support/changes";
import { signedInCookie } from "../support/factories";
import { makeIntegrationScene, type IntegrationScene } from "./fixtures";

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, callback) {
    logLines.push(String(chunk));
    callback();
  },
});

let server: Awaited<ReturnType<typeof startTestServer>>;
let scene: IntegrationScene;

beforeAll(async () => {
  process.env.API_RATE_LIMIT = "10000";
  resetEnvForTests();
  server = await startTestServer({ logger: pino({ level: "debug" }, logStream) });
  scene = await makeIntegrationScene();
});
afterAll(async () => {
  delete process.env.API_RATE_LIMIT;
  resetEnvForTests();
  await server?.close();
});

function call(path: string, init: RequestInit & { token?: string } = {}) {
  const { token, headers, ...rest } = init;
  return fetch(`${server.baseUrl}/api/v1${path}`, {
    ...rest,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string>) },
  });
}

function post(path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  return call(path, { method: "POST", token, body: JSON.stringify(body), headers: { "Content-Type": "application/json", ...headers } });
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { type: string; title: string; status: number; detail: string; errors?: { name: string; detail: string }[] };
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
  return body;
}

/** The concrete address of an operation, on event `slug`. */
function pathOf(op: Operation, slug: string, stopId: string): string {
  return op.path.replace("{slug}", slug).replace("{stopId}", stopId);
}

function bodyOf(op: Operation, registrationId: string) {
  return op.operationId === "createCheckIn" ? { registrationId } : undefined;
}

async function invoke(op: Operation, slug: string, stopId: string, token: string | undefined, registrationId: string) {
  const path = pathOf(op, slug, stopId);
  return op.method === "get" ? call(path, { token }) : post(path, token ?? "", bodyOf(op, registrationId), token ? {} : { Authorization: "" });
}

describe("the OpenAPI document", () => {
  it("is served, is valid OpenAPI 3.1, and lists every operation the code has", async () => {
    const response = await call("/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe("3.1.0");
    await SwaggerParser.validate(structuredClone(document) as never);
    const listed = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(listed.sort()).toEqual(OPERATIONS.map((op) => `${op.method} ${op.path}`).sort());
  });

  it("has a readable docs page rendered from it", async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/docs`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const op of OPERATIONS) expect(html).toContain(`${op.method.toUpperCase()} ${op.path}`);
    expect(html).toContain("Idempotency-Key");
  });
});

describe("every operation in the document", () => {
  it("answers as documented without a token, with a token of the event, and refuses other organisations' tokens", async () => {
    const document = (await (await call("/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const { a1, b2, tokens, registrations } = scene;
    const stopId = a1.stops[0]!.id;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) {
        const op = OPERATIONS.find((o) => o.path === path && o.method === method)!;
        const label = `${method} ${path}`;
        const token = op.auth === "public" ? undefined : tokens.a1Write;
        const ok = await invoke(op, a1.slug, stopId, token, registrations[0]!.id);
        expect(ok.status, label).toBe(op.status);
        op.response.parse(await ok.json());
        if (op.auth === "public") {
          // Public reads never show drafts, with or without a token.
          if (op.path.includes("{slug}")) await expectProblem(await invoke(op, b2.slug, stopId, undefined, registrations[0]!.id), 404);
          continue;
        }
        await expectProblem(await invoke(op, a1.slug, stopId, undefined, registrations[0]!.id), 401);
        // Another organisation's event-scoped and organisation-scoped tokens: the event is public, so 403.
        await expectProblem(await invoke(op, a1.slug, stopId, tokens.b1Write, registrations[0]!.id), 403);
        await expectProblem(await invoke(op, a1.slug, stopId, tokens.orgBRead, registrations[0]!.id), 403);
        // A's tokens on B's draft: its existence stays private.
        await expectProblem(await invoke(op, b2.slug, stopId, tokens.orgARead, registrations[0]!.id), 404);
        // The organisation-scoped token of A reads A's event; the read-only ones may not write.
        const orgRead = await invoke(op, a1.slug, stopId, tokens.orgARead, registrations[0]!.id);
        if (op.auth === "read") expect(orgRead.status, label).toBe(200);
        else await expectProblem(orgRead, 403);
      }
    }
  });

  it("keeps an organisation's token to its own events and stops", async () => {
    const { a1, a2, b1, tokens } = scene;
    expect((await call(`/events/${a2.slug}/registrations`, { token: tokens.orgARead })).status).toBe(200);
    await expectProblem(await call(`/events/${a2.slug}/registrations`, { token: tokens.a1Read }), 403);
    await expectProblem(await call(`/events/${b1.slug}/registrations`, { token: tokens.orgARead }), 403);
    // A stop of another event, asked through A's event: not found.
    await expectProblem(await call(`/events/${a1.slug}/stops/${b1.stops[0]!.id}/meetings`, { token: tokens.a1Read }), 404);
    // Checking in B's registration through A's event: not found, and nothing changes.
    await expectProblem(await post(`/events/${a1.slug}/check-ins`, tokens.a1Write, { registrationId: scene.registrationB.id }), 404);
    expect((await db().registration.findUniqueOrThrow({ where: { id: scene.registrationB.id } })).checkedInAt).toBeNull();
  });

  it("ignores session cookies: a signed-in organiser without a token is 401, and no cookie is set", async () => {
    const cookie = await signedInCookie(scene.alice);
    const response = await call(`/events/${scene.a1.slug}/registrations`, { headers: { Cookie: cookie } });
    await expectProblem(response, 401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    // A write with only the cookie (and even a CSRF field) does nothing.
    const write = await call(`/events/${scene.a1.slug}/check-ins`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ registrationId: scene.registrations[1]!.id, _csrf: "x" }),
    });
    await expectProblem(write, 401);
    expect((await db().registration.findUniqueOrThrow({ where: { id: scene.registrations[1]!.id } })).checkedInAt).toBeNull();
    const publicList = await call("/events", { headers: { Cookie: cookie } });
    expect(publicList.headers.get("set-cookie")).toBeNull();
  });

  it("refuses revoked tokens and tokens whose organiser left the event", async () => {
    const { a1, alice } = scene;
    const { createApiToken, revokeApiToken } = await import("~/domain/integrations/api-tokens.server");
    const actor = { id: alice.id, roles: ["ORGANISER" as const] };
    const made = await createApiToken(actor, { name: "short-lived", access: "READ", scope: { eventId: a1.id, organisationId: null } });
    expect((await call(`/events/${a1.slug}/registrations`, { token: made.token })).status).toBe(200);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt).not.toBeNull();
    await revokeApiToken(actor, made.id, { id: a1.id, organisationId: a1.organisationId });
    await expectProblem(await call(`/events/${a1.slug}/registrations`, { token: made.token }), 401);
    await expectProblem(await call(`/events/${a1.slug}/registrations`, { token: "scale_not-a-token" }), 401);
    await expectProblem(await call(`/events/${a1.slug}/registrations`, { headers: { Authorization: "Basic abc" } }), 401);
  });
});

describe("paging and caching", () => {
  it("walks every registration once with the cursor, in a stable order", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const response = await call(`/events/${scene.a1.slug}/registrations${query}`, { token: scene.tokens.a1Read });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { data: { id: string }[]; next: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((r) => r.id));
      cursor = page.next;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(scene.registrations.map((r) => r.id).sort());
  });

  it("answers 304 to a matching If-None-Match, and a new ETag after a change", async () => {
    const first = await call(`/events/${scene.a1.slug}`);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await call(`/events/${scene.a1.slug}`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await db().event.update({ where: { id: scene.a1.id }, data: { summary: "Changed." } });
    await changesDelivered();
    const changed = await call(`/events/${scene.a1.slug}`, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("filters the public list and never lists drafts", async () => {
    const page = (await (await call("/events?kind=ROADSHOW&limit=100")).json()) as { data: { slug: string; kind: string }[] };
    expect(page.data.every((e) => e.kind === "ROADSHOW")).toBe(true);
    expect(page.data.map((e) => e.slug)).toEqual(expect.arrayContaining([scene.a1.slug, scene.b1.slug]));
    const all = (await (await call("/events?limit=100&past=true")).json()) as { data: { slug: string }[] };
    expect(all.data.map((e) => e.slug)).not.toContain(scene.b2.slug);
    const sessions = (await (await call(`/events/${scene.a1.slug}/sessions`)).json()) as { data: { title: string }[] };
    expect(sessions.data.map((s) => s.title)).toEqual(["Opening"]);
  });
});

describe("bad input", () => {
  it("answers problem+json with field errors, never a 500", async () => {
    const { a1, tokens } = scene;
    const limit = await expectProblem(await call("/events?limit=0&kind=PARTY"), 400);
    expect(limit.errors?.map((e) => e.name).sort()).toEqual(["kind", "limit"]);
    const cursor = await expectProblem(await call("/events?cursor=bogus"), 400);
    expect(cursor.errors?.[0]?.name).toBe("cursor");
    await expectProblem(await call("/events/no-such-event"), 404);
    await expectProblem(await call(`/events/${a1.slug}/stops/not-a-uuid/meetings`, { token: tokens.a1Read }), 404);
    const body = await expectProblem(await post(`/events/${a1.slug}/check-ins`, tokens.a1Write, { registrationId: "x", extra: 1 }), 400);
    expect(body.errors?.map((e) => e.name)).toEqual(expect.arrayContaining(["registrationId"]));
    const notJson = await call(`/events/${a1.slug}/check-ins`, {
      method: "POST",
      token: tokens.a1Write,
      body: "{",
      headers: { "Content-Type": "application/json" },
    });
    await expectProblem(notJson, 400);
    const notJsonType = await call(`/events/${a1.slug}/check-ins`, { method: "POST", token: tokens.a1Write, body: "registrationId=x" });
    await expectProblem(notJsonType, 415);
    const badKey = await post(
      `/events/${a1.slug}/check-ins`,
      tokens.a1Write,
      { registrationId: scene.registrations[4]!.id },
      { "Idempotency-Key": "é".repeat(3) },
    );
    expect((await expectProblem(badKey, 400)).errors?.[0]?.name).toBe("Idempotency-Key");
  });
});

describe("idempotent writes", () => {
  it("does one check-in for many racing requests with the same key, replays it, and refuses the key with another body", async () => {
    const { a1, tokens, registrations } = scene;
    const target = registrations[2]!;
    const key = `race-${target.id}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post(`/events/${a1.slug}/check-ins`, tokens.a1Write, { registrationId: target.id }, { "Idempotency-Key": key })),
    );
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(bodies).size).toBe(1);
    expect(answers.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(7);
    const events = await db().integrationEvent.count({ where: { type: "checkin.created", data: { path: ["registrationId"], equals: target.id } } });
    expect(events).toBe(1);
    const other = await post(`/events/${a1.slug}/check-ins`, tokens.a1Write, { registrationId: registrations[3]!.id }, { "Idempotency-Key": key });
    expect((await expectProblem(other, 422)).type).toMatch(/idempotency-key-reused$/);
  });

  it("without a key, racing check-ins of one registration give one 201 and the rest 200", async () => {
    const { a1, tokens, registrations } = scene;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post(`/events/${a1.slug}/check-ins`, tokens.a1Write, { registrationId: registrations[3]!.id })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
  });
});

describe("rate limits and logs", () => {
  it("answers 429 problem+json with Retry-After once a token's limit is spent", async () => {
    const { createApiToken, authenticateApiToken } = await import("~/domain/integrations/api-tokens.server");
    const made = await createApiToken(
      { id: scene.alice.id, roles: ["ORGANISER"] },
      { name: "limited", access: "READ", scope: { eventId: scene.a1.id, organisationId: null } },
    );
    // The limit itself, counted in PostgreSQL: the fourth hit of a limit of three is refused.
    for (let i = 0; i < 3; i++) await authenticateApiToken(made.token, 3);
    await expect(authenticateApiToken(made.token, 3)).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    // Over HTTP (the server's limit is 10 000 a minute here): a token whose window is full.
    const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await db().rateLimitBucket.upsert({
      where: { key_windowStart: { key: `api:token:${made.id}`, windowStart } },
      create: { key: `api:token:${made.id}`, windowStart, hits: 10_000 },
      update: { hits: 10_000 },
    });
    const limited = await call(`/events/${scene.a1.slug}/check-ins`, { token: made.token });
    await expectProblem(limited, 429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("never writes a token to the log", async () => {
    expect(logLines.filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThan(20);
    const all = logLines.join("\n");
    for (const token of Object.values(scene.tokens)) {
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.slice(6, 30));
    }
  });
});

describe("the embeddable event list", () => {
  it("may be framed by any site, sets no cookie (even for a signed-in visitor), and filters", async () => {
    const cookie = await signedInCookie(scene.alice);
    const response = await fetch(`${server.baseUrl}/embed/events?kind=ROADSHOW&theme=MOBILITY&city=lisbon&limit=bogus`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(response.headers.get("x-frame-options")).toBeNull();
    expect(response.headers.get("set-cookie")).toBeNull();
    const html = await response.text();
    expect(html).toContain(scene.a1.title);
    expect(html).not.toContain("<script");
    expect(html).not.toContain(scene.b1.slug);
    // Everything else still refuses to be framed.
    const page = await fetch(`${server.baseUrl}/events`);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
