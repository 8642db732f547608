// The directory routes over HTTP: who may open and change what (another user's profile, an
// organisation one does not administer, an unlisted profile, another person's photo), uploads
// within their own body cap with field messages (never a 500), images served with ETag, long
// caching and nosniff, and never an email address in a directory page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveProfile } from "~/domain/network/profile.server";
import { profileForm } from "~/domain/network/network-forms";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";
import { makeOrganisation, makeUser, unique } from "../support/factories";
import { photo, pixelBomb } from "./image-fixtures";

const PASSWORD = "a-long-directory-password";
const tag = unique();
let server: Awaited<ReturnType<typeof startTestServer>>;
let listed: { id: string; email: string };
let unlisted: { id: string; email: string };
let org: { id: string; slug: string };

async function client(email: string): Promise<TestClient> {
  const browser = new TestClient(server.baseUrl);
  const response = await browser.submitForm("/signin", { email, password: PASSWORD });
  expect(response.status).toBe(302);
  return browser;
}

async function upload(browser: TestClient, path: string, field: string, bytes: Uint8Array, options: { intent?: string; csrf?: boolean } = {}) {
  if (!browser.csrfToken()) await browser.get(path);
  const form = new FormData();
  if (options.csrf !== false) form.set("_csrf", browser.csrfToken() ?? "");
  form.set("intent", options.intent ?? "upload");
  form.set(field, new Blob([new Uint8Array(bytes)], { type: "image/png" }), "picture.png");
  return browser.request(path, { method: "POST", headers: { Origin: server.baseUrl }, body: form });
}

beforeAll(async () => {
  server = await startTestServer();
  const make = async (name: string) => makeUser({ name: `${name} ${tag}`, email: `${name.toLowerCase()}-${tag}@example.test`, password: PASSWORD });
  listed = await make("Listed");
  unlisted = await make("Unlisted");
  const parse = (fields: Record<string, string>) => profileForm.parse({ ...fields });
  await saveProfile(listed.id, parse({ name: `Listed ${tag}`, bio: "Hydrogen buses in the harbour", listed: "on", openToIntroductions: "on" }));
  await saveProfile(unlisted.id, parse({ name: `Unlisted ${tag}`, bio: "Hydrogen buses too" }));
  org = await makeOrganisation({
    name: `Harbour ${tag}`,
    slug: `harbour-${tag}`,
    kind: "LIGHTHOUSE_CITY",
    country: "NL",
    members: [listed],
    memberRole: "ADMIN",
  });
});

afterAll(async () => {
  await server?.close();
});

