// The shared cache of public pages (server/public-cache.ts): anonymous visitors get one rendered
// copy — with no per-visitor secret in it, no cookie set, inline scripts allowed by hash rather
// than 'unsafe-inline' or a shared nonce — revalidated by ETag, and a new copy the moment the
// database announces a change. Signed-in visitors never get the cached copy.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { makeDirectoryProfile, makeEvent, makeOrganisation, makeUser } from "../support/factories";
import { startTestServer } from "../support/app-server";
import { changesDelivered } from "../support/changes";
import { signedInClient, TestClient } from "../support/http-client";
import { DEMO_PASSWORD } from "../../prisma/seed";

let server: Awaited<ReturnType<typeof startTestServer>>;
let slug: string;

beforeAll(async () => {
  server = await startTestServer({ production: true });
  slug = `cached-${Date.now()}`;
  await makeEvent({ slug, title: "Cached Smart Lighting Day", status: "PUBLISHED" });
});
afterAll(async () => {
  await server.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(server.baseUrl + path, { headers, redirect: "manual" });

/** Fetches until the page comes from the cache (a change elsewhere in the test run may drop it meanwhile). */
async function cachedCopy(path: string): Promise<Response> {
  for (let i = 0; i < 50; i++) {
    const response = await get(path);
    if (response.headers.get("x-cache") === "HIT") return response;
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${path} never came from the cache`);
}

describe("public pages from the shared cache", () => {
  it("serve one copy with no cookie, no CSRF token, no nonce, and hashes for every inline script", async () => {
    const response = await cachedCopy(`/events/${slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(response.headers.get("vary")).toContain("Cookie");
    const html = await response.text();
    expect(html).toContain("Cached Smart Lighting Day");
    // A visitor with a CSRF cookie gets the same copy, without their token in it.
    const visitor = new TestClient(server.baseUrl);
    await visitor.get("/csrf-token");
    const theirs = await visitor.get(`/events/${slug}`);
    expect(theirs.headers.get("x-cache")).toBe("HIT");
    expect(theirs.headers.getSetCookie()).toEqual([]);
    expect(await theirs.text()).not.toContain(visitor.csrfToken()!);
    const csp = response.headers.get("content-security-policy")!;
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("nonce-");
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/src=/.test(m[1]) && m[2]);
    expect(inline.length).toBeGreaterThan(0);
    for (const [, , code] of inline) expect(scriptSrc).toContain(`'sha256-${createHash("sha256").update(code).digest("base64")}'`);
  });

  it("never keep an empty copy from a HEAD request", async () => {
    const path = `/events/${slug}?head=${Date.now()}`;
    const head = await fetch(server.baseUrl + path, { method: "HEAD" });
    expect(head.status).toBe(200);
    const html = await (await get(path)).text();
    expect(html).toContain("Smart Lighting Day");
  });

  it("answer a matching If-None-Match with 304, and a visitor's own token comes from /csrf-token", async () => {
    const first = await cachedCopy(`/events/${slug}`);
    const etag = first.headers.get("etag")!;
    await first.arrayBuffer();
    const again = await get(`/events/${slug}`, { "If-None-Match": etag });
    expect([304, 200]).toContain(again.status); // 200 only if a change elsewhere dropped the copy meanwhile
    if (again.headers.get("x-cache") === "HIT") expect(again.status).toBe(304);

    const token = await get("/csrf-token");
    expect(token.headers.get("cache-control")).toBe("no-store");
    const cookie = token.headers.getSetCookie()[0];
    const { token: value } = (await token.json()) as { token: string };
    expect(cookie).toContain(`scale_csrf=${value}`);
  });

  it("show a change on the next request once the database has announced it", async () => {
    await cachedCopy(`/events/${slug}`);
    await db().event.update({ where: { slug }, data: { title: "Renamed Smart Lighting Day" } });
    await changesDelivered();
    const html = await (await get(`/events/${slug}`)).text();
    expect(html).toContain("Renamed Smart Lighting Day");
    expect(html).not.toContain("Cached Smart Lighting Day");
  });

  it("include organisation pages, which change the moment a member joins the directory", async () => {
    const organisation = await makeOrganisation({ name: "Cached City of Aarhus" });
    const path = `/organisations/${organisation.slug}`;
    expect(await (await cachedCopy(path)).text()).toContain("Cached City of Aarhus");
    const member = await makeUser();
    await db().membership.create({ data: { userId: member.id, organisationId: organisation.id } });
    await makeDirectoryProfile(member);
    await changesDelivered();
    const html = await (await get(path)).text();
    expect(html).toMatch(/1 member is(<!-- -->)? listed/);
  });

  it("are never served from the shared cache to a signed-in visitor, who gets their own token", async () => {
    const person = await makeUser({ email: `cache-reader-${Date.now()}@example.test`, password: DEMO_PASSWORD });
    const client: TestClient = await signedInClient(server.baseUrl, person.email);
    const shared = await (await cachedCopy(`/events/${slug}`)).text();
    const response = await client.get(`/events/${slug}`);
    expect(response.headers.get("x-cache")).not.toBe("HIT");
    const html = await response.text();
    expect(html).not.toBe(shared);
    expect(html).toContain(client.csrfToken()!);
    expect(html).toContain(person.name);
  });
});

