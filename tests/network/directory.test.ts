// The directories on real PostgreSQL: full-text search over name, organisation, bio and
// expertise (kept by triggers, also when the name or the organisation's name changes), every
// filter, paging, and privacy — unlisted, unverified and erased people never appear, an unlisted
// profile is NOT_FOUND for everybody but its owner, no email address in any result. Profiles:
// linking only one's own organisations, listing only with a confirmed email. GDPR export and
// erasure include the profile and its photo.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { personPage, searchPeople } from "~/domain/network/people.server";
import { organisationPage, saveOrganisation, searchOrganisations } from "~/domain/network/organisations.server";
import { parsePeopleFilters, profileForm } from "~/domain/network/network-forms";
import { exportDirectoryProfile, saveProfile, setProfilePhoto } from "~/domain/network/profile.server";
import { exportPersonalData } from "~/domain/privacy/export.server";
import { eraseAccount } from "~/domain/privacy/erasure.server";
import { db } from "~/platform/db.server";
import { makeEvent, makeOrganisation, makeUser, unique } from "../support/factories";
import { refusal } from "../support/refusal";

const tag = unique();
const filters = (query: string) => ({ ...parsePeopleFilters(new URLSearchParams(query)), page: 1 });
const names = async (query: string) => (await searchPeople(filters(query), 100)).people.map((p) => p.name).sort();

function profile(fields: Record<string, string | string[]>) {
  const parsed = profileForm.safeParse({ name: "Someone Else", ...fields });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

let maria: { id: string };
let hidden: { id: string };
let viewer: { id: string; roles: ("ATTENDEE" | "EXPERT")[] };
let krakow: { id: string; slug: string };

beforeAll(async () => {
  krakow = await makeOrganisation({ name: `Kraków ${tag}`, slug: `krakow-${tag}`, kind: "FELLOW_CITY", country: "PL", themes: ["SMART_BUILDINGS"] });
  maria = await makeUser({ name: `Maria Zielińska${tag}`, email: `maria-${tag}@krakow.pl`, roles: ["REPRESENTATIVE"] });
  await db().membership.create({ data: { userId: maria.id, organisationId: krakow.id, role: "ADMIN" } });
  await saveProfile(
    maria.id,
    profile({
      name: `Maria Zielińska${tag}`,
      jobTitle: "Smart city coordinator",
      organisationId: krakow.id,
      bio: "Retrofitting tenement blocks into a positive energy district.",
      country: "PL",
      city: "Kraków",
      languages: ["pl", "en"],
      themes: ["SMART_BUILDINGS", "ENERGY"],
      intents: ["REPLICATE", "PILOT"],
      expertise: "heat pumps, district heating",
      listed: "on",
      openToIntroductions: "on",
    }),
  );
  const expert = await makeUser({ name: `Elena Rossi${tag}`, email: `elena-${tag}@ait.at`, roles: ["EXPERT"] });
  await saveProfile(
    expert.id,
    profile({
      name: `Elena Rossi${tag}`,
      organisationName: "Austrian Institute of Technology",
      country: "AT",
      languages: ["it", "de"],
      themes: ["CITIZEN_ENGAGEMENT"],
      intents: ["ADVISE"],
      expertise: "citizen engagement, living labs",
      listed: "on",
    }),
  );
  hidden = await makeUser({ name: `Hidden Person${tag}`, email: `hidden-${tag}@example.test` });
  await saveProfile(hidden.id, profile({ name: `Hidden Person${tag}`, bio: "heat pumps everywhere", country: "PL" }));
  const unverified = await makeUser({ name: `Unverified Person${tag}`, email: `unverified-${tag}@example.test` });
  await saveProfile(unverified.id, profile({ name: `Unverified Person${tag}`, bio: "heat pumps too", listed: "on" }));
  await db().user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: null } });
  viewer = { id: (await makeUser({ name: "Viewer" })).id, roles: ["ATTENDEE"] };
});

