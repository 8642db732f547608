// The meeting actions the pages post (one small form per action), dispatched by `intent`.
// Routes parse the form with the schemas of meeting-forms.ts (through readForm: size cap + CSRF)
// and map a DomainError to its status; this returns the success notice.
import { DomainError } from "~/domain/kernel/errors";
import type { Actor } from "~/domain/access/permissions";
import type { MeetingAction } from "./meeting-forms";
import { cancelMeeting } from "./cancel.server";
import { recordOutcome } from "./outcomes.server";
import { setPreference } from "./preferences.server";
import { acceptProposal, proposeOtherSlot, rejectProposal } from "./propose.server";
import { requestMeeting } from "./request.server";
import { acceptMeeting, declineMeeting } from "./respond.server";

export type { MeetingAction } from "./meeting-forms";

export async function runMeetingAction(actor: Actor, slug: string, action: MeetingAction, now = new Date()): Promise<string> {
  switch (action.intent) {
    case "request": {
      const meeting = await requestMeeting(
        actor,
        { slug, stopId: action.stopId, hostId: action.hostId, startsAt: action.startsAt, message: action.message },
        now,
      );
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
