// The scheduler's contract with its callers (the organiser's page, the tests and the bench).
// Kept apart from the steps so each step names the shapes without importing another step.
import type { TimeInterval } from "../slots";
import type { PreferenceLevel } from "./weights";

export interface HostSlot extends TimeInterval {
  /** Echoed on the proposed meeting so the caller can tie it back to its slot. */
  id?: string;
}

export interface SchedulerHost {
  id: string;
  /** The host's free slots at the stop (typically expandAvailability's FREE slots). */
  slots: readonly HostSlot[];
  /** Times the host cannot meet (anything not already a confirmed meeting below). */
  busy?: readonly TimeInterval[];
}

export interface SchedulerGuest {
  id: string;
  busy?: readonly TimeInterval[];
}

/** Same shape as a MeetingPreference row. */
export interface PreferenceMark {
  fromUserId: string;
  toUserId: string;
  level: PreferenceLevel;
}

export interface ConfirmedMeeting extends TimeInterval {
  hostId: string;
  guestId: string;
  /** The table it holds; when unknown, the lowest table free for its whole time is counted as taken. */
  tableIndex?: number | null;
}

export interface SchedulerInput {
  hosts: readonly SchedulerHost[];
  guests: readonly SchedulerGuest[];
  preferences: readonly PreferenceMark[];
  /** Meeting points (tables) at the stop; each holds one meeting at a time. */
  tables: number;
  /** Already confirmed: they block their host, guest and table, and their pair is not proposed again. */
  confirmedMeetings?: readonly ConfirmedMeeting[];
}

export interface SchedulerOptions {
  /** Tie-breaking seed: same input and seed, same proposal. */
  seed?: number;
  /** Levels of the ejection chains (0 = plain greedy). */
  searchDepth?: number;
  /** Improvement passes over the unplaced pairs (0 = plain greedy). */
  improvementPasses?: number;
  /** Search steps allowed per attempt to fit one pair, which caps the running time. */
  searchBudget?: number;
  /** Large-neighbourhood (ruin-and-recreate) rounds after the improvement passes. */
  ruinRounds?: number;
}

export interface ProposedMeeting extends TimeInterval {
  hostId: string;
  guestId: string;
  slotId?: string;
  /** 0-based index into the stop's meeting points. */
  tableIndex: number;
  weight: number;
}

export interface UnscheduledPair {
  hostId: string;
  guestId: string;
  weight: number;
  /** NO_COMMON_TIME: no free slot of the host where the guest and a table could be; NO_ROOM: lost to other meetings. */
  reason: "NO_COMMON_TIME" | "NO_ROOM";
}

export type SchedulerWarningCode = "UNKNOWN_PERSON" | "INVALID_INTERVAL" | "INVALID_TABLE_INDEX" | "CONFIRMED_TABLE_CLASH" | "TABLES_OVERBOOKED";

export interface SchedulerWarning {
  code: SchedulerWarningCode;
  message: string;
}

export interface ScheduleProposal {
  /** Sorted by start time, then table. */
  assignments: ProposedMeeting[];
  /** Sum of the weights of the proposed meetings. */
  score: number;
  /**
   * A score no schedule can beat: the smallest of three relaxations, each solved exactly as a
   * maximum-weight flow. Each is valid because any conflict-free schedule, read the right way,
   * is a feasible solution of it with the same weight:
   *  - time-blind: a set of mutually wanted pairs in which each host appears at most capH
   *    times (most pairwise non-overlapping free slots usable by any wanted guest), each guest at
   *    most capG times (most non-overlapping times it could meet a wanted host), with at most
   *    capTables pairs in all (Σ over tables of the most non-overlapping free times);
   *  - host clock: as time-blind, but every pair also takes one of its possible times, each host
   *    holds at most one meeting per time and each time at most its free tables; guests are only
   *    held to capG (their clashes are what this one forgets);
   *  - guest clock: the same with the roles swapped.
   * It ignores only the interplay of both clocks at once, so it is tight when one side's
   * capacity is what limits the meetings; when both sides' clocks bind (guests around for a
   * small part of the day), it can sit some percent above the true optimum.
   * Always at most hostSideBound and guestSideBound (Σ of each person's heaviest pairs).
   */
  upperBound: number;
  unscheduled: UnscheduledPair[];
  warnings: SchedulerWarning[];
  stats: {
    /** Mutually wanted pairs that have not met yet. */
    mutualPairs: number;
    /** Of those, pairs with at least one common time. */
    schedulablePairs: number;
    /** The three relaxations behind upperBound (see there). */
    timeBlindBound: number;
    hostClockBound: number;
    guestClockBound: number;
    /** Σ over hosts of its capH heaviest pairs; looser bound kept for the record. */
    hostSideBound: number;
    /** Σ over guests of its capG heaviest pairs; looser bound kept for the record. */
    guestSideBound: number;
    /** Proposed meetings by weight (3 = both must meet). */
    meetingsByWeight: Record<number, number>;
    /** Schedulable pairs by weight. */
    pairsByWeight: Record<number, number>;
  };
}