/** Fetches as `client` until their page comes from their personal copy. */
async function personalCopy(client: TestClient, path: string): Promise<Response> {
  for (let i = 0; i < 50; i++) {
    const response = await client.get(path);
    if (response.headers.get("x-cache") === "HIT") return response;
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${path} never came from ${client.csrfToken()}'s own copy`);
}

describe("a signed-in person's own copies of public pages", () => {
  const signUp = async (name: string) => {
    const person = await makeUser({ email: `own-copy-${name.split(" ")[0].toLowerCase()}-${Date.now()}@example.test`, name, password: DEMO_PASSWORD });
    return { person, client: await signedInClient(server.baseUrl, person.email) };
  };

  it("serve the person their own render again: their name and token, private, hashes instead of a nonce, 304 on a match", async () => {
    const { person, client } = await signUp("Ingrid Own-Copy");
    const response = await personalCopy(client, `/events/${slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const html = await response.text();
    expect(html).toContain(person.name);
    expect(html).toContain(client.csrfToken()!);
    const csp = response.headers.get("content-security-policy")!;
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("nonce-");
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/src=/.test(m[1]) && m[2]);
    for (const [, , code] of inline) expect(scriptSrc).toContain(`'sha256-${createHash("sha256").update(code).digest("base64")}'`);

    const again = await client.request(`/events/${slug}`, { headers: { "If-None-Match": response.headers.get("etag")! } });
    if (again.headers.get("x-cache") === "HIT") expect(again.status).toBe(304);
  });

  it("never give one person's copy to another person or to an anonymous visitor", async () => {
    const first = await signUp("Aino First-Reader");
    const second = await signUp("Pekka Second-Reader");
    await personalCopy(first.client, `/events/${slug}`);
    const theirs = await (await personalCopy(second.client, `/events/${slug}`)).text();
    expect(theirs).toContain("Pekka Second-Reader");
    expect(theirs).not.toContain("Aino First-Reader");
    expect(theirs).not.toContain(first.client.csrfToken()!);
    const anonymous = await (await get(`/events/${slug}`)).text();
    expect(anonymous).not.toContain("Aino First-Reader");
  });

  it("stop the moment the session ends: a signed-out cookie gets no copy", async () => {
    const { person, client } = await signUp("Sigrid Signed-Out");
    const cookie = client.cookieHeader();
    await personalCopy(client, `/events/${slug}`);
    await db().session.deleteMany({ where: { userId: person.id } });
    const replay = await fetch(`${server.baseUrl}/events/${slug}`, { headers: { Cookie: cookie } });
    expect(replay.headers.get("x-cache")).not.toBe("HIT");
    expect(await replay.text()).not.toContain("Sigrid Signed-Out");
  });

  it("show a change of the person's own row on their next request once it is announced", async () => {
    const { person, client } = await signUp("Oskar Before-Rename");
    await personalCopy(client, `/events/${slug}`);
    await db().user.update({ where: { id: person.id }, data: { name: "Oskar After-Rename" } });
    await changesDelivered();
    const html = await (await client.get(`/events/${slug}`)).text();
    expect(html).toContain("Oskar After-Rename");
    expect(html).not.toContain("Oskar Before-Rename");
  });
});
