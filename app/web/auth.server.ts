// Who is asking: the session cookie → the signed-in user. Shared by Remix loaders/actions and
// the Socket.IO handshake, so pages and sockets authenticate the same way.
import { createCookie, redirect } from "@remix-run/node";
import { createSession, destroySession, findSessionUser, hashSessionToken, type SessionUser } from "~/domain/accounts/sessions.server";
import { hasRole } from "~/domain/accounts/accounts.server";
import { DomainError } from "~/domain/kernel/errors";
import type { z } from "zod";
import { env, servedOverHttps } from "~/platform/env.server";
import { clientIp, domainFailure, formFailure, readForm } from "./forms.server";
import { requireStaffSecondFactor } from "./second-factor.server";

export const SESSION_COOKIE_NAME = "scale_sid";

function sessionCookie() {
  return createCookie(SESSION_COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    secure: servedOverHttps(),
    path: "/",
    maxAge: env().SESSION_DAYS * 86_400,
  });
}

export async function sessionTokenFromCookieHeader(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const value = await sessionCookie().parse(cookieHeader);
  return typeof value === "string" ? value : null;
}

/** The signed-in person of a Cookie header (pages, and the server's cache of their rendered copies). */
export async function userFromCookieHeader(cookieHeader: string | null | undefined): Promise<SessionUser | null> {
  return findSessionUser(await sessionTokenFromCookieHeader(cookieHeader));
}

// One session lookup per request: the root loader and the page's loader (and any action) all
// ask; they share the answer for the same Request object (README "Speed").
const usersOfRequests = new WeakMap<Request, Promise<SessionUser | null>>();

export function getUser(request: Request): Promise<SessionUser | null> {
  let user = usersOfRequests.get(request);
  if (!user) {
    user = userFromCookieHeader(request.headers.get("Cookie"));
    usersOfRequests.set(request, user);
  }
  return user;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/signin?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  await requireStaffSecondFactor(request, user);
  return user;
}

export async function requireRole(request: Request, ...roles: SessionUser["roles"]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasRole(user, ...roles)) throw new DomainError("FORBIDDEN", "You do not have access to this page.");
  return user;
}

/** Starts a session and redirects, rotating any previous session id (no fixation). */
export async function startSession(request: Request, userId: string, redirectTo: string): Promise<Response> {
  await destroySession(await sessionTokenFromCookieHeader(request.headers.get("Cookie")));
  const { token } = await createSession(userId, env().SESSION_DAYS, request.headers.get("User-Agent"), clientIp(request));
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await sessionCookie().serialize(token) } });
}

/**
 * The sign-in and sign-up actions: read the form, act, then start a session and go on to
 * `redirectTo`, or answer with what went wrong and the values to show again (never the password).
 */
export async function accountFormAction<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  options: { echo: (data: z.infer<Schema>) => Record<string, string>; act: (data: z.infer<Schema>) => Promise<{ id: string }> },
) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/events");
  let values: Record<string, string> = {};
  try {
    const form = await readForm(request, schema);
    if (!form.ok) return formFailure(form);
    values = options.echo(form.data);
    const user = await options.act(form.data);
    return startSession(request, user.id, redirectTo);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error, values);
  }
}

export async function endSession(request: Request): Promise<Response> {
  await destroySession(await sessionTokenFromCookieHeader(request.headers.get("Cookie")));
  return redirect("/", { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } });
}

/** A redirect that also clears the session cookie (after the sessions were ended in the domain). */
export async function redirectSignedOut(to: string): Promise<Response> {
  return redirect(safeRedirect(to), { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } });
}

/** Only same-site paths: "/events?x" yes; "//evil.example", "https://…" no. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** The SHA-256 id of the session the request carries (to keep it when ending the others). */
export async function currentSessionHash(request: Request): Promise<string | null> {
  const token = await sessionTokenFromCookieHeader(request.headers.get("Cookie"));
  return token ? hashSessionToken(token) : null;
}
