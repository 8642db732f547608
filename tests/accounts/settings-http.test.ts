// /account and /account/security over HTTP: profile, email change (new address verified, old one
// told), password change (current one needed, other sessions end), email choices with one-click
// unsubscribe links and headers, active sessions and "sign out everywhere else".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueNotification } from "~/domain/notifications/notification-choices.server";
import { approximatePlace, describeDevice } from "~/domain/accounts/devices";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { TestClient } from "../support/http-client";

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

async function signUp(email: string, password = "a-long-password", userAgent?: string): Promise<TestClient> {
  const browser = new TestClient(server.baseUrl);
  if (userAgent) {
    const request = browser.request.bind(browser);
    browser.request = (path, init = {}) => request(path, { ...init, headers: { ...(init.headers as Record<string, string>), "User-Agent": userAgent } });
  }
  expect((await browser.submitForm("/signup", { name: "Marta Lind", email, password })).status).toBe(302);
  return browser;
}

async function signIn(email: string, password: string, userAgent: string): Promise<TestClient> {
  const browser = new TestClient(server.baseUrl);
  const request = browser.request.bind(browser);
  browser.request = (path, init = {}) => request(path, { ...init, headers: { ...(init.headers as Record<string, string>), "User-Agent": userAgent } });
  expect((await browser.submitForm("/signin", { email, password })).status).toBe(302);
  return browser;
}

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

describe("/account", () => {
  it("needs a signed-in person", async () => {
    const response = await fetch(`${server.baseUrl}/account`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/signin\?redirectTo=%2Faccount/);
  });

  it("saves name and time zone, with field-level errors for bad ones", async () => {
    const browser = await signUp("marta@malmo.se");
    const bad = await browser.submitForm("/account", { intent: "profile", name: "M", timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Enter your full name.");
    expect(html).toContain("Choose a time zone from the list.");
    expect((await browser.submitForm("/account", { intent: "profile", name: "Marta Lindqvist", timeZone: "Europe/Stockholm" })).status).toBe(200);
    const row = await db().user.findUniqueOrThrow({ where: { email: "marta@malmo.se" } });
    expect([row.name, row.timeZone]).toEqual(["Marta Lindqvist", "Europe/Stockholm"]);
    expect((await browser.submitForm("/account", { intent: "nonsense" })).status).toBe(400);
  });

  it("changes the email only when the new address confirms, and tells the old one", async () => {
    const browser = await signUp("old@malmo.se");
    const wrong = await browser.submitForm("/account", { intent: "email", email: "new@malmo.se", currentPassword: "not-my-password" });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("That is not your current password.");
    expect((await browser.submitForm("/account", { intent: "email", email: "new@malmo.se", currentPassword: "a-long-password" })).status).toBe(200);
    expect(await db().user.count({ where: { email: "old@malmo.se" } })).toBe(1);
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: "new@malmo.se" } });
    const link = new URL(mail.textBody.match(/https?:\/\/\S+\/verify-email\/[A-Za-z0-9_-]+/)![0]).pathname;
    expect(await (await browser.get(link)).text()).toContain("new@malmo.se");
    expect(await db().user.count({ where: { email: "new@malmo.se", emailVerifiedAt: { not: null } } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { toAddress: "old@malmo.se", subject: { contains: "email address was changed" } } })).toBe(1);
  });

  it("changes the password with the current one, keeping this session and ending the others", async () => {
    const here = await signUp("pw@malmo.se");
    const elsewhere = await signIn("pw@malmo.se", "a-long-password", IPHONE);
    const weak = await here.submitForm("/account", { intent: "password", currentPassword: "a-long-password", newPassword: "short" });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain("at least 12 characters");
    expect((await here.submitForm("/account", { intent: "password", currentPassword: "a-long-password", newPassword: "oresund-bridge" })).status).toBe(200);
    expect((await here.get("/account")).status).toBe(200);
    expect((await elsewhere.get("/account")).status).toBe(302);
  });

  it("turns email kinds off, and a one-click unsubscribe link (with List-Unsubscribe headers) does too", async () => {
    const browser = await signUp("choices@malmo.se");
    const user = await db().user.findUniqueOrThrow({ where: { email: "choices@malmo.se" } });
    expect((await browser.submitForm("/account", { intent: "notifications", enabled: "REMINDERS" })).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailOptOuts.sort()).toEqual([
      "INTRODUCTIONS",
      "MEETING_REQUESTS",
      "ORGANISER_MESSAGES",
    ]);
    expect(await enqueueNotification(db(), user, "INTRODUCTIONS", { to: user.email, subject: "Intro", text: "Hello" })).toBe(false);

    expect(await enqueueNotification(db(), user, "REMINDERS", { to: user.email, subject: "Reminder", text: "Soon", html: "<p>Soon</p>" })).toBe(true);
    const mail = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: user.email, subject: "Reminder" } });
    const headers = mail.headers as Record<string, string>;
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = headers["List-Unsubscribe"].slice(1, -1);
    expect(mail.textBody).toContain(url);
    expect(mail.htmlBody).toContain("Unsubscribe from session reminders");
    const path = new URL(url).pathname;
    expect(await (await fetch(server.baseUrl + path)).text()).toContain("session reminders");
    // What a mail client sends for RFC 8058: no cookie, no CSRF token.
    const oneClick = await fetch(server.baseUrl + path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailOptOuts).toContain("REMINDERS");
  });
});

describe("/account/security", () => {
  it("lists sessions by device and place, and signs out everywhere else", async () => {
    const here = await signUp("sessions@malmo.se", "a-long-password", FIREFOX);
    const phone = await signIn("sessions@malmo.se", "a-long-password", IPHONE);
    const page = await (await here.get("/account/security")).text();
    expect(page).toContain("Firefox on Windows");
    expect(page).toContain("Safari on iOS");
    expect(page).toContain("This computer (local)");
    const done = await here.submitForm("/account/security", { intent: "sign-out-others" });
    expect(await done.text()).toContain("Signed out of 1 other session.");
    expect((await phone.get("/account/security")).status).toBe(302);
    expect((await here.get("/account/security")).status).toBe(200);
  });

  it("describes devices and places coarsely", () => {
    expect(describeDevice(null)).toBe("Unknown device");
    expect(approximatePlace("203.0.113.77")).toBe("Network 203.0.113.x");
    expect(approximatePlace("192.168.1.4")).toBe("Private network (192.168.x.x)");
    expect(approximatePlace("2001:db8:1234:5678::1")).toBe("Network 2001:db8:1234::/48");
  });
});
