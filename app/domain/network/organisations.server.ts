// The organisation directory (/organisations, public) and an organisation's page and editor.
// The columns edited here are the ones the matchmaking and the auto-scheduler read
// (meetings/views.server.ts: themes, ticket range, stages, focus countries, solutions offered
// and wanted, investment sought), so what an organisation keeps up to date is what they use.
// Members are shown only when they chose to be listed in the people directory.
import { mayEditOrganisation, requireOrganisationEditor } from "~/domain/access/directory.server";
import type { Actor } from "~/domain/access/permissions";
import { DomainError } from "~/domain/kernel/errors";
import { pageOf, type PageInfo } from "~/domain/kernel/paging";
import type { ThemeName } from "~/domain/kernel/vocabulary";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";
import { processImage, storeImage } from "./images.server";
import type { OrganisationFilters, OrganisationInput } from "./network-forms";
import { toPrefixTsQuery } from "./search-query";
import type { OrganisationKindName } from "./vocabulary";

export const ORGANISATIONS_PAGE_SIZE = 24;

export interface OrganisationCard {
  slug: string;
  name: string;
  kind: OrganisationKindName;
  country: string;
  city: string | null;
  themes: ThemeName[];
  logoId: string | null;
  description: string | null;
  total: number;
}

export function organisationSearchSql(filters: Omit<OrganisationFilters, "page">, limit: number, offset: number): Prisma.Sql {
  const tsquery = toPrefixTsQuery(filters.q);
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (tsquery) where.push(Prisma.sql`o."searchVector" @@ to_tsquery('simple', ${tsquery})`);
  if (filters.kind) where.push(Prisma.sql`o."kind" = ${filters.kind}::"OrganisationKind"`);
  if (filters.theme) where.push(Prisma.sql`o."themes" @> ARRAY[${filters.theme}]::"Theme"[]`);
  if (filters.country) where.push(Prisma.sql`o."country" = ${filters.country}`);
  const order = tsquery ? Prisma.sql`ts_rank(o."searchVector", to_tsquery('simple', ${tsquery})) DESC, o."name", o."id"` : Prisma.sql`o."name", o."id"`;
  return Prisma.sql`
    SELECT o."slug", o."name", o."kind"::text AS "kind", o."country", o."city", coalesce(o."themes", '{}')::text[] AS "themes", o."logoId",
           left(o."description", 200) AS "description", count(*) OVER ()::int AS "total"
      FROM "Organisation" o
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY ${order}
     LIMIT ${limit} OFFSET ${offset}`;
}

export async function searchOrganisations(
  filters: OrganisationFilters,
  size = ORGANISATIONS_PAGE_SIZE,
): Promise<{ organisations: Omit<OrganisationCard, "total">[]; page: PageInfo }> {
  const run = (limit: number, offset: number) => db().$queryRaw<OrganisationCard[]>(organisationSearchSql(filters, limit, offset));
  const requested = Math.max(1, filters.page);
  let offset = (requested - 1) * size;
  let rows = await run(size, offset);
  if (rows.length === 0 && requested > 1) {
    const total = (await run(1, 0))[0]?.total ?? 0;
    offset = pageOf(requested, total, size).skip;
    rows = total === 0 ? [] : await run(size, offset);
  }
  const page = pageOf(Math.floor(offset / size) + 1, rows[0]?.total ?? 0, size);
  return { organisations: rows.map(({ total: _total, ...card }) => card), page };
}

/** Countries that have at least one organisation, for the filter. */
export async function organisationCountries(): Promise<string[]> {
  const rows = await db().organisation.findMany({ distinct: ["country"], select: { country: true }, orderBy: { country: "asc" } });
  return rows.map((r) => r.country);
}

const editableSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  country: true,
  city: true,
  website: true,
  description: true,
  themes: true,
  solutionsOffered: true,
  solutionsWanted: true,
  ticketMinEur: true,
  ticketMaxEur: true,
  investmentSoughtEur: true,
  stages: true,
  focusCountries: true,
  logoId: true,
} as const;

function listMembers(where: Prisma.MembershipWhereInput) {
  return db().membership.findMany({
    where,
    orderBy: { user: { name: "asc" } },
    take: 60,
    select: { role: true, user: { select: { id: true, name: true, jobTitle: true, roles: true, profile: { select: { photoId: true } } } } },
  });
}

