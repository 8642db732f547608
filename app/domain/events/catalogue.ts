// The public catalogue's filters: parsed from the query string, tolerant of junk (a bad
// filter is dropped, not an error page), so shared links never break.
import { z } from "zod";
import { EVENT_KINDS, THEMES, type EventKindName, type ThemeName } from "~/domain/kernel/vocabulary";

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

export interface CatalogueFilters {
  kind?: EventKindName;
  theme?: ThemeName;
  country?: string;
  from?: string;
  to?: string;
  q?: string;
  /** Include events that already ended. */
  past: boolean;
}

function pick<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null || value === "") return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function parseCatalogueFilters(params: URLSearchParams): CatalogueFilters {
  return {
    kind: pick(z.enum(EVENT_KINDS), params.get("kind")),
    theme: pick(z.enum(THEMES), params.get("theme")),
    country: pick(
      z
        .string()
        .regex(/^[A-Za-z]{2}$/)
        .transform((c) => c.toUpperCase()),
      params.get("country"),
    ),
    from: pick(dateOnly, params.get("from")),
    to: pick(dateOnly, params.get("to")),
    q: pick(z.string().trim().min(1).max(100), params.get("q")),
    past: params.get("past") === "1",
  };
}
