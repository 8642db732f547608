// The shapes of the public REST API (/api/v1), written once in zod: the handlers validate their
// input with them and the OpenAPI document (openapi.ts) is generated from them, so the document
// cannot drift from what the API accepts and answers.
import { z } from "zod";
import { EVENT_KINDS, THEMES } from "~/domain/kernel/vocabulary";

const instant = (description: string) => z.string().meta({ format: "date-time", description });
const uuid = (description: string) => z.string().meta({ format: "uuid", description });

export const PAGE_LIMIT_MAX = 100;
export const PAGE_LIMIT_DEFAULT = 25;

/** Query of every list: an opaque cursor from the previous page's `next`, and a page size. */
export const pageQuery = z.object({
  cursor: z.string().max(200).optional().meta({ description: "Opaque: the `next` of the previous page." }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .default(PAGE_LIMIT_DEFAULT)
    .meta({ description: `Items per page (1–${PAGE_LIMIT_MAX}).` }),
});

export const eventListQuery = pageQuery.extend({
  kind: z.enum(EVENT_KINDS).optional(),
  theme: z.enum(THEMES).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "Use an ISO 3166-1 alpha-2 code such as PT.")
    .transform((value) => value.toUpperCase())
    .optional()
    .meta({ description: "ISO 3166-1 alpha-2 country code." }),
  city: z.string().trim().min(1).max(100).optional(),
  past: z.enum(["true", "false"]).optional().meta({ description: "Include events that already ended." }),
});
export type EventListQuery = z.infer<typeof eventListQuery>;

export const Event = z
  .object({
    id: uuid("Event id."),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    kind: z.enum(EVENT_KINDS),
    status: z.enum(["PUBLISHED", "CANCELLED"]),
    mode: z.enum(["IN_PERSON", "ONLINE", "HYBRID"]),
    timeZone: z.string().meta({ description: "IANA zone the event's times are shown in." }),
    startsAt: instant("Start (UTC)."),
    endsAt: instant("End (UTC)."),
    city: z.string().nullable(),
    country: z.string().nullable(),
    venueName: z.string().nullable(),
    themes: z.array(z.enum(THEMES)),
    url: z.string().meta({ format: "uri", description: "The event's public page." }),
  })
  .meta({ id: "Event", description: "A published (or cancelled) public event." });

export const Session = z
  .object({
    id: uuid("Session id."),
    title: z.string(),
    description: z.string(),
    format: z.string(),
    status: z.enum(["PUBLISHED", "CANCELLED"]),
    startsAt: instant("Start (UTC)."),
    endsAt: instant("End (UTC)."),
    track: z.string().nullable(),
    room: z.string().nullable(),
    themes: z.array(z.enum(THEMES)),
    speakers: z.array(z.object({ name: z.string(), affiliation: z.string().nullable() })),
  })
  .meta({ id: "Session", description: "A session of a published agenda." });

export const Stop = z
  .object({
    id: uuid("Stop id."),
    city: z.string(),
    country: z.string(),
    timeZone: z.string(),
    venueName: z.string().nullable(),
    startsAt: instant("Start (UTC)."),
    endsAt: instant("End (UTC)."),
  })
  .meta({ id: "Stop", description: "A stop of a roadshow." });

export const Registration = z
  .object({
    id: uuid("Registration id."),
    status: z.string(),
    paymentStatus: z.string(),
    ticketType: z.string(),
    attendee: z.object({ name: z.string(), email: z.string(), organisation: z.string().nullable() }),
    createdAt: instant("When they registered."),
    checkedInAt: instant("When they were checked in.").nullable(),
  })
  .meta({ id: "Registration", description: "A registration (organiser token only)." });

export const CheckIn = z
  .object({
    registrationId: uuid("Registration id."),
    attendee: z.string(),
    ticketType: z.string(),
    checkedInAt: instant("When."),
  })
  .meta({ id: "CheckIn", description: "A check-in at the door." });

export const CheckInResult = z
  .object({
    result: z.enum(["CHECKED_IN", "ALREADY"]),
    checkIn: CheckIn,
  })
  .meta({ id: "CheckInResult", description: "The outcome of a check-in request." });

export const Meeting = z
  .object({
    id: uuid("Meeting id."),
    status: z.string(),
    startsAt: instant("Start (UTC)."),
    endsAt: instant("End (UTC)."),
    host: z.string(),
    guest: z.string(),
    meetingPoint: z.string().nullable(),
  })
  .meta({ id: "Meeting", description: "A 1:1 meeting at a roadshow stop (organiser token only)." });

export const checkInBody = z
  .object({ registrationId: z.string().uuid("Give the id of a registration of this event.") })
  .strict()
  .meta({ id: "CheckInRequest", description: "Check one registration in." });
export type CheckInBody = z.infer<typeof checkInBody>;

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ name: z.string(), detail: z.string() }))
      .optional()
      .meta({ description: "One entry per invalid field." }),
  })
  .meta({ id: "Problem", description: "An error, as RFC 9457 problem details (application/problem+json)." });

/** A page of items: `next` is the cursor of the following page, or null on the last one. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z.object({ data: z.array(item), next: z.string().nullable() }).meta({ id });
}

export const EventPage = pageOf(Event, "EventPage");
export const SessionPage = pageOf(Session, "SessionPage");
export const StopPage = pageOf(Stop, "StopPage");
export const RegistrationPage = pageOf(Registration, "RegistrationPage");
export const CheckInPage = pageOf(CheckIn, "CheckInPage");
export const MeetingPage = pageOf(Meeting, "MeetingPage");

export type ApiEvent = z.infer<typeof Event>;
export type ApiSession = z.infer<typeof Session>;
export type ApiStop = z.infer<typeof Stop>;
export type ApiRegistration = z.infer<typeof Registration>;
export type ApiCheckIn = z.infer<typeof CheckIn>;
export type ApiMeeting = z.infer<typeof Meeting>;
