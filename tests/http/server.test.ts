// The walking skeleton end to end over HTTP and Socket.IO: pages, health, accounts with CSRF,
// rate limits, bad input, security headers, and sockets authenticated by the session cookie.
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT = "5";
  await seedDemoData();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("pages and health", () => {
  it("reports a healthy database", async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: "up" });
  });

  it("serves the home page with upcoming events and security headers", async () => {
    const response = await fetch(`${server.baseUrl}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Upcoming events");
    expect(html).toContain("Positive Energy Districts: from Pilot to Replication");
    // A nonce per response, or — served from the shared cache of public pages — its scripts' hashes.
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' '(nonce|sha256)-/);
    expect(
      response.headers
        .get("content-security-policy")
        ?.split("; ")
        .find((d) => d.startsWith("script-src")),
    ).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("filters the catalogue by kind and country", async () => {
    const webinars = await (await fetch(`${server.baseUrl}/events?kind=WEBINAR`)).text();
    expect(webinars).toContain("Urban Data Platforms for City Governance");
    expect(webinars).not.toContain("Positive Energy Districts: from Pilot");
    const austria = await (await fetch(`${server.baseUrl}/events?country=AT`)).text();
    expect(austria).toContain("Positive Energy Districts: from Pilot");
    expect(austria).not.toContain("Urban Data Platforms for City Governance");
  });

  it("shows an event in its own time zone, and 404s unknown ones", async () => {
    const html = await (await fetch(`${server.baseUrl}/events/positive-energy-districts-workshop-vienna`)).text();
    expect(html).toContain("Europe/Vienna");
    expect(html).toMatch(/09:00–09:45/);
    const missing = await fetch(`${server.baseUrl}/events/does-not-exist`);
    expect(missing.status).toBe(404);
  });
});

describe("accounts over HTTP", () => {
  it("signs up, is signed in by a session cookie, signs out", async () => {
    const browser = new TestClient(server.baseUrl);
    const response = await browser.submitForm("/signup", { name: "Ana Silva", email: "ana@maia.pt", password: "a-long-password" });
    expect(response.status).toBe(302);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("scale_sid="))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(await (await browser.get("/events")).text()).toContain("Ana Silva");
    const signOut = await browser.submitForm("/signout", {});
    expect(signOut.status).toBe(302);
    expect(await (await browser.get("/events")).text()).not.toContain("Ana Silva");
  });

  it("refuses a mutation without the CSRF token", async () => {
    const browser = new TestClient(server.baseUrl);
    const response = await browser.submitForm("/signup", { name: "Eve", email: "eve@example.com", password: "a-long-password" }, { csrf: false });
    expect(response.status).toBe(403);
  });

  it("refuses form posts from other sites, sibling subdomains included", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const response = await fetch(`${server.baseUrl}/signin`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": site },
        body: "email=a@b.c&password=x",
        redirect: "manual",
      });
      expect(response.status, site).toBe(403);
    }
  });

  it("explains empty and malformed sign-up fields with a 400", async () => {
    const browser = new TestClient(server.baseUrl);
    const response = await browser.submitForm("/signup", { name: "", email: "nope", password: "short" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Enter your full name.");
    expect(html).toContain("Enter a valid email address");
    expect(html).toContain("Use at least 12 characters");
  });

  it("answers a duplicate email with 409 and keeps what was typed", async () => {
    const browser = new TestClient(server.baseUrl);
    const response = await browser.submitForm("/signup", { name: "Sofia Again", email: "INVESTOR@scale-events.demo", password: "a-long-password" });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("An account with this email already exists.");
    expect(html).toContain('value="Sofia Again"');
  });

  it("answers a wrong password with 401, then rate-limits with 429 and Retry-After", async () => {
    const browser = new TestClient(server.baseUrl);
    const first = await browser.submitForm("/signin", { email: "attendee@scale-events.demo", password: "wrong-password" });
    expect(first.status).toBe(401);
    expect(await first.text()).toContain("That email and password do not match an account.");
    let last = first;
    for (let i = 0; i < 6; i++) last = await browser.submitForm("/signin", { email: "attendee@scale-events.demo", password: "wrong-password" });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("rejects oversized bodies with 413", async () => {
    const browser = new TestClient(server.baseUrl);
    const response = await browser.submitForm("/signin", { email: "a@b.c", password: "x".repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it("rejects an oversized form sent chunked, without Content-Length, with 413 too", async () => {
    const browser = new TestClient(server.baseUrl);
    await browser.get("/signin");
    const csrf = browser.csrfToken()!;
    const encoder = new TextEncoder();
    const response = await browser.request("/signin", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.baseUrl },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(encoder.encode(`_csrf=${encodeURIComponent(csrf)}&email=a%40b.c&password=`));
          for (let i = 0; i < 8; i++) controller.enqueue(encoder.encode("x".repeat(64 * 1024)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("That form is too large.");
  });

  it("does not redirect off-site after sign-in", async () => {
    const browser = new TestClient(server.baseUrl);
    const response = await browser.submitForm("/signin?redirectTo=//evil.example", { email: "investor@scale-events.demo", password: "scale-demo-2026" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/events");
  });
});

describe("Socket.IO on the same server", () => {
  it("authenticates a socket from the session cookie, and treats no cookie as anonymous", async () => {
    const browser = new TestClient(server.baseUrl);
    await browser.submitForm("/signin", { email: "investor@scale-events.demo", password: "scale-demo-2026" });
    const whoami = async (cookie?: string) => {
      const socket = connect(server.baseUrl, { transports: ["websocket"], extraHeaders: cookie ? { Cookie: cookie } : {} });
      try {
        return await socket.timeout(5000).emitWithAck("session:whoami");
      } finally {
        socket.disconnect();
      }
    };
    expect((await whoami(browser.cookieHeader())).user.name).toBe("Sofia Lindqvist");
    expect((await whoami()).user).toBeNull();
  });
});
