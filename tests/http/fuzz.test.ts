// Hostile input against every route of the build's route manifest and every socket event:
// NUL bytes, broken percent-escapes, overlong and dot-segment paths, corrupt cookies and Host
// headers, bodies over the cap (declared and chunked). Whatever arrives: no 5xx, no stack trace,
// a 4xx with a reason where the request is refused, each refusal logged once at warn without
// secrets, and nothing written to the database.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { Writable } from "node:stream";
import pino from "pino";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { uploadBodyLimit } from "~/web/upload-limits";
import { seedDemoData } from "../../prisma/seed";
import { loadBuild } from "../../server/app";
import { QA_EVENTS } from "../../server/realtime/qa";
import { POLL_EVENTS } from "../../server/realtime/polls";
import { ROOM_EVENTS } from "../../server/realtime/rooms";
import { startTestServer } from "../support/app-server";
import { signedInClient } from "../support/http-client";
import { call, openSocket } from "../realtime/client";

let server: Awaited<ReturnType<typeof startTestServer>>;
const logLines: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
let routePaths: string[] = [];

beforeAll(async () => {
  await seedDemoData();
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  // Production mode: what a deployment sends (development mode shows stack traces on purpose).
  server = await startTestServer({ logger: pino({ level: "warn" }, logStream), production: true });
  routePaths = await manifestPaths();
});

afterAll(async () => {
  await server?.close();
});

/** Every routable path template of the Remix build ("events/:slug", "feeds/:token", …). */
async function manifestPaths(): Promise<string[]> {
  const { routes } = await loadBuild();
  const fullPath = (id: string): string => {
    const route = routes[id];
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  return [...new Set(Object.keys(routes).map((id) => `/${fullPath(id)}`))].sort();
}

/** Fills every `:param` (and a splat) with `value`, leaving static segments as they are. */
function withParams(template: string, value: string): string {
  return template.replace(/:[A-Za-z0-9_]+\??|\*/g, value);
}

interface RawResponse {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A request sent byte for byte (fetch would normalise dot segments and refuse odd headers). */
function rawRequest(options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer; chunked?: boolean }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: server.port, method: options.method ?? "GET", path: options.path, headers: { Connection: "close", ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: response.headers }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    if (options.body && options.chunked) {
      // Several writes without a Content-Length: Node sends Transfer-Encoding: chunked.
      for (let at = 0; at < options.body.length; at += 64 * 1024) request.write(options.body.subarray(at, at + 64 * 1024));
      request.end();
    } else {
      request.end(options.body);
    }
  });
}

const STACK_TRACE = /\n\s+at .+:\d+:\d+|node_modules|\.ts:\d+|TypeError|ReferenceError|PrismaClient/;

function expectClean(response: RawResponse, what: string) {
  expect(response.status, `${what} answered ${response.status}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
  expect(response.body, `${what} leaked a stack trace`).not.toMatch(STACK_TRACE);
}

function expectRefusal(response: RawResponse, status: number, what: string) {
  expectClean(response, what);
  expect(response.status, what).toBe(status);
  expect(JSON.parse(response.body).message, `${what} gave no reason`).toMatch(/\w{3,}/);
}

/** A fingerprint of every table's rows: any insert, update or delete changes it. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRaw<Array<{ name: string }>>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`;
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db().$queryRawUnsafe<Array<{ digest: string | null }>>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    fingerprint[name] = row.digest ?? "";
  }
  return fingerprint;
}

const warnings = (message: string) => logLines.filter((line) => line.level === 40 && line.msg === message);

