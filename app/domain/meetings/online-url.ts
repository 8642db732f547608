// Online meeting links (a host's online window, an organiser's online meeting point) end up as
// "Join online" links on both people's pages and in their invitations, so only http(s) web
// addresses are accepted: a javascript: or data: link would run in the page of whoever clicks it.
// The same rule as the agenda's session link (app/domain/agenda/session-input.ts), which keeps
// its copy inline.
import { z } from "zod";

export const ONLINE_URL_MESSAGE = "Enter a full web address starting with https://.";
export const ONLINE_URL_TOO_LONG = "That web address is too long.";
export const ONLINE_URL_MAX = 2_000;

const webAddress = z.url({ protocol: /^https?$/, error: ONLINE_URL_MESSAGE }).max(ONLINE_URL_MAX, ONLINE_URL_TOO_LONG);

/** True for an http(s) address of at most ONLINE_URL_MAX characters. */
export function isOnlineUrl(value: unknown): value is string {
  return webAddress.safeParse(value).success;
}

/** The message for a bad link, or null when `value` is empty or a valid web address. */
export function onlineUrlProblem(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = webAddress.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? ONLINE_URL_MESSAGE);
}

/** The form field: blank means "no link" (null); anything else must be an http(s) address. */
export const onlineUrlField = z.preprocess(
  (value) => (value === undefined || value === null ? null : typeof value === "string" ? value.trim() || null : value),
  webAddress.nullable(),
);
