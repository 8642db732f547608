// "Add to my agenda": picking overlapping sessions is allowed (people hop between rooms), so
// the rule only finds the overlaps for a warning; it never refuses the pick.
import { formatSessionTime } from "./display";
import { spansOverlap, type SessionStatusName, type TimeSpan } from "./types";

export interface PickableSession extends TimeSpan {
  id: string;
  title: string;
  status?: SessionStatusName;
}

/**
 * The already-picked sessions that overlap `session`, earliest first. The session itself (a
 * repeated click) and cancelled sessions (no longer taking anyone's time) are ignored; touching
 * sessions (one ends as the other starts) do not overlap. Picks may come from several events:
 * instants compare across zones.
 */
export function overlapsWithPicks<S extends PickableSession>(session: PickableSession, pickedSessions: readonly S[]): S[] {
  if (session.status === "CANCELLED") return [];
  return pickedSessions
    .filter((picked) => picked.id !== session.id && picked.status !== "CANCELLED" && spansOverlap(session, picked))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}

/** The warning shown after a pick, or null when nothing overlaps. Times read in `timeZone`. */
export function pickOverlapWarning(overlaps: readonly PickableSession[], timeZone: string, locale = "en-GB"): string | null {
  if (overlaps.length === 0) return null;
  const listed = overlaps.map((picked) => `“${picked.title}” (${formatSessionTime(picked, timeZone, locale)})`);
  if (listed.length === 1) return `This overlaps with ${listed[0]} in your agenda.`;
  return `This overlaps with ${listed.length} sessions in your agenda: ${listed.join(", ")}.`;
}
