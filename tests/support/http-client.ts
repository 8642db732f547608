// A minimal cookie-keeping HTTP client for integration tests: behaves like a browser without
// JavaScript (forms posted as application/x-www-form-urlencoded, redirects not followed).
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../prisma/seed";
import { totpCode } from "~/domain/accounts/totp";
import { db } from "~/platform/db.server";

export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    const response = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string) {
    return this.request(path);
  }

  /** GETs the page first (as a browser would), then posts the form with the CSRF token. */
  /** The CSRF cookie's token; over https it is the `__Host-` prefixed cookie. */
  csrfToken(): string | null {
    const value = this.cookies.get("__Host-scale_csrf") ?? this.cookies.get("scale_csrf");
    return value === undefined ? null : decodeURIComponent(value);
  }

  async submitForm(path: string, fields: Record<string, string>, options: { csrf?: boolean } = {}): Promise<Response> {
    if (!this.csrfToken()) await this.get(path);
    // A public page from the shared cache sets no cookie: its forms fetch the token, as here.
    if (!this.csrfToken()) await this.get("/csrf-token");
    const body = new URLSearchParams(fields);
    if (options.csrf !== false) body.set("_csrf", this.csrfToken() ?? "");
    return this.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: this.baseUrl },
      body,
    });
  }
}

/** A client signed in as a demo user (seeded password), for tests of signed-in pages. */
export async function signedInClient(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  const response = await client.submitForm("/signin", { email, password });
  if (response.status !== 302) throw new Error(`signing in as ${email} answered ${response.status}`);
  const user = await db().user.findUniqueOrThrow({
    where: { email: email.toLowerCase() },
    select: { id: true, roles: true, totpSecret: true, totpEnabledAt: true },
  });
  if (response.headers.get("location")?.startsWith("/signin/code")) {
    // The second step, as a person with the app would. Every sign-in of a test run shares the
    // demo secret, so the replay guard (tested on its own) is reset to let this step's code pass.
    // Likewise its per-person attempt limit, which a file's many sign-ins as one demo user would pass.
    await db().user.update({ where: { id: user.id }, data: { totpLastStep: null } });
    await db().rateLimitBucket.deleteMany({ where: { key: `totp:${user.id}` } });
    const code = await client.submitForm(response.headers.get("location")!, { code: totpCode(user.totpSecret!, new Date()) });
    if (code.status !== 302) throw new Error(`the second step for ${email} answered ${code.status}`);
  } else if (!user.totpEnabledAt && user.roles.some((role) => role === "ORGANISER" || role === "ADMIN")) {
    // Staff made by test fixtures enrol as the seed's demo staff are, so staff pages open.
    await db().user.update({ where: { id: user.id }, data: { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } });
  }
  return client;
}
