// How form fields arrive, as zod schemas for the forms' own schemas to build on. readForm hands a
// schema one plain object per form: a field sent once is a string, a field sent several times
// (checkboxes) an array, a missing field undefined. Pure, so the browser bundle can bind to them.
import { z } from "zod";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A text field as FormData.get reads it: its first value, "" when it is missing. */
export const textField = z.preprocess((value) => {
  const first = firstValue(value);
  return typeof first === "string" ? first : "";
}, z.string());

/** A text field that may be missing (undefined), so the rules can tell "absent" from "blank". */
export const optionalTextField = z.preprocess((value) => {
  const first = firstValue(value);
  return typeof first === "string" ? first : undefined;
}, z.string().optional());

/** Checkboxes (or a repeated field): every value sent, none when nothing is ticked. */
export const listField = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((item) => typeof item === "string"),
  z.array(z.string()),
);

/**
 * A form that falls back to `fallback` when its intent is missing or unknown, for pages whose
 * main form posts no intent (older forms, scripts).
 */
export function withDefaultIntent(intents: readonly string[], fallback: string) {
  return (raw: unknown) => {
    if (!raw || typeof raw !== "object") return raw;
    const intent = (raw as { intent?: unknown }).intent;
    return intents.includes(intent as string) ? raw : { ...raw, intent: fallback };
  };
}
