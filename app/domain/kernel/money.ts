// Money is whole cents with an ISO currency everywhere (ticket prices, payments, refunds): read
// from what organisers type ("25", "25.50", "25,50" — European keyboards use the comma) and
// written for people ("€25.50") here.

/** Cents for a typed amount; undefined for an empty field; null when it is not an amount. */
export function parseMoneyInput(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(trimmed);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** A ticket price as organisers type it: "45", "45.5", "45,50", "€ 1 200.00" → cents; "" → 0 (free). */
export function parsePriceCents(value: unknown): number | null {
  if (value === undefined || value === null) return 0;
  const text = String(value).replace(/[€\s]/g, "").replace(",", ".");
  if (text === "") return 0;
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * "€1,234.56" for 123456 cents of EUR (any ISO currency, any case), in an Intl locale
 * ("fr-FR" → "1 234,56 €"; intlLocale() of kernel/i18n gives a language's).
 */
export function formatMoney(cents: number, currency: string, locale = "en-GB"): string {
  const key = `${locale}|${currency.toUpperCase()}`;
  let format = moneyFormats.get(key);
  if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() })));
  // Intl separates thousands with narrow no-break spaces in some locales; plain no-break spaces
  // read the same and survive every mail client.
  return format.format(cents / 100).replace(/\u202f/g, "\u00a0");
}
