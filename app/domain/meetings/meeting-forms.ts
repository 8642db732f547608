// The meeting pages' forms, one schema per intent, read by the routes through readForm (size cap +
// CSRF) and bound to the pages' fields. Pure: no server imports, so the browser bundle has them
// too (a schema assembled at a route's top level from *.server parts would be undefined there).
import { z } from "zod";
import { onlineUrlField } from "~/domain/kernel/online-url";

const text = (max: number) => z.string().max(max, `At most ${max} characters.`).optional();
const meetingId = text(64);
const onMeeting = <I extends string>(intent: I) => z.object({ intent: z.literal(intent), meetingId });

export const PREFERENCE_LEVELS = ["MUST_MEET", "WOULD_LIKE", "NO_THANKS", "NONE"] as const;

export const proposeForm = onMeeting("propose").extend({ startsAt: text(64) });
export const outcomeForm = onMeeting("outcome").extend({ followUp: z.string().optional(), nextStep: text(300), notes: text(2000) });
// A missing level is the domain's refusal ("Choose a preference."), like an unknown one here.
export const preferenceForm = z.object({
  intent: z.literal("preference"),
  toUserId: text(64),
  level: z.enum(PREFERENCE_LEVELS, { error: "Choose a preference." }).optional(),
});

/** The meeting actions the pages post (one small form per action). */
export const meetingActionForms = [
  z.object({ intent: z.literal("request"), stopId: text(64), hostId: text(64), startsAt: text(64), message: text(500) }),
  onMeeting("accept"),
  onMeeting("decline"),
  onMeeting("cancel"),
  proposeForm,
  onMeeting("accept-proposal"),
  onMeeting("reject-proposal"),
  outcomeForm,
  preferenceForm,
] as const;

export type MeetingAction = z.infer<(typeof meetingActionForms)[number]>;

/** The checkbox group as readForm gives it: absent (none ticked), one value, or several. */
export const attendanceFormSchema = z.object({
  intent: z.literal("attendance"),
  stopIds: z.union([z.string().max(64), z.array(z.string().max(64)).max(100, "Too many stops.")], { error: "Choose stops from the list." }).optional(),
});

/** The roadshow page: the stops a city or project attends, or any meeting action. */
export const roadshowActionSchema = z.discriminatedUnion("intent", [attendanceFormSchema, ...meetingActionForms], { error: "Unknown action." });

/** A host's stop page: publish or remove an availability window, or any meeting action. */
export const hostStopActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("publish"),
      start: z.string({ error: "Enter when the window starts." }).min(1, "Enter when the window starts."),
      end: z.string({ error: "Enter when the window ends." }).min(1, "Enter when the window ends."),
      slotMinutes: z.coerce.number({ error: "Enter the slot length in minutes." }).int("Whole minutes only."),
      bufferMinutes: z.coerce.number({ error: "Enter the pause in minutes." }).int("Whole minutes only."),
      onlineUrl: onlineUrlField,
    }),
    z.object({ intent: z.literal("remove-window"), availabilityId: z.string().max(64) }),
    ...meetingActionForms,
  ],
  { error: "Unknown action." },
);

/** The organiser's stop page: run and confirm the scheduler, no-shows, tables, hosts. */
export const stopOrganiserSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("run-scheduler") }),
    z.object({ intent: z.literal("confirm-schedule"), assignments: z.string().max(1_000_000) }),
    z.object({ intent: z.literal("no-show"), meetingId: z.string().max(64), noShow: z.enum(["yes", "no"]) }),
    z.object({
      intent: z.literal("add-table"),
      name: z.string().trim().min(1, "Give the table a name.").max(80, "At most 80 characters."),
      onlineUrl: onlineUrlField,
    }),
    z.object({ intent: z.literal("allow-host"), email: z.string().trim().email("Enter an e-mail address.") }),
  ],
  { error: "Unknown action." },
);

/** The scheduler's proposal as the confirm form carries it back (JSON in one hidden field). */
export const scheduleAssignmentsSchema = z
  .array(z.object({ hostId: z.string(), guestId: z.string(), startsAt: z.string(), meetingPointId: z.string() }))
  .max(5000);
