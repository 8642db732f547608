// What a meeting is worth. Shared by the scheduler, which maximises it, and by checkSchedule,
// which re-derives it from the marks to catch a proposal that claims the wrong weight.
export type PreferenceLevel = "MUST_MEET" | "WOULD_LIKE" | "NO_THANKS";

/**
 * Weight of a mutually wanted meeting. Must-meet counts more, so the scheduler gives up two
 * "would like" meetings before one "must meet on both sides" (3 > 2 × 1) and prefers a
 * one-sided must-meet to a plain would-like; it is a weighting, not a strict priority:
 * three both-would-like meetings weigh as much as one both-must-meet.
 */
export const MEETING_WEIGHTS = { bothMustMeet: 3, oneMustMeet: 2, bothWouldLike: 1 } as const;

/**
 * 0 unless the pair is mutually wanted: both sides expressed interest (MUST_MEET or WOULD_LIKE)
 * and neither said NO_THANKS. A missing preference is not interest.
 */
export function mutualWeight(hostSays: PreferenceLevel | null | undefined, guestSays: PreferenceLevel | null | undefined): number {
  if (!hostSays || !guestSays || hostSays === "NO_THANKS" || guestSays === "NO_THANKS") return 0;
  const mustMeets = (hostSays === "MUST_MEET" ? 1 : 0) + (guestSays === "MUST_MEET" ? 1 : 0);
  return mustMeets === 2 ? MEETING_WEIGHTS.bothMustMeet : mustMeets === 1 ? MEETING_WEIGHTS.oneMustMeet : MEETING_WEIGHTS.bothWouldLike;
}
