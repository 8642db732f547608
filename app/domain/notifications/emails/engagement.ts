// Engagement's email: the feedback survey link sent a set time after an event or session ends.
import { render, type EmailContent } from "./layout";

export interface FeedbackInviteInput {
  attendeeName: string;
  eventTitle: string;
  sessionTitle: string | null;
  surveyTitle: string;
  url: string;
  validDays: number;
}

export function feedbackInviteEmail(input: FeedbackInviteInput): EmailContent {
  const what = input.sessionTitle ? `“${input.sessionTitle}” at ${input.eventTitle}` : input.eventTitle;
  return render({
    subject: `How was ${input.sessionTitle ?? input.eventTitle}? Two minutes of feedback`,
    preview: `Tell the organisers of ${input.eventTitle} what worked and what did not.`,
    attendeeName: input.attendeeName,
    blocks: [
      { kind: "paragraph", text: `Thank you for taking part in ${what}. The organisers would value your feedback: "${input.surveyTitle}".` },
      { kind: "action", label: "Give feedback", url: input.url },
      { kind: "paragraph", text: `The link is yours alone, works once, and for ${input.validDays} days.` },
    ],
  });
}