describe("people directory search", () => {
  it("searches name, organisation, bio and expertise by word prefix", async () => {
    expect(await names(`q=zielińska${tag}`)).toEqual([`Maria Zielińska${tag}`]);
    expect(await names(`q=${encodeURIComponent(`Kraków ${tag}`)}`)).toEqual([`Maria Zielińska${tag}`]);
    expect(await names(`q=tenement+positive&country=PL`)).toContain(`Maria Zielińska${tag}`);
    expect(await names(`q=living+lab&country=AT`)).toContain(`Elena Rossi${tag}`);
    expect(await names(`q=Austrian+Institute&country=AT`)).toContain(`Elena Rossi${tag}`);
  });

  it("keeps the document right when the person's or the organisation's name changes", async () => {
    await db().user.update({ where: { id: maria.id }, data: { name: `Maria Nowak${tag}` } });
    expect(await names(`q=nowak${tag}`)).toEqual([`Maria Nowak${tag}`]);
    await db().organisation.update({ where: { id: krakow.id }, data: { name: `Cracovia ${tag}` } });
    expect(await names(`q=cracovia+${tag}`)).toEqual([`Maria Nowak${tag}`]);
  });

  it("filters by role, organisation kind, theme, intent, country and language", async () => {
    const mine = async (query: string) => (await names(query)).filter((name) => name.endsWith(tag));
    expect(await mine("role=EXPERT")).toEqual([`Elena Rossi${tag}`]);
    expect(await mine("role=REPRESENTATIVE&kind=FELLOW_CITY")).toEqual([`Maria Nowak${tag}`]);
    expect(await mine("theme=CITIZEN_ENGAGEMENT")).toEqual([`Elena Rossi${tag}`]);
    expect(await mine("intent=REPLICATE&country=PL")).toEqual([`Maria Nowak${tag}`]);
    expect(await mine("language=de")).toEqual([`Elena Rossi${tag}`]);
    expect(await mine("language=pl&theme=ENERGY")).toEqual([`Maria Nowak${tag}`]);
    expect(await mine("kind=INVESTOR")).toEqual([]);
  });

  it("never shows unlisted, unverified or erased people, and never an email address", async () => {
    const all = await searchPeople(filters(`q=heat+pumps`), 100);
    expect(all.people.map((p) => p.name)).toEqual([`Maria Nowak${tag}`]);
    expect(JSON.stringify(all)).not.toMatch(/@/);
    const everybody = await searchPeople(filters(""), 1000);
    expect(everybody.people.map((p) => p.id)).not.toContain(hidden.id);
    expect(JSON.stringify(everybody)).not.toContain("@");
  });

  it("pages, and shows the last page for a page past the end", async () => {
    const people = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const person = await makeUser({ name: `Pager ${i} ${tag}` });
        await saveProfile(person.id, profile({ name: `Pager ${i} ${tag}`, listed: "on" }));
        return person;
      }),
    );
    expect(people).toHaveLength(5);
    const first = await searchPeople({ ...filters(`q=pager+${tag}`), page: 1 }, 2);
    expect([first.people.length, first.page.total, first.page.pages]).toEqual([2, 5, 3]);
    const past = await searchPeople({ ...filters(`q=pager+${tag}`), page: 40 }, 2);
    expect([past.page.page, past.people.map((p) => p.name)]).toEqual([3, [`Pager 4 ${tag}`]]);
  });
});

describe("a person's page", () => {
  it("shows a listed person's profile, speaking events and the introduction link", async () => {
    const event = await makeEvent({ title: `Positive energy districts ${tag}`, status: "PUBLISHED" });
    await db().speaker.create({ data: { eventId: event.id, userId: maria.id, name: "Maria" } });
    const draft = await makeEvent({ title: `Draft ${tag}`, status: "DRAFT" });
    await db().speaker.create({ data: { eventId: draft.id, userId: maria.id, name: "Maria" } });
    const page = await personPage(viewer, maria.id);
    expect(page.speaking.map((e) => e.title)).toEqual([`Positive energy districts ${tag}`]);
    expect(page.canRequestIntroduction).toBe(true);
    expect(page.organisation?.slug).toBe(krakow.slug);
    expect(JSON.stringify(page)).not.toContain("@");
    expect((await personPage({ id: maria.id, roles: [] }, maria.id)).canRequestIntroduction).toBe(false);
  });

  it("is NOT_FOUND when unlisted, except for its owner; and for a bad id", async () => {
    expect((await refusal(personPage(viewer, hidden.id))).code).toBe("NOT_FOUND");
    expect((await personPage({ id: hidden.id, roles: [] }, hidden.id)).isSelf).toBe(true);
    expect((await refusal(personPage(viewer, "not-a-uuid"))).code).toBe("NOT_FOUND");
    expect((await refusal(personPage(viewer, viewer.id))).code).toBe("NOT_FOUND");
  });
});

