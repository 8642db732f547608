// Turning what an organiser types ("2026-03-29T02:30", in the event's zone) into an instant.
// fromWallTime quietly moves a time inside the spring-forward gap past the gap, which suits
// calendar imports; an organiser typing a time that never happens should hear about it instead.
import { fromWallTime, parseLocalDateTime, toWallTime, type WallTime } from "./zoned";

export type LocalTimeResult = { ok: true; instant: Date } | { ok: false; reason: "INVALID" | "SKIPPED_BY_CLOCK_CHANGE"; message: string };

const pad = (n: number) => String(n).padStart(2, "0");

function describeWall(wall: WallTime): string {
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * The instant for a "YYYY-MM-DDTHH:mm" value (or a parsed wall time) in `timeZone`. A wall time
 * that happens twice (autumn) resolves to the first occurrence, as fromWallTime does; a wall time
 * that never happens (spring) is refused with a message naming the clock change.
 */
export function resolveLocalDateTime(value: string | WallTime, timeZone: string): LocalTimeResult {
  const wall = typeof value === "string" ? parseLocalDateTime(value) : value;
  if (!wall) return { ok: false, reason: "INVALID", message: "Enter a date and time, like 2026-03-03T09:30." };
  const instant = fromWallTime(wall, timeZone);
  if (Number.isNaN(instant.getTime())) {
    return { ok: false, reason: "INVALID", message: "Enter a date and time, like 2026-03-03T09:30." };
  }
  const shown = toWallTime(instant, timeZone);
  const sameWall = shown.year === wall.year && shown.month === wall.month && shown.day === wall.day && shown.hour === wall.hour && shown.minute === wall.minute;
  if (!sameWall) {
    return {
      ok: false,
      reason: "SKIPPED_BY_CLOCK_CHANGE",
      message: `${describeWall(wall)} does not exist in ${timeZone}: the clocks go forward then. Choose a time after the change.`,
    };
  }
  return { ok: true, instant };
}