describe("hostile HTTP requests to every route", () => {
  it("covers the whole route manifest", () => {
    expect(routePaths.length).toBeGreaterThan(40);
    expect(routePaths).toContain("/events/:slug");
  });

  it("refuses NUL bytes, broken percent-escapes and overlong addresses with a 4xx and a reason, logged once each, writing nothing", async () => {
    const before = await databaseFingerprint();
    const warnedBefore = warnings("malformed request refused").length;
    let refused = 0;
    for (const template of routePaths) {
      const cases: Array<[path: string, status: number]> = template.includes(":")
        ? [
            [withParams(template, "%00"), 400],
            [withParams(template, "a%E0%A4%A"), 400],
            [withParams(template, "%C0%AF"), 400],
            [withParams(template, "x".repeat(5000)), 414],
          ]
        : [
            [`${template === "/" ? "" : template}/%00`, 400],
            [`${template}?q=%00`, 400],
          ];
      for (const [path, status] of cases) {
        for (const method of ["GET", "POST"]) {
          const response = await rawRequest({ method, path, headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: Buffer.from("a=1") });
          expectRefusal(response, status, `${method} ${path.slice(0, 80)}`);
          refused += 1;
        }
      }
    }
    expect(warnings("malformed request refused").length - warnedBefore).toBe(refused);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("answers dot segments, odd encodings and stray escapes in queries without a 5xx", async () => {
    for (const template of routePaths) {
      const path = withParams(template, "x");
      for (const hostile of [
        `${path}/../../../../etc/passwd`,
        `${path}/%2e%2e/%2e%2e/etc/passwd`,
        `${path}/..%2f..%2fetc%2fpasswd`,
        `${path}?q=%E0%A4%A&page=-1&page=99999999999999999999`,
        `${path}?q=${"%F0%9F%98%80".repeat(200)}`,
        withParams(template, "%2500"),
        withParams(template, "%F0%9F%8F%99%EF%B8%8F"),
        withParams(template, "%27%3B%20DROP%20TABLE%20%22User%22--"),
      ]) {
        expectClean(await rawRequest({ path: hostile }), `GET ${hostile.slice(0, 80)}`);
      }
    }
  });

  it("ignores cookies that cannot be decoded (logged, names only) instead of failing every page", async () => {
    const hostileCookie = "scale_csrf=%E0%A4%A; scale_session=%00%ZZ; bad name=1; ok=fine; =; theme=\u00ff\u00fe";
    const before = await databaseFingerprint();
    const warnedBefore = warnings("malformed cookies ignored").length;
    for (const template of routePaths) {
      const path = withParams(template, "x");
      const get = await rawRequest({ path, headers: { Cookie: hostileCookie } });
      expectClean(get, `GET ${path} with corrupt cookies`);
      const post = await rawRequest({
        method: "POST",
        path,
        headers: { Cookie: hostileCookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: Buffer.from("_csrf=%E0%A4%A&email=a%00b"),
      });
      expectClean(post, `POST ${path} with corrupt cookies`);
    }
    // Sign-in, not the home page: a public page from the shared cache sets no cookie at all.
    const home = await rawRequest({ path: "/signin", headers: { Cookie: hostileCookie } });
    expect(home.status).toBe(200);
    // The corrupt CSRF cookie was ignored, so a fresh one is issued.
    expect(String(home.headers["set-cookie"])).toMatch(/scale_csrf=[A-Za-z0-9_-]{20,}/);
    const logged = warnings("malformed cookies ignored").slice(warnedBefore);
    expect(logged.length).toBe(routePaths.length * 2 + 1);
    // Raw Latin-1 bytes in a value are odd but decodable: only undecodable or unnamed pairs go.
    expect(logged[0].cookies).toEqual(["scale_csrf", "scale_session", "bad?name", "="]);
    expect(JSON.stringify(logged)).not.toContain("%E0%A4%A");
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses a Host or X-Forwarded-Host that is not a host name", async () => {
    for (const headers of [{ Host: "exa mple.org" }, { Host: "a:b c" }, { "X-Forwarded-Host": "evil.org:99999999x" }, { Host: "[::1" }] as Array<
      Record<string, string>
    >) {
      expectRefusal(await rawRequest({ path: "/events", headers }), 400, `Host ${JSON.stringify(headers)}`);
    }
    expect((await rawRequest({ path: "/events", headers: { Host: "localhost:3000" } })).status).toBe(200);
  });

  it("answers bodies over the cap with 413 and a reason, declared or chunked, on every route", async () => {
    const before = await databaseFingerprint();
    const big = Buffer.alloc(Math.round(2.6 * 1024 * 1024), "a");
    for (const template of routePaths) {
      const path = withParams(template, "x");
      const headers = { "Content-Type": "application/x-www-form-urlencoded" };
      // Upload routes take a larger, documented cap (app/web/upload-limits.ts): go past theirs.
      const cap = uploadBodyLimit(path);
      const body = cap === null ? big : Buffer.alloc(cap + 1024 * 1024, "a");
      const size = `${(body.length / 1024 / 1024).toFixed(1)} MB`;
      expectRefusal(await rawRequest({ method: "POST", path, headers, body }), 413, `POST ${path} ${size} declared`);
      expectRefusal(await rawRequest({ method: "POST", path, headers, body, chunked: true }), 413, `POST ${path} ${size} chunked`);
    }
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses a form over the form cap and a NUL in a form field with field-level reasons", async () => {
    const client = await signedInClient(server.baseUrl, "attendee@scale-events.demo");
    const tooBig = await client.submitForm("/signin", { email: "a@b.eu", password: "x".repeat(300 * 1024) });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("That form is too large.");
    const before = await databaseFingerprint();
    const withNul = await new (await import("../support/http-client")).TestClient(server.baseUrl).submitForm("/signup", {
      name: "Ana\u0000Silva",
      email: "ana@maia.pt",
      password: "a-long-password-2026",
    });
    expect(withNul.status).toBe(400);
    expect(await withNul.text()).toContain("NUL character");
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("hostile socket payloads to every event", () => {
  let socket: Socket;

  beforeAll(async () => {
    const client = await signedInClient(server.baseUrl, "attendee@scale-events.demo");
    socket = await openSocket(server.baseUrl, client.cookieHeader());
  });

  afterAll(() => {
    socket?.disconnect();
  });

  it("answers every hostile payload with a coded refusal, never INTERNAL, writing nothing", async () => {
    const id = randomUUID();
    const payloads: unknown[] = [
      undefined,
      null,
      42,
      "a string",
      [],
      [1, 2, 3],
      { sessionId: "\u0000" },
      { sessionId: id, roomId: id, questionId: id, body: "hello\u0000world", note: "\u0000", cursor: 0, action: "APPROVE", minutes: 5, userId: id },
      { sessionId: id, roomId: id, body: "x".repeat(50_000) },
      { sessionId: "../../etc/passwd", roomId: "' OR 1=1 --", questionId: "%00" },
      { sessionId: id, roomId: id, cursor: -1, minutes: 1e308, anonymous: "yes" },
      JSON.parse('{"__proto__": {"polluted": true}, "sessionId": "x"}'),
      { constructor: { prototype: { polluted: true } } },
      { [`key\u0000`]: "value" },
    ];
    const before = await databaseFingerprint();
    for (const event of [...QA_EVENTS, ...ROOM_EVENTS, ...POLL_EVENTS, "no:such:event"]) {
      for (const payload of payloads) {
        const reply = await call(socket, event, payload);
        expect(reply.ok, `${event} ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false);
        expect(reply.code).toMatch(/^[A-Z_]+$/);
        expect(reply.code).not.toBe("INTERNAL");
        expect(String(reply.message)).toMatch(/\w{3,}/);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nul = await call(socket, "qa:ask", { sessionId: id, body: "hello\u0000world", anonymous: false });
    expect(nul).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(nul.message).toContain("NUL character");
    expect(await databaseFingerprint()).toEqual(before);
    // The connection survived all of it.
    expect((await call(socket, "session:whoami")).user.name).toBeTruthy();
  });
});
