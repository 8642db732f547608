// The people directory (/people, /people/:id), for signed-in members. Only people who chose to be
// listed appear, only with a confirmed email address and an account not erased; nothing here ever
// selects an email address. Search is PostgreSQL full-text over the document the triggers keep
// (name; job title, organisation, expertise; bio), GIN-indexed over listed profiles only.
import { maySeeProfile } from "~/domain/access/directory.server";
import type { Actor } from "~/domain/access/permissions";
import { DomainError } from "~/domain/kernel/errors";
import { isUuid } from "~/domain/kernel/ids";
import { pageOf, type PageInfo } from "~/domain/kernel/paging";
import type { ThemeName } from "~/domain/kernel/vocabulary";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";
import type { PeopleFilters } from "./network-forms";
import { toPrefixTsQuery } from "./search-query";
import type { OrganisationKindName } from "./vocabulary";

export const PEOPLE_PAGE_SIZE = 24;

export interface PersonCard {
  id: string;
  name: string;
  jobTitle: string | null;
  roles: string[];
  organisation: string | null;
  organisationSlug: string | null;
  organisationKind: OrganisationKindName | null;
  country: string | null;
  city: string | null;
  themes: ThemeName[];
  expertise: string[];
  photoId: string | null;
}

/**
 * The one search query of the directory (the benchmark runs this very statement raw with pg):
 * a page of listed people matching `filters`, with the total of matches on every row.
 */
export function peopleSearchSql(filters: Omit<PeopleFilters, "page">, limit: number, offset: number): Prisma.Sql {
  const tsquery = toPrefixTsQuery(filters.q);
  const where: Prisma.Sql[] = [Prisma.sql`p."listed"`, Prisma.sql`u."deletedAt" IS NULL`, Prisma.sql`u."emailVerifiedAt" IS NOT NULL`];
  if (tsquery) where.push(Prisma.sql`p."searchVector" @@ to_tsquery('simple', ${tsquery})`);
  if (filters.role) where.push(Prisma.sql`u."roles" @> ARRAY[${filters.role}]::"UserRole"[]`);
  if (filters.kind) where.push(Prisma.sql`o."kind" = ${filters.kind}::"OrganisationKind"`);
  if (filters.theme) where.push(Prisma.sql`p."themes" @> ARRAY[${filters.theme}]::"Theme"[]`);
  if (filters.intent) where.push(Prisma.sql`p."intents" @> ARRAY[${filters.intent}]::"Intent"[]`);
  if (filters.country) where.push(Prisma.sql`p."country" = ${filters.country}`);
  if (filters.language) where.push(Prisma.sql`p."languages" @> ARRAY[${filters.language}]::text[]`);
  const order = tsquery ? Prisma.sql`ts_rank(p."searchVector", to_tsquery('simple', ${tsquery})) DESC, u."name", u."id"` : Prisma.sql`u."name", u."id"`;
  return Prisma.sql`
    SELECT u."id", u."name", u."jobTitle", coalesce(u."roles", '{}')::text[] AS "roles",
           coalesce(o."name", p."organisationName") AS "organisation", o."slug" AS "organisationSlug", o."kind"::text AS "organisationKind",
           p."country", p."city", coalesce(p."themes", '{}')::text[] AS "themes", coalesce(p."expertise", '{}') AS "expertise", p."photoId",
           count(*) OVER ()::int AS "total"
      FROM "PersonProfile" p
      JOIN "User" u ON u."id" = p."userId"
      LEFT JOIN "Organisation" o ON o."id" = p."organisationId"
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY ${order}
     LIMIT ${limit} OFFSET ${offset}`;
}

type Row = PersonCard & { total: number; country: string | null };

/** One page of the directory; a page past the end (an old link) shows the last page. */
export async function searchPeople(filters: PeopleFilters, size = PEOPLE_PAGE_SIZE): Promise<{ people: PersonCard[]; page: PageInfo }> {
  const run = (limit: number, offset: number) => db().$queryRaw<Row[]>(peopleSearchSql(filters, limit, offset));
  const requested = Math.max(1, filters.page);
  let offset = (requested - 1) * size;
  let rows = await run(size, offset);
  if (rows.length === 0 && requested > 1) {
    const total = (await run(1, 0))[0]?.total ?? 0;
    offset = pageOf(requested, total, size).skip;
    rows = total === 0 ? [] : await run(size, offset);
  }
  const page = pageOf(Math.floor(offset / size) + 1, rows[0]?.total ?? 0, size);
  return { people: rows.map(({ total: _total, ...card }) => card), page };
}

/**
 * A person's page: their profile, organisation, and the published events where they speak.
 * NOT_FOUND for an unlisted profile (unless it is the viewer's own), an erased account or a bad id.
 */
export async function personPage(viewer: Actor, id: string) {
  const notFound = () => new DomainError("NOT_FOUND", "This person is not in the directory.");
  if (!isUuid(id)) throw notFound();
  const person = await db().user.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      name: true,
      jobTitle: true,
      roles: true,
      emailVerifiedAt: true,
      profile: {
        select: {
          userId: true,
          listed: true,
          openToIntroductions: true,
          bio: true,
          country: true,
          city: true,
          languages: true,
          themes: true,
          intents: true,
          expertise: true,
          photoId: true,
          organisationName: true,
          organisation: { select: { name: true, slug: true, kind: true } },
        },
      },
    },
  });
  const profile = person?.profile;
  if (!person || !profile) throw notFound();
  const listed = profile.listed && person.emailVerifiedAt !== null;
  if (!maySeeProfile(viewer, { userId: profile.userId, listed })) throw notFound();
  const speaking = await db().speaker.findMany({
    where: { userId: id, event: { status: "PUBLISHED" } },
    orderBy: { event: { startsAt: "desc" } },
    take: 20,
    select: { event: { select: { slug: true, title: true, startsAt: true, endsAt: true, timeZone: true, city: true, country: true, kind: true } } },
  });
  const { organisation, organisationName, userId: _userId, ...details } = profile;
  return {
    id: person.id,
    name: person.name,
    jobTitle: person.jobTitle,
    expert: person.roles.includes("EXPERT"),
    roles: person.roles,
    ...details,
    listed,
    organisation: organisation ?? (organisationName ? { name: organisationName, slug: null, kind: null } : null),
    speaking: speaking.map((s) => s.event),
    isSelf: viewer.id === person.id,
    canRequestIntroduction: viewer.id !== person.id && listed && profile.openToIntroductions,
  };
}
export type PersonPage = Awaited<ReturnType<typeof personPage>>;
