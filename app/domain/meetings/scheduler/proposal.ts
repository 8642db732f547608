// What the organiser gets back: the board's meetings as dated assignments with their slot ids
// and tables, the pairs left out and why, and the figures behind the score.
import type { Board } from "./board";
import type { UpperBound } from "./bound";
import type { ProposedMeeting, ScheduleProposal, UnscheduledPair } from "./types";

export function toProposal(board: Board, bound: UpperBound): ScheduleProposal {
  const model = board.model;
  const assignments: ProposedMeeting[] = [];
  const unscheduled: UnscheduledPair[] = [];
  const meetingsByWeight: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
  const pairsByWeight: Record<number, number> = { 1: 0, 2: 0, 3: 0 };
  let schedulablePairs = 0;
  for (let e = 0; e < model.edgeCount; e++) {
    const hostId = model.personIds[model.edgeHost[e]];
    const guestId = model.personIds[model.edgeGuest[e]];
    const weight = model.edgeWeight[e];
    if (model.edgeClasses[e].length > 0) {
      schedulablePairs++;
      pairsByWeight[weight]++;
    }
    const c = board.placedClass[e];
    if (c < 0) {
      unscheduled.push({ hostId, guestId, weight, reason: model.edgeClasses[e].length === 0 ? "NO_COMMON_TIME" : "NO_ROOM" });
      continue;
    }
    meetingsByWeight[weight]++;
    const slotId = model.slotIds.get(model.edgeHost[e] * board.K + c);
    assignments.push({
      hostId,
      guestId,
      ...(slotId !== undefined ? { slotId } : {}),
      startsAt: new Date(model.classStart[c]),
      endsAt: new Date(model.classEnd[c]),
      tableIndex: board.placedTable[e],
      weight,
    });
  }
  assignments.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.tableIndex - b.tableIndex);
  unscheduled.sort((a, b) => b.weight - a.weight || a.hostId.localeCompare(b.hostId) || a.guestId.localeCompare(b.guestId));
  return {
    assignments,
    score: board.score,
    upperBound: bound.value,
    unscheduled,
    warnings: model.warnings,
    stats: {
      mutualPairs: model.mutualPairs,
      schedulablePairs,
      timeBlindBound: bound.timeBlindBound,
      hostClockBound: bound.hostClockBound,
      guestClockBound: bound.guestClockBound,
      hostSideBound: bound.hostSideBound,
      guestSideBound: bound.guestSideBound,
      meetingsByWeight,
      pairsByWeight,
    },
  };
}
