// After a meeting each side records an outcome for its own organisation (follow-up wanted, next
// step, notes). Only members of the recording organisation ever read it; the next roadshow
// stop shows what was agreed before with the same people.
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import { notFound } from "./roadshow.server";
import type { Actor } from "~/domain/access/permissions";
import { isUuid } from "~/domain/kernel/ids";

export const NOTES_MAX = 2000;

export async function organisationsOf(userId: string): Promise<string[]> {
  const rows = await db().membership.findMany({ where: { userId }, select: { organisationId: true }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => r.organisationId);
}

export async function recordOutcome(
  actor: Actor,
  meetingId: unknown,
  input: { followUp: boolean; nextStep?: string | null; notes?: string | null },
  now = new Date(),
) {
  if (!isUuid(meetingId)) throw notFound("This meeting");
  const meeting = await db().meeting.findUnique({ where: { id: meetingId }, select: { id: true, hostId: true, guestId: true, status: true, startsAt: true } });
  if (!meeting || (meeting.hostId !== actor.id && meeting.guestId !== actor.id)) throw notFound("This meeting");
  if (meeting.status !== "CONFIRMED") throw new DomainError("CONFLICT", "Only confirmed meetings have an outcome.");
  if (meeting.startsAt.getTime() > now.getTime()) throw new DomainError("VALIDATION", "You can record the outcome once the meeting has started.");
  const [organisationId] = await organisationsOf(actor.id);
  if (!organisationId) throw new DomainError("VALIDATION", "Outcomes are kept for your organisation: join an organisation first.");
  const nextStep = input.nextStep?.trim() || null;
  const notes = input.notes?.trim() || null;
  if ((nextStep?.length ?? 0) > 300)
    throw new DomainError("VALIDATION", "Keep the next step under 300 characters.", { fieldErrors: { nextStep: "At most 300 characters." } });
  if ((notes?.length ?? 0) > NOTES_MAX)
    throw new DomainError("VALIDATION", `Keep the notes under ${NOTES_MAX} characters.`, { fieldErrors: { notes: `At most ${NOTES_MAX} characters.` } });
  const data = { followUp: input.followUp, nextStep, notes, recordedById: actor.id };
  return db().meetingOutcome.upsert({
    where: { meetingId_organisationId: { meetingId: meeting.id, organisationId } },
    create: { meetingId: meeting.id, organisationId, ...data },
    update: data,
  });
}

export interface VisibleOutcome {
  meetingId: string;
  followUp: boolean;
  nextStep: string | null;
  notes: string | null;
}

/** Outcomes of these meetings that the viewer's organisations recorded (nobody else's). */
export async function outcomesVisibleTo(viewerId: string, meetingIds: readonly string[]): Promise<Map<string, VisibleOutcome>> {
  const organisations = await organisationsOf(viewerId);
  if (organisations.length === 0 || meetingIds.length === 0) return new Map();
  const rows = await db().meetingOutcome.findMany({
    where: { meetingId: { in: [...meetingIds] }, organisationId: { in: organisations } },
    select: { meetingId: true, followUp: true, nextStep: true, notes: true },
  });
  return new Map(rows.map((r) => [r.meetingId, r]));
}

export interface PreviousOutcome extends VisibleOutcome {
  otherId: string;
  otherName: string;
  stopCity: string;
  startsAt: Date;
}

/** What the viewer's organisation recorded at the earlier stops of the roadshow, per counterpart. */
export async function previousOutcomes(viewerId: string, eventId: string, beforeStopPosition: number): Promise<PreviousOutcome[]> {
  const organisations = await organisationsOf(viewerId);
  if (organisations.length === 0) return [];
  const rows = await db().meetingOutcome.findMany({
    where: {
      organisationId: { in: organisations },
      meeting: { eventId, OR: [{ hostId: viewerId }, { guestId: viewerId }], stop: { position: { lt: beforeStopPosition } } },
    },
    select: {
      meetingId: true,
      followUp: true,
      nextStep: true,
      notes: true,
      meeting: {
        select: {
          startsAt: true,
          hostId: true,
          host: { select: { id: true, name: true } },
          guest: { select: { id: true, name: true } },
          stop: { select: { city: true } },
        },
      },
    },
  });
  return rows
    .map((r) => {
      const other = r.meeting.hostId === viewerId ? r.meeting.guest : r.meeting.host;
      return {
        meetingId: r.meetingId,
        followUp: r.followUp,
        nextStep: r.nextStep,
        notes: r.notes,
        otherId: other.id,
        otherName: other.name,
        stopCity: r.meeting.stop?.city ?? "",
        startsAt: r.meeting.startsAt,
      };
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
