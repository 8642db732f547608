// Web addresses people type (online meeting links, join links, recordings, slides) end up as
// links on other people's pages, in emails and in calendar files, so only http(s) addresses are
// accepted: a javascript: or data: link would run in the page of whoever clicks it.
import { z } from "zod";

export const WEB_ADDRESS_MESSAGE = "Enter a full web address starting with https://.";
export const WEB_ADDRESS_TOO_LONG = "That web address is too long.";
export const WEB_ADDRESS_MAX = 2_000;

const webAddress = z.url({ protocol: /^https?$/, error: WEB_ADDRESS_MESSAGE }).max(WEB_ADDRESS_MAX, WEB_ADDRESS_TOO_LONG);

/** True for an http(s) address of at most WEB_ADDRESS_MAX characters. */
export function isWebAddress(value: unknown): value is string {
  return webAddress.safeParse(value).success;
}

/** The message for a bad address, or null when `value` is empty or a valid web address. */
export function webAddressProblem(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = webAddress.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? WEB_ADDRESS_MESSAGE);
}

/** A form field: blank means "no address" (null); anything else must be an http(s) address. */
export const optionalWebAddress = z.preprocess(
  (value) => (value === undefined || value === null ? null : typeof value === "string" ? value.trim() || null : value),
  webAddress.nullable(),
);