describe("my profile", () => {
  it("links only an organisation one is a member of", async () => {
    const stranger = await makeUser();
    const error = await refusal(saveProfile(stranger.id, profile({ organisationId: krakow.id })));
    expect(error.fieldErrors?.organisationId).toMatch(/one of your organisations/);
  });

  it("lists only a person with a confirmed email address", async () => {
    const person = await makeUser();
    await db().user.update({ where: { id: person.id }, data: { emailVerifiedAt: null } });
    const error = await refusal(saveProfile(person.id, profile({ listed: "on" })));
    expect(error.fieldErrors?.listed).toMatch(/Confirm your email address/);
    expect(await db().personProfile.findUnique({ where: { userId: person.id } })).toBeNull();
  });

  it("is in the GDPR export and erased with the account, photo included", async () => {
    const person = await makeUser({ name: `Gdpr Person ${tag}` });
    await saveProfile(person.id, profile({ name: `Gdpr Person ${tag}`, bio: "My bio", expertise: "open data", listed: "on" }));
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#0a7" } })
      .png()
      .toBuffer();
    const photoId = await setProfilePhoto(person.id, png);
    const exported = await exportPersonalData(person.id);
    expect(exported.directoryProfile).toMatchObject({ bio: "My bio", expertise: ["open data"], listed: true, photo: { url: `/images/${photoId}` } });
    await eraseAccount(person.id);
    expect(await db().personProfile.findUnique({ where: { userId: person.id } })).toBeNull();
    expect(await db().storedImage.findUnique({ where: { id: photoId } })).toBeNull();
    expect(await exportDirectoryProfile(person.id)).toBeNull();
    expect((await names(`q=gdpr+${tag}`)).length).toBe(0);
  });
});

describe("organisation directory", () => {
  it("searches name, city, description and solutions, and filters by kind, country and theme", async () => {
    await makeOrganisation({
      name: `Nordlicht Fund ${tag}`,
      slug: `nordlicht-${tag}`,
      kind: "INVESTOR",
      country: "SE",
      themes: ["ENERGY"],
      ticketMinEur: 1_000_000n,
      ticketMaxEur: 9_000_000n,
    });
    await makeOrganisation({
      name: `Harbour City ${tag}`,
      slug: `harbour-${tag}`,
      kind: "LIGHTHOUSE_CITY",
      country: "NL",
      themes: ["MOBILITY"],
      solutionsOffered: ["Smart quay walls"],
    });
    const found = async (query: string) =>
      (await searchOrganisations({ ...Object.fromEntries(new URLSearchParams(query)), page: 1 } as never, 100)).organisations
        .map((o) => o.slug)
        .filter((s) => s.endsWith(tag));
    expect(await found(`q=nordlicht`)).toEqual([`nordlicht-${tag}`]);
    expect(await found(`q=quay+walls`)).toEqual([`harbour-${tag}`]);
    expect(await found(`kind=INVESTOR&country=SE`)).toEqual([`nordlicht-${tag}`]);
    expect(await found(`theme=MOBILITY`)).toEqual([`harbour-${tag}`]);
  });

  it("shows listed members to signed-in viewers only; editing needs an organisation admin or a platform admin", async () => {
    const anonymous = await organisationPage(null, krakow.slug);
    expect([anonymous.members.length, anonymous.listedMemberCount, anonymous.canEdit]).toEqual([0, 1, false]);
    const signedIn = await organisationPage(viewer, krakow.slug);
    expect(signedIn.members.map((m) => m.id)).toEqual([maria.id]);
    expect((await organisationPage({ id: maria.id, roles: [] }, krakow.slug)).canEdit).toBe(true);
    const input = {
      name: "Hijacked",
      kind: "INVESTOR",
      country: "PL",
      city: null,
      website: null,
      description: null,
      themes: [],
      solutionsOffered: [],
      solutionsWanted: [],
      ticketMinEur: null,
      ticketMaxEur: null,
      investmentSoughtEur: null,
      stages: [],
      focusCountries: [],
    } as const;
    expect(
      (
        await refusal(
          saveOrganisation(viewer, krakow.slug, { ...input, themes: [], stages: [], focusCountries: [], solutionsOffered: [], solutionsWanted: [] }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const admin = { id: (await makeUser({ roles: ["ADMIN"] })).id, roles: ["ADMIN" as const] };
    await saveOrganisation(admin, krakow.slug, {
      ...input,
      name: `Kraków ${tag}`,
      kind: "FELLOW_CITY",
      themes: ["ENERGY"],
      stages: [],
      focusCountries: [],
      solutionsOffered: [],
      solutionsWanted: ["Heat pumps"],
    });
    expect((await db().organisation.findUniqueOrThrow({ where: { id: krakow.id } })).solutionsWanted).toEqual(["Heat pumps"]);
  });
});