/** An organisation's public page; `viewer` decides only whether "Edit" is offered. */
export async function organisationPage(viewer: Actor | null, slug: string) {
  const organisation = await db().organisation.findUnique({ where: { slug }, select: editableSelect });
  if (!organisation) throw new DomainError("NOT_FOUND", "This organisation does not exist.");
  const id = organisation.id;
  const listedMembers = { organisationId: id, user: { deletedAt: null, emailVerifiedAt: { not: null }, profile: { listed: true } } };
  const [members, memberCount, events, stops, canEdit, viewerMembership] = await Promise.all([
    // Listed people are shown to signed-in members only, as in the people directory.
    viewer ? listMembers(listedMembers) : Promise.resolve([]),
    db().membership.count({ where: listedMembers }),
    db().event.findMany({
      where: { organisationId: id, status: "PUBLISHED" },
      orderBy: { startsAt: "desc" },
      take: 20,
      select: { slug: true, title: true, startsAt: true, timeZone: true, kind: true, city: true },
    }),
    db().roadshowStop.findMany({
      where: { event: { status: "PUBLISHED" }, attendances: { some: { user: { memberships: { some: { organisationId: id } } } } } },
      orderBy: { startsAt: "desc" },
      take: 20,
      select: { id: true, city: true, country: true, startsAt: true, timeZone: true, event: { select: { slug: true, title: true } } },
    }),
    mayEditOrganisation(viewer, id),
    viewer ? db().membership.findUnique({ where: { userId_organisationId: { userId: viewer.id, organisationId: id } }, select: { role: true } }) : null,
  ]);
  return {
    ...organisation,
    // List columns may be NULL in rows written outside Prisma (SQL, imports).
    themes: organisation.themes ?? [],
    solutionsOffered: organisation.solutionsOffered ?? [],
    solutionsWanted: organisation.solutionsWanted ?? [],
    stages: organisation.stages ?? [],
    focusCountries: organisation.focusCountries ?? [],
    ticketMinEur: organisation.ticketMinEur === null ? null : Number(organisation.ticketMinEur),
    ticketMaxEur: organisation.ticketMaxEur === null ? null : Number(organisation.ticketMaxEur),
    investmentSoughtEur: organisation.investmentSoughtEur === null ? null : Number(organisation.investmentSoughtEur),
    members: members.map((m) => ({
      id: m.user.id,
      name: m.user.name,
      jobTitle: m.user.jobTitle,
      expert: m.user.roles.includes("EXPERT"),
      photoId: m.user.profile?.photoId ?? null,
    })),
    listedMemberCount: memberCount,
    events,
    stops,
    canEdit,
    /** The viewer's own role here, which decides between "Ask to join" and "Members". */
    viewerRole: viewerMembership?.role ?? null,
  };
}
export type OrganisationPage = Awaited<ReturnType<typeof organisationPage>>;

/** The editor's form values, for an organisation admin or a platform admin. */
export async function organisationForEdit(actor: Actor, slug: string) {
  const { id } = await requireOrganisationEditor(actor, slug);
  const organisation = await db().organisation.findUniqueOrThrow({ where: { id }, select: editableSelect });
  // "12 000 000", as the form reads it back.
  const euros = (value: bigint | null) => (value === null ? "" : value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " "));
  return {
    ...organisation,
    themes: organisation.themes ?? [],
    solutionsOffered: organisation.solutionsOffered ?? [],
    solutionsWanted: organisation.solutionsWanted ?? [],
    stages: organisation.stages ?? [],
    focusCountries: organisation.focusCountries ?? [],
    ticketMinEur: euros(organisation.ticketMinEur),
    ticketMaxEur: euros(organisation.ticketMaxEur),
    investmentSoughtEur: euros(organisation.investmentSoughtEur),
  };
}

export async function saveOrganisation(actor: Actor, slug: string, input: OrganisationInput): Promise<void> {
  await db().$transaction(async (tx) => {
    const { id } = await requireOrganisationEditor(actor, slug, tx);
    await tx.organisation.update({ where: { id }, data: input });
  });
}

export async function setOrganisationLogo(actor: Actor, slug: string, upload: Uint8Array): Promise<string> {
  await requireOrganisationEditor(actor, slug);
  const image = await processImage(upload, "logo");
  return db().$transaction(async (tx) => {
    const { id } = await requireOrganisationEditor(actor, slug, tx);
    // Locked, so two uploads at once replace each other in turn and leave exactly one logo.
    const [previous] = await tx.$queryRaw<{ logoId: string | null }[]>`SELECT "logoId" FROM "Organisation" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const logoId = await storeImage(tx, image);
    await tx.organisation.update({ where: { id }, data: { logoId } });
    if (previous?.logoId) await tx.storedImage.deleteMany({ where: { id: previous.logoId } });
    return logoId;
  });
}

export async function removeOrganisationLogo(actor: Actor, slug: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const { id } = await requireOrganisationEditor(actor, slug, tx);
    const [row] = await tx.$queryRaw<{ logoId: string | null }[]>`SELECT "logoId" FROM "Organisation" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (row?.logoId) await tx.storedImage.deleteMany({ where: { id: row.logoId } });
  });
}
