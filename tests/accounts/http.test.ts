// Email verification and password reset through the real server: links read from the outbox,
// the same page for unknown addresses, old sessions gone after a reset, paid tickets gated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";

let server: Awaited<ReturnType<typeof startTestServer>>;
const WORKSHOP = "positive-energy-districts-workshop-vienna";

beforeAll(async () => {
  await seedDemoData();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function linkPath(to: string, path: string): Promise<string> {
  const email = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: to, textBody: { contains: path } }, orderBy: { createdAt: "desc" } });
  return new URL(email.textBody.match(new RegExp(`https?://\\S+${path}/[A-Za-z0-9_-]+`))![0]).pathname;
}

async function signUp(name: string, email: string, password = "a-long-password"): Promise<TestClient> {
  const browser = new TestClient(server.baseUrl);
  const response = await browser.submitForm("/signup", { name, email, password });
  expect(response.status).toBe(302);
  return browser;
}

describe("email verification over HTTP", () => {
  it("refuses a paid ticket until the emailed link is followed, then allows it", async () => {
    const browser = await signUp("Jana Horvat", "jana@ljubljana.si");
    const paid = await db().ticketType.findFirstOrThrow({ where: { event: { slug: WORKSHOP }, priceCents: { gt: 0 } } });
    const refused = await browser.submitForm(`/events/${WORKSHOP}/register`, { ticketTypeId: paid.id, paymentMethod: "INVOICE" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Confirm your email address before you pay for a ticket");

    const link = await linkPath("jana@ljubljana.si", "/verify-email");
    const confirmed = await browser.get(link);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("your email address is confirmed");
    const again = await browser.get(link);
    expect(await again.text()).toContain("expired or was already used");

    const allowed = await browser.submitForm(`/events/${WORKSHOP}/register`, { ticketTypeId: paid.id, paymentMethod: "INVOICE" });
    expect(allowed.status).toBe(302);
  });

  it("lets an unverified account register for a free ticket", async () => {
    const browser = await signUp("Piotr Nowak", "piotr@gdansk.pl");
    const free = await db().ticketType.findFirstOrThrow({ where: { event: { slug: WORKSHOP }, priceCents: 0 } });
    expect((await browser.submitForm(`/events/${WORKSHOP}/register`, { ticketTypeId: free.id })).status).toBe(302);
  });
});

describe("password reset over HTTP", () => {
  it("shows the same page for known and unknown addresses", async () => {
    await signUp("Known Person", "known@aarhus.dk");
    const answers = [];
    for (const email of ["known@aarhus.dk", "unknown@aarhus.dk"]) {
      const response = await new TestClient(server.baseUrl).submitForm("/forgot-password", { email });
      expect(response.status).toBe(200);
      // Only the per-response nonce and CSRF token may differ.
      answers.push((await response.text()).replace(/nonce="[^"]+"/g, "").replace(/[A-Za-z0-9_-]{20,}/g, ""));
    }
    expect(answers[0]).toContain("If an account uses that address");
    expect(answers[1]).toBe(answers[0]);
  });

  it("resets by the emailed link: old sessions are gone, the new password signs in", async () => {
    const oldBrowser = await signUp("Lena Fischer", "lena@hamburg.de", "elbphilharmonie-1");
    expect(await (await oldBrowser.get("/events")).text()).toContain("Lena Fischer");

    const visitor = new TestClient(server.baseUrl);
    await visitor.submitForm("/forgot-password", { email: "lena@hamburg.de" });
    const link = await linkPath("lena@hamburg.de", "/reset-password");
    expect(await (await visitor.get(link)).text()).toContain("New password");

    const weak = await visitor.submitForm(link, { password: "123qweasdzxc" });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain("most commonly used");

    const saved = await visitor.submitForm(link, { password: "speicherstadt-2" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/signin?reset=done");
    expect(await (await oldBrowser.get("/events")).text()).not.toContain("Lena Fischer");

    const reused = await visitor.submitForm(link, { password: "speicherstadt-3" });
    expect(reused.status).toBe(410);
    expect((await visitor.submitForm("/signin", { email: "lena@hamburg.de", password: "elbphilharmonie-1" })).status).toBe(401);
    expect((await visitor.submitForm("/signin", { email: "lena@hamburg.de", password: "speicherstadt-2" })).status).toBe(302);
  });

  it("answers a made-up link with the expired message, not an error", async () => {
    const response = await fetch(`${server.baseUrl}/reset-password/${"A".repeat(43)}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("expired or was already used");
    expect((await fetch(`${server.baseUrl}/verify-email/nonsense`)).status).toBe(200);
  });
});
