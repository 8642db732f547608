// How long a freed seat is kept for the next person on the waiting list.

/** A day to claim: long enough to see an email, short enough to pass the seat on. */
export const OFFER_HOURS = 24;
/** Close to the event, the offer shrinks — but never below this. */
export const MIN_OFFER_MINUTES = 15;

/**
 * When an offer made at `now` lapses: OFFER_HOURS later, but no later than the event's start
 * (at least MIN_OFFER_MINUTES, though). Null once the event is over: nobody is offered a seat
 * at an event that has ended.
 */
export function offerExpiry(now: Date, event: { startsAt: Date; endsAt: Date }): Date | null {
  if (now.getTime() >= event.endsAt.getTime()) return null;
  const full = now.getTime() + OFFER_HOURS * 3_600_000;
  const floor = now.getTime() + MIN_OFFER_MINUTES * 60_000;
  return new Date(Math.max(floor, Math.min(full, event.startsAt.getTime())));
}
