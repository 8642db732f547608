// An event's text in several languages (Event.translations, AgendaSession.translations: JSONB
// keyed by language, shapes in kernel/i18n/content.ts). Each save changes one language's entry
// with a single UPDATE (jsonb `||` / `-`), so two organisers saving different languages at the
// same moment both keep their work, and nothing is half-written.
import { requireManagedEvent } from "~/domain/access/events.server";
import type { Actor } from "~/domain/access/permissions";
import { DomainError } from "~/domain/kernel/errors";
import { isUuid } from "~/domain/kernel/ids";
import {
  eventTranslationSchema,
  readEventTranslations,
  readSessionTranslations,
  sessionTranslationSchema,
  TRANSLATION_LIMITS,
} from "~/domain/kernel/i18n/content";
import { LANGUAGE_NAMES, type Language } from "~/domain/kernel/i18n/languages";
import { db } from "~/platform/db.server";

export async function getEventLanguages(user: Actor, slug: string) {
  const managed = await requireManagedEvent(user, slug, "manage");
  const event = await db().event.findUniqueOrThrow({
    where: { id: managed.id },
    select: {
      slug: true,
      title: true,
      summary: true,
      description: true,
      status: true,
      defaultLanguage: true,
      translations: true,
      sessions: { orderBy: [{ startsAt: "asc" }, { title: "asc" }], select: { id: true, title: true, startsAt: true, translations: true } },
    },
  });
  return {
    ...event,
    translations: readEventTranslations(event.translations),
    sessions: event.sessions.map((session) => ({ ...session, translations: readSessionTranslations(session.translations) })),
  };
}

function refuseIfCancelled(status: string) {
  if (status === "CANCELLED") throw new DomainError("CONFLICT", "This event is cancelled; it can no longer be changed.");
}

/** Makes `language` the event's own: refused while a translation in it exists (the two would compete). */
export async function setDefaultLanguage(user: Actor, slug: string, language: Language): Promise<void> {
  const managed = await requireManagedEvent(user, slug, "manage");
  const event = await db().event.findUniqueOrThrow({ where: { id: managed.id }, select: { status: true, translations: true } });
  refuseIfCancelled(event.status);
  if (readEventTranslations(event.translations)[language]) {
    throw new DomainError("CONFLICT", `There is a ${LANGUAGE_NAMES[language]} translation: remove it first, then write that text in Settings.`, {
      fieldErrors: { defaultLanguage: "Remove this language's translation first." },
    });
  }
  await db().event.update({ where: { id: managed.id }, data: { defaultLanguage: language } });
}

export async function saveEventTranslation(
  user: Actor,
  slug: string,
  language: Language,
  input: { title: string; summary?: string; description?: string },
): Promise<void> {
  const managed = await requireManagedEvent(user, slug, "manage");
  const parsed = eventTranslationSchema.safeParse({ title: input.title, summary: input.summary ?? "", description: input.description ?? "" });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      fieldErrors[field] ??=
        field === "title"
          ? `Give a title of 3 to ${TRANSLATION_LIMITS.title} characters.`
          : `Keep it under ${TRANSLATION_LIMITS[field as keyof typeof TRANSLATION_LIMITS]} characters.`;
    }
    throw new DomainError("VALIDATION", "Please check the highlighted fields.", { fieldErrors });
  }
  const entry = JSON.stringify({ [language]: parsed.data });
  const updated = await db().$executeRaw`
    UPDATE "Event" SET translations = translations || ${entry}::jsonb, "updatedAt" = now()
    WHERE id = ${managed.id}::uuid AND status <> 'CANCELLED' AND "defaultLanguage" <> ${language}`;
  if (updated === 0) {
    const event = await db().event.findUniqueOrThrow({ where: { id: managed.id }, select: { status: true } });
    refuseIfCancelled(event.status);
    throw new DomainError("VALIDATION", "That is the event's own language: edit that text in Settings.", {
      fieldErrors: { language: "That is the event's own language." },
    });
  }
}

/** Removes one language from the event and from all of its sessions, in one transaction. */
export async function removeEventTranslation(user: Actor, slug: string, language: Language): Promise<void> {
  const managed = await requireManagedEvent(user, slug, "manage");
  await db().$transaction([
    db()
      .$executeRaw`UPDATE "Event" SET translations = translations - ${language}::text, "updatedAt" = now() WHERE id = ${managed.id}::uuid AND status <> 'CANCELLED'`,
    db().$executeRaw`UPDATE "AgendaSession" SET translations = translations - ${language}::text WHERE "eventId" = ${managed.id}::uuid`,
  ]);
}

/** Sessions' titles in `language`: session id → title; an empty title removes that session's. */
export async function saveSessionTitles(user: Actor, slug: string, language: Language, titles: Map<string, string>): Promise<number> {
  const managed = await requireManagedEvent(user, slug, "manage");
  const fieldErrors: Record<string, string> = {};
  const changes: Array<{ id: string; title: string | null }> = [];
  for (const [id, raw] of titles) {
    if (!isUuid(id)) continue;
    const title = raw.trim();
    if (title === "") changes.push({ id, title: null });
    else if (!sessionTranslationSchema.safeParse({ title }).success)
      fieldErrors[`session-${id}`] = `Keep the title under ${TRANSLATION_LIMITS.title} characters.`;
    else changes.push({ id, title });
  }
  if (Object.keys(fieldErrors).length) throw new DomainError("VALIDATION", "Please check the highlighted titles.", { fieldErrors });
  // Only this event's sessions are touched: the event id is part of every statement.
  await db().$transaction(
    changes.map((change) =>
      change.title === null
        ? db()
            .$executeRaw`UPDATE "AgendaSession" SET translations = translations - ${language}::text WHERE id = ${change.id}::uuid AND "eventId" = ${managed.id}::uuid`
        : db()
            .$executeRaw`UPDATE "AgendaSession" SET translations = translations || ${JSON.stringify({ [language]: { title: change.title } })}::jsonb WHERE id = ${change.id}::uuid AND "eventId" = ${managed.id}::uuid`,
    ),
  );
  return changes.length;
}
