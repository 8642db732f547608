// The second step of signing in, and the rule that staff pages need a second factor.
// After the password, a person with two-factor on gets no session yet: a short-lived
// SIGN_IN_SECOND_FACTOR token (the one token primitive) in an httpOnly cookie names the pending
// sign-in, and /signin/code turns it into a session once a code matches.
import { createCookie, redirect } from "@remix-run/node";
import type { SessionUser } from "~/domain/accounts/sessions.server";
import { consumeToken, issueToken, peekToken } from "~/domain/kernel/tokens.server";
import { requiresTwoFactor } from "~/domain/accounts/two-factor.server";
import { db } from "~/platform/db.server";
import { servedOverHttps } from "~/platform/env.server";

export const SECOND_STEP_TTL_MS = 10 * 60_000;

function pendingCookie() {
  return createCookie("scale_2fa", { httpOnly: true, sameSite: "lax", secure: servedOverHttps(), path: "/signin", maxAge: SECOND_STEP_TTL_MS / 1000 });
}

/** After a correct password: the response that asks for the code instead of signing in. */
export async function beginSecondStep(userId: string, redirectTo: string): Promise<Response> {
  const token = await issueToken(db(), { userId, purpose: "SIGN_IN_SECOND_FACTOR", ttlMs: SECOND_STEP_TTL_MS });
  return redirect(`/signin/code?redirectTo=${encodeURIComponent(redirectTo)}`, { headers: { "Set-Cookie": await pendingCookie().serialize(token) } });
}

async function pendingToken(request: Request): Promise<string | null> {
  const value = await pendingCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/** Whose sign-in is waiting for a code (null when none, or it expired). */
export async function pendingSignIn(request: Request): Promise<string | null> {
  return (await peekToken("SIGN_IN_SECOND_FACTOR", await pendingToken(request)))?.userId ?? null;
}

/** Uses the pending sign-in once (after the code matched); null if another request used it first. */
export async function completeSecondStep(request: Request): Promise<{ userId: string; clearCookie: string } | null> {
  const used = await consumeToken(db(), "SIGN_IN_SECOND_FACTOR", await pendingToken(request));
  return used ? { userId: used.userId, clearCookie: await pendingCookie().serialize("", { maxAge: 0 }) } : null;
}

const STAFF_AREAS = /^\/(organise|admin)(\/|$)/;

/**
 * Organisers and admins enrol before organiser or admin pages (loaders and actions alike, as
 * every such route asks requireUser who is there).
 */
export async function requireStaffSecondFactor(request: Request, user: SessionUser): Promise<void> {
  const path = new URL(request.url).pathname;
  if (!STAFF_AREAS.test(path) || !requiresTwoFactor(user.roles)) return;
  if (user.twoFactor) return;
  throw redirect(`/account/two-factor?required=1&redirectTo=${encodeURIComponent(path)}`);
}
