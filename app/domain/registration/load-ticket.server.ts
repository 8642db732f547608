// Step 1 of registering: the ticket type, its event and the event's questions, in one query,
// refused unless the ticket type belongs to the event in the URL (a tampered id of another
// event's ticket type is simply "not found") and is on sale to this person now.
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import type { AttendanceMode, EventKind, EventStatus, PaymentMethod } from "~/generated/prisma/enums";
import type { RegistrationQuestionRule } from "./answers";
import { checkTicketAvailability } from "./ticket-rules";
import { isUuid } from "~/domain/kernel/ids";
import { singleFlight } from "~/domain/kernel/single-flight";

export { isUuid };

export const registrationEventSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  defaultLanguage: true,
  translations: true,
  status: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  city: true,
  country: true,
  mode: true,
  onlineUrl: true,
  sequence: true,
  updatedAt: true,
} as const;

export interface TicketTypeForRegistration {
  id: string;
  eventId: string;
  name: string;
  priceCents: number;
  currency: string;
  capacity: number | null;
  taken: number;
  salesStartAt: Date | null;
  salesEndAt: Date | null;
  perPersonLimit: number;
  requiresApproval: boolean;
  hidden: boolean;
  accessCode: string | null;
  paymentMethods: PaymentMethod[];
  refundUntilHours: number | null;
  event: {
    id: string;
    slug: string;
    title: string;
    summary: string;
    status: EventStatus;
    kind: EventKind;
    timeZone: string;
    startsAt: Date;
    endsAt: Date;
    venueName: string | null;
    venueAddress: string | null;
    city: string | null;
    country: string | null;
    mode: AttendanceMode;
    onlineUrl: string | null;
    sequence: number;
    updatedAt: Date;
    questions: RegistrationQuestionRule[];
  };
}

type Row = Omit<TicketTypeForRegistration, "event"> & {
  [K in keyof TicketTypeForRegistration["event"] as `e_${K & string}`]: TicketTypeForRegistration["event"][K];
};

/**
 * One round trip (this is the hot path of a registration rush): the ticket type, its event and
 * the event's questions, only when the ticket type belongs to the event of the URL.
 */
export const loadTicketTypeForRegistration: (eventSlug: string, ticketTypeId: string) => Promise<TicketTypeForRegistration> = singleFlight(
  // Attempts that arrive while the same ticket type is being read share that read.
  (eventSlug, ticketTypeId) => `${ticketTypeId}\u0000${eventSlug}`,
  readTicketType,
);

async function readTicketType(eventSlug: string, ticketTypeId: string): Promise<TicketTypeForRegistration> {
  if (!isUuid(ticketTypeId))
    throw new DomainError("NOT_FOUND", "Please choose one of this event's tickets.", { fieldErrors: { ticketTypeId: "Please choose a ticket." } });
  const [row] = await db().$queryRaw<Row[]>`
    SELECT t."id", t."eventId", t."name", t."priceCents", t."currency", t."capacity", t."taken", t."salesStartAt", t."salesEndAt",
      t."perPersonLimit", t."requiresApproval", t."hidden", t."accessCode", t."paymentMethods"::text[] AS "paymentMethods", t."refundUntilHours",
      e."id" AS "e_id", e."slug" AS "e_slug", e."title" AS "e_title", e."summary" AS "e_summary", e."status"::text AS "e_status", e."kind"::text AS "e_kind",
      e."timeZone" AS "e_timeZone", e."startsAt" AS "e_startsAt", e."endsAt" AS "e_endsAt", e."venueName" AS "e_venueName",
      e."venueAddress" AS "e_venueAddress", e."city" AS "e_city", e."country" AS "e_country", e."mode"::text AS "e_mode",
      e."onlineUrl" AS "e_onlineUrl", e."sequence" AS "e_sequence", e."updatedAt" AS "e_updatedAt",
      COALESCE((
        SELECT jsonb_agg(jsonb_build_object('id', q."id", 'label', q."label", 'kind', q."kind", 'options', to_jsonb(q."options"), 'required', q."required") ORDER BY q."position", q."createdAt")
        FROM "RegistrationQuestion" q WHERE q."eventId" = e."id"
      ), '[]'::jsonb) AS "e_questions"
    FROM "TicketType" t JOIN "Event" e ON e."id" = t."eventId"
    WHERE t."id" = ${ticketTypeId}::uuid AND e."slug" = ${eventSlug}`;
  if (!row)
    throw new DomainError("NOT_FOUND", "That ticket is not available for this event.", {
      fieldErrors: { ticketTypeId: "Please choose one of this event's tickets." },
    });
  const ticketType: Record<string, unknown> = {};
  const event: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith("e_")) event[key.slice(2)] = value;
    else ticketType[key] = value;
  }
  return { ...(ticketType as Omit<TicketTypeForRegistration, "event">), event: event as TicketTypeForRegistration["event"] };
}

/** Is the event open and the ticket type on sale to this person (access code, window, limit)? */
export function assertOnSale(ticketType: TicketTypeForRegistration, request: { now: Date; accessCode?: string | null; quantity: number }): void {
  const event = ticketType.event;
  if (event.status === "CANCELLED") throw new DomainError("SALES_CLOSED", "This event has been cancelled.");
  if (event.status !== "PUBLISHED") throw new DomainError("SALES_CLOSED", "Registration for this event is not open.");
  if (request.now >= event.endsAt) throw new DomainError("SALES_CLOSED", "This event is over.");
  const availability = checkTicketAvailability(ticketType, { now: request.now, accessCode: request.accessCode, quantity: request.quantity });
  if (!availability.ok) {
    const field = availability.code === "HIDDEN_NEEDS_CODE" || availability.code === "WRONG_ACCESS_CODE" ? "accessCode" : "ticketTypeId";
    throw new DomainError(availability.code, availability.message, { fieldErrors: { [field]: availability.message } });
  }
}
