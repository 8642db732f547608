// Two-factor authentication: RFC 6238 vectors, enrolment with recovery codes, the sign-in second
// step, replay refusal, and staff sent to enrol before organiser and admin pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemoData } from "../../prisma/seed";
import { base32Encode, hotp, matchTotp, totpCode } from "~/domain/accounts/totp";
import { confirmEnrolment, verifySecondFactor } from "~/domain/accounts/two-factor.server";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { signedInClient, TestClient } from "../support/http-client";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  await seedDemoData();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("TOTP (RFC 6238, SHA-1 vectors of appendix B)", () => {
  const secret = base32Encode(Buffer.from("12345678901234567890"));
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("at %i s the code is %s", (seconds, code) => {
    expect(totpCode(secret, new Date(seconds * 1000))).toBe(code);
  });

  it("accepts one step of drift, refuses steps already used and wrong shapes", () => {
    const at = new Date(1_700_000_000_000);
    const previous = hotp(secret, Math.floor(1_700_000_000 / 30) - 1);
    expect(matchTotp(secret, previous, at)).not.toBeNull();
    expect(matchTotp(secret, previous, at, Math.floor(1_700_000_000 / 30))).toBeNull();
    expect(matchTotp(secret, "12345", at)).toBeNull();
    expect(matchTotp(secret, "abcdef", at)).toBeNull();
  });
});

describe("two-factor over HTTP", () => {
  it("a member turns it on, then signs in with a code; a code works once; a recovery code works once", async () => {
    const browser = new TestClient(server.baseUrl);
    expect((await browser.submitForm("/signup", { name: "Ona Petraitė", email: "ona@vilnius.lt", password: "gediminas-tower" })).status).toBe(302);
    const setup = await (await browser.get("/account/two-factor")).text();
    const secret = setup.match(/data-testid="totp-secret">([A-Z2-7 ]+)</)![1].replace(/ /g, "");
    const wrong = await browser.submitForm("/account/two-factor", { intent: "confirm", code: "000000" === totpCode(secret, new Date()) ? "111111" : "000000" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("That code does not match.");
    const on = await browser.submitForm("/account/two-factor", { intent: "confirm", code: totpCode(secret, new Date()) });
    const page = await on.text();
    const codes = [...page.matchAll(/<li>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})<\/li>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    expect(await db().recoveryCode.count({ where: { codeHash: { in: codes } } })).toBe(0); // only hashes stored

    const again = new TestClient(server.baseUrl);
    const password = await again.submitForm("/signin", { email: "ona@vilnius.lt", password: "gediminas-tower" });
    expect(password.headers.get("location")).toBe("/signin/code?redirectTo=%2Fevents");
    expect(password.headers.getSetCookie().some((c) => c.startsWith("scale_sid="))).toBe(false);
    const reused = await again.submitForm("/signin/code", { code: totpCode(secret, new Date()) });
    expect(reused.status).toBe(401); // the code that turned it on was already used
    const recovery = await again.submitForm("/signin/code", { code: codes[0].toUpperCase() });
    expect(recovery.status).toBe(302);
    expect(recovery.headers.getSetCookie().some((c) => c.startsWith("scale_sid="))).toBe(true);

    const third = new TestClient(server.baseUrl);
    await third.submitForm("/signin", { email: "ona@vilnius.lt", password: "gediminas-tower" });
    expect((await third.submitForm("/signin/code", { code: codes[0] })).status).toBe(401);
  });

  it("a code sent twice at once signs in only once", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: "organiser@scale-events.demo" } });
    await db().user.update({ where: { id: user.id }, data: { totpLastStep: null } });
    const code = totpCode(DEMO_TOTP_SECRET, new Date());
    const results = await Promise.allSettled([verifySecondFactor(user.id, code), verifySecondFactor(user.id, code)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("sends staff without two-factor to enrol before organiser and admin pages, loaders and actions alike", async () => {
    const admin = await db().user.update({ where: { email: "admin@scale-events.demo" }, data: { totpEnabledAt: null, totpSecret: null } });
    const browser = new TestClient(server.baseUrl);
    expect((await browser.submitForm("/signin", { email: admin.email, password: DEMO_PASSWORD })).status).toBe(302);
    for (const path of ["/organise", "/admin/outbox"]) {
      const response = await browser.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toMatch(/^\/account\/two-factor\?required=1/);
    }
    const post = await browser.submitForm("/organise/events/new", { title: "Sneaky" });
    expect(post.status).toBe(302);
    expect(post.headers.get("location")).toMatch(/^\/account\/two-factor/);
    expect((await browser.get("/events")).status).toBe(200); // other pages stay open
    const setup = await (await browser.get("/account/two-factor?required=1")).text();
    const secret = setup.match(/data-testid="totp-secret">([A-Z2-7 ]+)</)![1].replace(/ /g, "");
    await confirmEnrolment(admin.id, totpCode(secret, new Date()));
    expect((await browser.get("/organise")).status).toBe(200);
  });

  it("the shared helper signs demo staff in through the second step", async () => {
    const organiser = await signedInClient(server.baseUrl, "organiser@scale-events.demo");
    expect((await organiser.get("/organise")).status).toBe(200);
  });
});
