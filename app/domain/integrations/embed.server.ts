// The embeddable event list (/embed/events): upcoming public events for a partner's page,
// filtered by theme, kind and city. Filters are tolerant like the catalogue's: a bad value is
// dropped, so a pasted snippet never shows an error page.
import { z } from "zod";
import { EVENT_KINDS, KIND_LABELS, THEMES, THEME_LABELS, countryName } from "~/domain/kernel/vocabulary";
import { formatDateSpan } from "~/domain/kernel/time/zoned";
import { publicUrl } from "~/platform/env.server";
import { listPublicEvents } from "./api.server";

const filters = {
  theme: z.enum(THEMES),
  kind: z.enum(EVENT_KINDS),
  city: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50),
};

function pick<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null || value === "") return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export interface EmbedItem {
  title: string;
  url: string;
  when: string;
  where: string;
  kind: string;
  themes: string[];
  cancelled: boolean;
}

export async function embedEventList(params: URLSearchParams): Promise<{ heading: string; items: EmbedItem[]; moreUrl: string }> {
  const theme = pick(filters.theme, params.get("theme"));
  const kind = pick(filters.kind, params.get("kind"));
  const city = pick(filters.city, params.get("city"));
  const limit = pick(filters.limit, params.get("limit")) ?? 10;
  const page = await listPublicEvents({ theme, kind, city, limit });
  const more = new URLSearchParams();
  if (theme) more.set("theme", theme);
  if (kind) more.set("kind", kind);
  const parts = [kind ? `${KIND_LABELS[kind]}s` : "Events", theme ? `on ${THEME_LABELS[theme]}` : "", city ? `in ${city}` : ""].filter(Boolean);
  return {
    heading: `Upcoming SCALE ${parts
      .join(" ")
      .replace(/^Events/, "events")
      .replace(/^(\w)/, (c) => c.toLowerCase())}`,
    items: page.data.map((event) => ({
      title: event.title,
      url: event.url,
      when: formatDateSpan(new Date(event.startsAt), new Date(event.endsAt), event.timeZone),
      where:
        event.mode === "ONLINE" ? "Online" : [event.city, event.country ? countryName(event.country) : null].filter(Boolean).join(", ") || "To be announced",
      kind: KIND_LABELS[event.kind],
      themes: event.themes.map((t) => THEME_LABELS[t]),
      cancelled: event.status === "CANCELLED",
    })),
    moreUrl: `${publicUrl()}/events${more.size ? `?${more}` : ""}`,
  };
}

/** The snippet a partner pastes: a plain iframe, so no script of ours runs on their page. */
export function embedSnippet(query: { theme?: string; kind?: string; city?: string } = {}): string {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const src = `${publicUrl()}/embed/events${params.size ? `?${params}` : ""}`;
  return `<iframe src="${src.replace(/&/g, "&amp;")}" title="Upcoming SCALE events" width="100%" height="480" style="border:0" loading="lazy"></iframe>`;
}