describe("/people", () => {
  it("needs a signed-in member, as do the profile, photo and organisation editor pages", async () => {
    const response = await fetch(`${server.baseUrl}/people`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/signin\?redirectTo=%2Fpeople/);
    for (const path of [
      `/people/${listed.id}`,
      "/account/profile",
      "/account/profile/photo",
      `/organisations/${org.slug}/edit`,
      `/organisations/${org.slug}/logo`,
    ]) {
      const anonymous = await fetch(`${server.baseUrl}${path}`, { redirect: "manual" });
      expect([path, anonymous.status, anonymous.headers.get("location")?.startsWith("/signin")]).toEqual([path, 302, true]);
    }
  });

  it("lists only people who opted in, without any email address", async () => {
    const browser = await client(unlisted.email);
    const response = await browser.get(`/people?q=hydrogen+${tag}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain(`Listed ${tag}`);
    expect(html).not.toContain(`/people/${unlisted.id}`);
    expect(html).not.toContain(listed.email);
    expect(html).not.toContain(unlisted.email.split("@")[0] + "@");
    const page = await browser.get(`/people/${listed.id}`);
    const profile = await page.text();
    expect(page.status).toBe(200);
    expect(profile).toContain(`/people/${listed.id}/introduce`);
    expect(profile).not.toContain(listed.email);
    const data = await browser.get(`/people/${listed.id}.data`);
    expect(await data.text()).not.toContain(listed.email);
  });

  it("answers 404 for an unlisted profile, except to its owner", async () => {
    const other = await client(listed.email);
    expect((await other.get(`/people/${unlisted.id}`)).status).toBe(404);
    expect((await other.get(`/people/not-a-uuid`)).status).toBe(404);
    const owner = await client(unlisted.email);
    const own = await owner.get(`/people/${unlisted.id}`);
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).toContain("Only you can see this page");
    expect(html).not.toContain("/introduce");
  });
});

describe("/account/profile", () => {
  it("saves one's own profile only, with field errors for bad input", async () => {
    const browser = await client(unlisted.email);
    const bad = await browser.submitForm("/account/profile", { name: "X", country: "ZZ", themes: "NOT_A_THEME", website: "x" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Enter your full name.");
    expect(html).toContain("Choose a country from the list.");
    const foreign = await browser.submitForm("/account/profile", { name: `Unlisted ${tag}`, organisationId: org.id });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("Choose one of your organisations");
    const ok = await browser.submitForm("/account/profile", { name: `Unlisted ${tag}`, bio: "Changed", city: "Delft", userId: listed.id });
    expect(ok.status).toBe(200);
    expect((await db().personProfile.findUniqueOrThrow({ where: { userId: unlisted.id } })).city).toBe("Delft");
    expect((await db().personProfile.findUniqueOrThrow({ where: { userId: listed.id } })).bio).toBe("Hydrogen buses in the harbour");
    expect((await browser.submitForm("/account/profile", { name: "No CSRF" }, { csrf: false })).status).toBe(403);
  });
});

describe("photos", () => {
  it("uploads, serves with ETag, long caching and nosniff, and only to who may see the profile", async () => {
    const browser = await client(unlisted.email);
    const response = await upload(browser, "/account/profile/photo", "photo", await photo(900, 600));
    expect(response.status).toBe(200);
    const { photoId } = await db().personProfile.findUniqueOrThrow({ where: { userId: unlisted.id } });
    expect(photoId).toBeTruthy();
    const served = await browser.get(`/images/${photoId}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    const etag = served.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await browser.request(`/images/${photoId}`, { headers: { "If-None-Match": etag } })).status).toBe(304);
    // Unlisted: nobody else sees it.
    expect((await fetch(`${server.baseUrl}/images/${photoId}`)).status).toBe(404);
    expect((await (await client(listed.email)).get(`/images/${photoId}`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/images/not-an-id`)).status).toBe(404);
  });

  it("refuses a renamed text file, a pixel bomb and an image over 5 MB with field messages, a huge body with 413, never a 500", async () => {
    const browser = await client(listed.email);
    const text = await upload(browser, "/account/profile/photo", "photo", Buffer.from("I am a text file called picture.png"));
    expect(text.status).toBe(400);
    expect(await text.text()).toContain("That file is not a PNG, JPEG or WebP image.");
    const bomb = await upload(browser, "/account/profile/photo", "photo", pixelBomb());
    expect(bomb.status).toBe(400);
    expect(await bomb.text()).toContain("larger than 40 megapixels");
    const big = await upload(browser, "/account/profile/photo", "photo", Buffer.concat([await photo(64, 64), Buffer.alloc(6 * 1024 * 1024)]));
    expect(big.status).toBe(400);
    expect(await big.text()).toContain("larger than 5 MB");
    const huge = await upload(browser, "/account/profile/photo", "photo", Buffer.alloc(13 * 1024 * 1024, 1));
    expect(huge.status).toBe(413);
    expect((await upload(browser, "/account/profile/photo", "photo", await photo(64, 64), { csrf: false })).status).toBe(403);
    // Other routes keep the 1 MiB cap.
    const form = new FormData();
    form.set("bio", "x".repeat(2 * 1024 * 1024));
    expect((await browser.request("/account/profile", { method: "POST", headers: { Origin: server.baseUrl }, body: form })).status).toBe(413);
    expect((await db().personProfile.findUniqueOrThrow({ where: { userId: listed.id } })).photoId).toBeNull();
  });
});

describe("/organisations", () => {
  it("is public, with a page per organisation and 404 for an unknown one", async () => {
    const list = await fetch(`${server.baseUrl}/organisations?q=harbour+${tag}`);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`Harbour ${tag}`);
    const page = await fetch(`${server.baseUrl}/organisations/${org.slug}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("1 member is");
    expect(html).not.toContain(`Listed ${tag}`);
    expect((await fetch(`${server.baseUrl}/organisations/no-such-${tag}`)).status).toBe(404);
  });

  it("is edited by its admins and platform admins only", async () => {
    const stranger = await client(unlisted.email);
    expect((await stranger.get(`/organisations/${org.slug}/edit`)).status).toBe(403);
    const refused = await stranger.submitForm(`/organisations/${org.slug}/edit`, { name: "Hijacked", kind: "INVESTOR", country: "NL" });
    expect(refused.status).toBe(403);
    expect((await upload(stranger, `/organisations/${org.slug}/logo`, "logo", await photo(64, 64))).status).toBe(403);
    expect((await db().organisation.findUniqueOrThrow({ where: { id: org.id } })).name).toBe(`Harbour ${tag}`);

    const admin = await client(listed.email);
    const bad = await admin.submitForm(`/organisations/${org.slug}/edit`, {
      name: `Harbour ${tag}`,
      kind: "LIGHTHOUSE_CITY",
      country: "NL",
      ticketMinEur: "9",
      ticketMaxEur: "1",
      website: "javascript:alert(1)",
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("The largest ticket must be at least the smallest.");
    expect(badHtml).toContain("Enter a full web address");
    const saved = await admin.submitForm(`/organisations/${org.slug}/edit`, {
      name: `Harbour ${tag}`,
      kind: "LIGHTHOUSE_CITY",
      country: "NL",
      solutionsOffered: "Hydrogen buses, Smart quay walls",
      investmentSoughtEur: "12 000 000",
    });
    expect(saved.status).toBe(200);
    const row = await db().organisation.findUniqueOrThrow({ where: { id: org.id } });
    expect([row.solutionsOffered, row.investmentSoughtEur]).toEqual([["Hydrogen buses", "Smart quay walls"], 12_000_000n]);
    expect(await (await admin.get(`/organisations/${org.slug}/edit`)).text()).toContain('value="12 000 000"');
    expect((await upload(admin, `/organisations/${org.slug}/logo`, "logo", await photo(300, 100))).status).toBe(200);
    const { logoId } = await db().organisation.findUniqueOrThrow({ where: { id: org.id } });
    const logo = await fetch(`${server.baseUrl}/images/${logoId}`);
    expect([logo.status, logo.headers.get("cache-control")]).toEqual([200, "public, max-age=31536000, immutable"]);
  });
});
