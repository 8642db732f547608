// A minimal cookie-keeping HTTP client for integration tests: behaves like a browser without
// JavaScript (forms posted as application/x-www-form-urlencoded, redirects not followed).
import { DEMO_PASSWORD } from "../../prisma/seed";

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
  return client;
}
