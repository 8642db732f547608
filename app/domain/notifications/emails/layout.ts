// The shared layout of every email: what an email says about its event (`emailEvent`), the
// blocks a template is made of, and the two renderings of those blocks. Each template (one file
// per capability beside this one) describes its content once as a list of blocks; one renderer
// turns the blocks into plain text and another into HTML, so the two versions never drift apart
// and all escaping happens in one place. Times are always shown in the event's own time zone,
// with its abbreviation, because attendees travel across Europe's zones to our events.
// Templates take plain data and return { subject, text, html? }: they never read the database,
// so the notifications capability depends on no capability that sends email.

import { eventPageUrl } from "~/domain/kernel/links.server";
import { singleLine } from "~/domain/kernel/text";
import { formatRange } from "~/domain/kernel/time/zoned";
import { intlLocale, toLanguage, type Language } from "~/domain/kernel/i18n/languages";
import { createT } from "~/domain/kernel/i18n/translate";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** What every email says about the event. */
export interface EmailEvent {
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of the event, e.g. Europe/Lisbon. */
  timeZone: string;
  venueName?: string | null;
  venueAddress?: string | null;
  city?: string | null;
  onlineUrl?: string | null;
  /** Absolute link to the event page. */
  url: string;
}

export interface Recipient {
  attendeeName: string;
  event: EmailEvent;
  /** The recipient's language (User.locale); English when missing or unknown. */
  language?: string | null;
}

/** The recipient's language as a shipped one, and its Intl locale for dates and money. */
export function emailLanguage(language: string | null | undefined): { language: Language; locale: string } {
  const lang = toLanguage(language) ?? "en";
  return { language: lang, locale: intlLocale(lang) };
}

export const NETWORK_NAME = "SCALE — European Smart and Lighthouse Cities";
export const SIGN_OFF = "Warm regards,\nThe SCALE Events team";

/** The event columns an email needs, as selected from the database. */
export interface EmailEventRow {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string | null;
  venueAddress: string | null;
  city: string | null;
  mode?: string;
  onlineUrl?: string | null;
}

/** The event block of an email from its row: the online link only for online and hybrid events. */
export function emailEvent(event: EmailEventRow): EmailEvent {
  return {
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    city: event.city,
    onlineUrl: event.mode === "ONLINE" || event.mode === "HYBRID" ? (event.onlineUrl ?? null) : null,
    url: eventPageUrl(event.slug),
  };
}

// ───────────────────────────── small pure helpers ─────────────────────────────

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/**
 * Links in our emails are built by the app and must be absolute http(s) URLs; anything else
 * (a `javascript:` URL, a relative path that means nothing in a mail client) is a bug upstream,
 * so it fails loudly instead of being sent.
 */
function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Email links must be absolute URLs, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error(`Email links must be http(s), got ${parsed.protocol}`);
  return parsed.toString();
}

export function whereText(event: EmailEvent, language?: string | null): string {
  const t = createT(language);
  const place = [event.venueName, event.venueAddress, event.city].filter((part): part is string => Boolean(part && part.trim())).join(", ");
  if (place && event.onlineUrl) return t("emails.placeAndOnline", { place });
  if (place) return place;
  if (event.onlineUrl) return t("emails.onlineOnPage");
  return t("emails.detailsOnPage");
}

// ───────────────────────────── blocks and their two renderings ─────────────────────────────

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "details"; rows: [label: string, value: string][] }
  | { kind: "highlight"; label: string; value: string; isCode?: boolean }
  | { kind: "quote"; attribution: string; text: string }
  | { kind: "action"; label: string; url: string };

export interface EmailDraft {
  subject: string;
  /** Shown by many mail clients beside the subject; kept out of sight in the body. */
  preview: string;
  attendeeName: string;
  blocks: Block[];
  /** Greeting, sign-off and `<html lang>`; English when missing or unknown. */
  language?: string | null;
}

/** Event, when (in the event's zone, naming it) and where, in the recipient's language. */
export function eventDetails(event: EmailEvent, language?: string | null): Block {
  const t = createT(language);
  const { locale } = emailLanguage(language);
  return {
    kind: "details",
    rows: [
      [t("emails.event"), event.title],
      [t("emails.when"), `${formatRange(event.startsAt, event.endsAt, event.timeZone, locale)} (${event.timeZone.replace(/_/g, " ")})`],
      [t("emails.where"), whereText(event, language)],
    ],
  };
}

function renderText(draft: EmailDraft): string {
  const t = createT(draft.language);
  const parts: string[] = [t("emails.hello", { name: draft.attendeeName })];
  for (const block of draft.blocks) {
    switch (block.kind) {
      case "paragraph":
        parts.push(block.text);
        break;
      case "details":
        parts.push(block.rows.map(([label, value]) => `${label}: ${value}`).join("\n"));
        break;
      case "highlight":
        parts.push(`${block.label}: ${block.value}`);
        break;
      case "quote":
        parts.push(
          `${block.attribution}:\n${block.text
            .split(/\r?\n/)
            .map((line) => `> ${line}`)
            .join("\n")}`,
        );
        break;
      case "action":
        parts.push(`${block.label}: ${block.url}`);
        break;
    }
  }
  parts.push(t("emails.signOff"), `--\n${t("emails.network")}`);
  return `${parts.join("\n\n")}\n`;
}

const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");

function renderHtml(draft: EmailDraft): string {
  const t = createT(draft.language);
  const body = draft.blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return `<p style="margin:0 0 16px">${multiline(block.text)}</p>`;
      case "details":
        return `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${block.rows
          .map(
            ([label, value]) =>
              `<tr><th align="left" style="padding:4px 16px 4px 0;color:#4b5563;font-weight:600;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
          )
          .join("")}</table>`;
      case "highlight":
        return `<p style="margin:0 0 16px;padding:12px 16px;background:#eff6ff;border-radius:6px">${escapeHtml(block.label)}: <strong style="${block.isCode ? "font-family:monospace;font-size:18px;letter-spacing:1px" : "font-size:16px"}">${escapeHtml(block.value)}</strong></p>`;
      case "quote":
        return `<p style="margin:0 0 8px">${escapeHtml(block.attribution)}:</p><blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #93c5fd;color:#1f2937">${multiline(block.text)}</blockquote>`;
      case "action":
        return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(block.label)}</a></p>`;
    }
  });
  return [
    "<!doctype html>",
    `<html lang="${emailLanguage(draft.language).language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(draft.subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#111827">`,
    `<span style="display:none;max-height:0;overflow:hidden">${escapeHtml(draft.preview)}</span>`,
    `<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">`,
    `<p style="margin:0 0 24px;font-weight:700;color:#1d4ed8;letter-spacing:1px">SCALE EVENTS</p>`,
    `<p style="margin:0 0 16px">${escapeHtml(t("emails.hello", { name: draft.attendeeName }))}</p>`,
    ...body,
    `<p style="margin:24px 0 0">${multiline(t("emails.signOff"))}</p>`,
    `</div>`,
    `<p style="max-width:600px;margin:16px auto 0;text-align:center;font-size:12px;color:#6b7280">${escapeHtml(t("emails.network"))}</p>`,
    `</body></html>`,
  ].join("\n");
}

export function render(draft: EmailDraft): EmailContent {
  const safeDraft: EmailDraft = {
    ...draft,
    subject: singleLine(draft.subject),
    blocks: draft.blocks.map((block) => (block.kind === "action" ? { ...block, url: checkedUrl(block.url) } : block)),
  };
  return { subject: safeDraft.subject, text: renderText(safeDraft), html: renderHtml(safeDraft) };
}
