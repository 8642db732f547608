// The organiser's forms (ticket types, questions) as zod schemas. Pure: times typed in the
// event's zone are turned into instants with the zone helpers; prices in euros become cents.
import { z } from "zod";
import { parsePriceCents } from "~/domain/kernel/money";
import { fromWallTime, parseLocalDateTime } from "~/domain/kernel/time/zoned";

const checkbox = z.preprocess((v) => (Array.isArray(v) ? v.includes("on") || v.includes("true") : v === "on" || v === "true" || v === true), z.boolean());

const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v === undefined ? null : typeof v === "string" ? Number(v.trim()) : v),
    z
      .number({ error: `${label} must be a whole number.` })
      .int({ error: `${label} must be a whole number.` })
      .min(min, { error: `${label} must be at least ${min}.` })
      .max(max, { error: `${label} must be at most ${max.toLocaleString("en-GB")}.` })
      .nullable(),
  );

function localDateTime(label: string) {
  return z
    .preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null), z.string().nullable())
    .superRefine((v, ctx) => {
      if (v !== null && parseLocalDateTime(v) === null) ctx.addIssue({ code: "custom", message: `${label}: use a date and time like 2026-03-01 09:00.` });
    });
}

export const PAYMENT_METHODS = ["STRIPE", "INVOICE"] as const;

/**
 * Shortest access code an organiser may set. Codes are compared case-insensitively, so six
 * characters of [a-z0-9_-] leave about 2 × 10⁹ codes — with code attempts rate-limited
 * (access-codes.server.ts), far beyond guessing.
 */
export const ACCESS_CODE_MIN_LENGTH = 6;

export const ticketTypeFormSchema = z
  .object({
    name: z
      .string({ error: "Give the ticket a name." })
      .trim()
      .min(1, { error: "Give the ticket a name." })
      .max(120, { error: "Keep the name under 120 characters." }),
    description: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null),
      z.string().max(1000, { error: "Keep the description under 1,000 characters." }).nullable(),
    ),
    price: z.unknown().transform((v, ctx) => {
      const cents = parsePriceCents(v);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "Enter a price in euros, e.g. 45 or 45.50 (0 or empty for free)." });
        return z.NEVER;
      }
      return cents;
    }),
    capacity: optionalInt("Capacity", 1, 1_000_000),
    salesStartAt: localDateTime("Sales open"),
    salesEndAt: localDateTime("Sales close"),
    perPersonLimit: optionalInt("Tickets per person", 1, 1).transform((v) => v ?? 1),
    requiresApproval: checkbox,
    hidden: checkbox,
    accessCode: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null),
      z
        .string()
        .min(ACCESS_CODE_MIN_LENGTH, { error: `Use at least ${ACCESS_CODE_MIN_LENGTH} characters, so the code cannot be guessed.` })
        .max(64, { error: "Keep the access code under 64 characters." })
        .regex(/^[A-Za-z0-9_-]+$/, { error: "Use letters, digits, - and _ only." })
        .nullable(),
    ),
    paymentMethods: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(PAYMENT_METHODS, { error: "Unknown payment method." })),
    ),
    refundUntilHours: optionalInt("Refund until (hours before start)", 0, 24 * 365),
  })
  .superRefine((v, ctx) => {
    if (v.hidden && !v.accessCode)
      ctx.addIssue({ code: "custom", path: ["accessCode"], message: "A hidden ticket needs an access code, or nobody can reach it." });
    if (v.price > 0 && v.paymentMethods.length === 0)
      ctx.addIssue({ code: "custom", path: ["paymentMethods"], message: "Choose at least one way to pay for a priced ticket." });
  });

export type TicketTypeForm = z.infer<typeof ticketTypeFormSchema>;

/** The form values as TicketType columns, with local times read in the event's zone. */
export function ticketTypeData(form: TicketTypeForm, timeZone: string) {
  const at = (value: string | null) => (value === null ? null : fromWallTime(parseLocalDateTime(value)!, timeZone));
  const salesStartAt = at(form.salesStartAt);
  const salesEndAt = at(form.salesEndAt);
  return {
    name: form.name,
    description: form.description,
    priceCents: form.price,
    capacity: form.capacity,
    salesStartAt,
    salesEndAt,
    perPersonLimit: form.perPersonLimit,
    requiresApproval: form.requiresApproval,
    hidden: form.hidden,
    accessCode: form.accessCode,
    paymentMethods: form.price > 0 ? [...new Set(form.paymentMethods)] : [],
    refundUntilHours: form.refundUntilHours,
  };
}

export const QUESTION_KINDS = ["SHORT_TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "CHECKBOX"] as const;

export const QUESTION_KIND_LABELS: Record<(typeof QUESTION_KINDS)[number], string> = {
  SHORT_TEXT: "Short text",
  LONG_TEXT: "Long text",
  SINGLE_CHOICE: "Single choice",
  MULTIPLE_CHOICE: "Multiple choice",
  CHECKBOX: "Checkbox (e.g. consent)",
};

export const questionFormSchema = z
  .object({
    label: z
      .string({ error: "Write the question." })
      .trim()
      .min(1, { error: "Write the question." })
      .max(300, { error: "Keep the question under 300 characters." }),
    kind: z.enum(QUESTION_KINDS, { error: "Choose a kind of answer." }),
    options: z.preprocess(
      (v) =>
        typeof v === "string"
          ? [
              ...new Set(
                v
                  .split(/\r?\n/)
                  .map((line) => line.trim())
                  .filter(Boolean),
              ),
            ]
          : [],
      z.array(z.string().max(200, { error: "Keep each option under 200 characters." })).max(50, { error: "At most 50 options." }),
    ),
    required: checkbox,
  })
  .superRefine((v, ctx) => {
    const choice = v.kind === "SINGLE_CHOICE" || v.kind === "MULTIPLE_CHOICE";
    if (choice && v.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Give at least two options, one per line." });
  })
  .transform((v) => ({ ...v, options: v.kind === "SINGLE_CHOICE" || v.kind === "MULTIPLE_CHOICE" ? v.options : [] }));

export type QuestionForm = z.infer<typeof questionFormSchema>;
