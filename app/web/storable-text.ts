// PostgreSQL text cannot hold the NUL character (U+0000): a value carrying one fails the query.
// Every boundary (addresses, forms, socket payloads) refuses it before anything is written.

export const hasNul = (text: string): boolean => text.includes("\u0000");

/** The path of the first string inside `value` that holds a NUL ("" for the value itself), or null. */
export function findNul(value: unknown, path = ""): string | null {
  if (typeof value === "string") return hasNul(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, path ? `${path}.${index}` : String(index));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (hasNul(key)) return path || key.replace(/\u0000/g, "");
      const found = findNul(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

export const NUL_MESSAGE = "This text contains a NUL character, which cannot be stored.";
