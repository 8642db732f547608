// What people type into a directory's search box, turned into a PostgreSQL tsquery: words of
// letters and digits only (so nothing typed can be tsquery syntax), each matched as a prefix,
// all required. Pure, so the rule is tested without a database.

/** At most this many words are searched (the rest are ignored). */
export const MAX_SEARCH_WORDS = 8;

/** "Smart Kraków, e-mobility!" → "smart:* & kraków:* & e:* & mobility:*"; null when nothing is searchable. */
export function toPrefixTsQuery(text: string | null | undefined): string | null {
  if (!text) return null;
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_SEARCH_WORDS)
    .map((word) => word.slice(0, 40));
  return words.length === 0 ? null : words.map((word) => `${word}:*`).join(" & ");
}
