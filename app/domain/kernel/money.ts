// Amounts organisers type ("25", "25.50", "25,50" — European keyboards use the comma), in cents.

/** Cents for a typed amount; undefined for an empty field; null when it is not an amount. */
export function parseMoneyInput(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(trimmed);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}
