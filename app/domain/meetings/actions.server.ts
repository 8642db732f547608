// The meeting actions the pages post (one small form per action), dispatched by `intent`.
// Routes parse the form with meetingActionSchema (through readForm: size cap + CSRF) and map a
// DomainError to its status; this returns the success notice.
import { z } from "zod";
import { DomainError } from "~/domain/kernel/errors";
import type { Actor } from "./access.server";
import { attendanceFormSchema } from "./attendance.server";
import { onlineUrlField } from "~/domain/kernel/online-url";
import { cancelMeeting } from "./cancel.server";
import { recordOutcome } from "./outcomes.server";
import { setPreference } from "./preferences.server";
import { acceptProposal, proposeOtherSlot, rejectProposal } from "./propose.server";
import { requestMeeting } from "./request.server";
import { acceptMeeting, declineMeeting } from "./respond.server";

export const MEETING_INTENTS = ["request", "accept", "decline", "cancel", "propose", "accept-proposal", "reject-proposal", "outcome", "preference"] as const;

const text = (max: number) => z.string().max(max, `At most ${max} characters.`).optional();

export const meetingActionSchema = z.object({
  intent: z.enum(MEETING_INTENTS, { error: "Unknown action." }),
  meetingId: text(64),
  stopId: text(64),
  hostId: text(64),
  toUserId: text(64),
  startsAt: text(64),
  message: text(500),
  level: z.enum(["MUST_MEET", "WOULD_LIKE", "NO_THANKS", "NONE"], { error: "Choose a preference." }).optional(),
  followUp: z.string().optional(),
  nextStep: text(300),
  notes: text(2000),
});

export type MeetingAction = z.infer<typeof meetingActionSchema>;

export async function runMeetingAction(actor: Actor, slug: string, action: MeetingAction, now = new Date()): Promise<string> {
  switch (action.intent) {
    case "request": {
      const meeting = await requestMeeting(actor, { slug, stopId: action.stopId, hostId: action.hostId, startsAt: action.startsAt, message: action.message }, now);
      return `Request sent to ${meeting.host.name}. The slot is held for you until they answer.`;
    }
    case "accept": {
      const meeting = await acceptMeeting(actor, action.meetingId, now);
      return `Meeting with ${meeting.guest.name} confirmed. You both get a calendar invitation.`;
    }
    case "decline":
      await declineMeeting(actor, action.meetingId);
      return "Request declined; the slot is free again.";
    case "cancel": {
      const meeting = await cancelMeeting(actor, action.meetingId, now);
      return meeting.sequence > 0 ? "Meeting cancelled. Both calendars get the cancellation." : "Request withdrawn.";
    }
    case "propose":
      await proposeOtherSlot(actor, action.meetingId, action.startsAt, now);
      return "Proposal sent. The meeting keeps its current time until they accept.";
    case "accept-proposal":
      await acceptProposal(actor, action.meetingId, now);
      return "Meeting moved to the new time. Both calendars are updated.";
    case "reject-proposal":
      await rejectProposal(actor, action.meetingId);
      return "The meeting keeps its current time.";
    case "outcome":
      await recordOutcome(actor, action.meetingId, { followUp: action.followUp === "yes", nextStep: action.nextStep, notes: action.notes }, now);
      return "Outcome saved for your organisation.";
    case "preference":
      if (!action.level) throw new DomainError("VALIDATION", "Choose a preference.");
      await setPreference(actor, slug, action.toUserId, action.level);
      return action.level === "NONE" ? "Mark removed." : "Preference saved.";
  }
}

/**
 * The roadshow page's form: the stop choice (a checkbox group) or any meeting action. Defined
 * here, not in the route: a schema built at a route's top level from *.server parts would be
 * undefined in the browser bundle and break the page's JavaScript.
 */
export const roadshowActionSchema = z.discriminatedUnion("intent", [attendanceFormSchema, meetingActionSchema], { error: "Unknown action." });

/**
 * A host's stop page: publish or remove an availability window, or any meeting action. One
 * schema per intent, chosen by `intent`, so a mistake comes back as that field's message.
 */
export const hostStopActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("publish"),
    start: z.string({ error: "Enter when the window starts." }).min(1, "Enter when the window starts."),
    end: z.string({ error: "Enter when the window ends." }).min(1, "Enter when the window ends."),
    slotMinutes: z.coerce.number({ error: "Enter the slot length in minutes." }).int("Whole minutes only."),
    bufferMinutes: z.coerce.number({ error: "Enter the pause in minutes." }).int("Whole minutes only."),
    onlineUrl: onlineUrlField,
  }),
  z.object({ intent: z.literal("remove-window"), availabilityId: z.string().max(64) }),
  meetingActionSchema,
], { error: "Unknown action." });
