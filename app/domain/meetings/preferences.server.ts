// Preference marks for the auto-scheduler: each side says "must meet", "would like" or "no
// thanks" about the other (cities and projects about hosts, hosts about cities and projects);
// clearing a mark deletes it. The scheduler pairs two people only when both marked each other.
import type { PreferenceLevel } from "~/generated/prisma/enums";
import { DomainError } from "~/domain/kernel/errors";
import { db } from "~/platform/db.server";
import { constraintViolation } from "./db-errors.server";
import { findRoadshow, notFound } from "./roadshow.server";
import { hostsAt } from "~/domain/access/meetings.server";
import { isParticipant } from "~/domain/access/policy.server";
import type { Actor } from "~/domain/access/permissions";
import { isUuid } from "~/domain/kernel/ids";

export const PREFERENCE_LEVELS = ["MUST_MEET", "WOULD_LIKE", "NO_THANKS"] as const;
export const PREFERENCE_LABELS: Record<PreferenceLevel, string> = { MUST_MEET: "Must meet", WOULD_LIKE: "Would like to meet", NO_THANKS: "No thanks" };

export async function setPreference(actor: Actor, slug: string, toUserId: unknown, level: PreferenceLevel | "NONE") {
  const event = await findRoadshow(slug, actor);
  // Cities and projects mark hosts; hosts at this roadshow mark cities and projects.
  const allowed = actor.roles.includes("ADMIN") || (await isParticipant(actor.id, event.id)) || (await hostsAt(actor, event.id));
  if (!allowed) throw new DomainError("FORBIDDEN", "Only people registered for this roadshow and its hosts can mark who they want to meet.");
  if (!isUuid(toUserId)) throw notFound("This person");
  if (toUserId === actor.id) throw new DomainError("VALIDATION", "You cannot mark yourself.");
  const target = await db().user.findUnique({ where: { id: toUserId }, select: { id: true, roles: true } });
  if (!target) throw notFound("This person");
  const hostsHere = (await db().meetingAvailability.count({ where: { eventId: event.id, hostId: target.id } })) > 0;
  if (!hostsHere && !(await isParticipant(target.id, event.id))) throw notFound("This person");
  const key = { eventId_fromUserId_toUserId: { eventId: event.id, fromUserId: actor.id, toUserId: target.id } };
  if (level === "NONE") {
    await db().meetingPreference.deleteMany({ where: { eventId: event.id, fromUserId: actor.id, toUserId: target.id } });
    return null;
  }
  try {
    return await db().meetingPreference.upsert({
      where: key,
      create: { eventId: event.id, fromUserId: actor.id, toUserId: target.id, level },
      update: { level },
    });
  } catch (error) {
    // A double submit raced the upsert's insert: the row exists now, so update it.
    if (constraintViolation(error)?.code !== "23505") throw error;
    return db().meetingPreference.update({ where: key, data: { level } });
  }
}

export async function preferencesBy(eventId: string, fromUserId: string): Promise<Map<string, PreferenceLevel>> {
  const rows = await db().meetingPreference.findMany({ where: { eventId, fromUserId }, select: { toUserId: true, level: true } });
  return new Map(rows.map((r) => [r.toUserId, r.level]));
}
