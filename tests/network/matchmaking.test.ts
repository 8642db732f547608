// The matchmaking reads what people and organisations keep up to date in the directory: the
// organisation a person links on their profile (not merely their oldest membership) and that
// organisation's themes, edited at /organisations/:slug/edit, decide the recommendations.
import { beforeAll, describe, expect, it } from "vitest";
import { roadshowView } from "~/domain/meetings/views.server";
import { saveOrganisation } from "~/domain/network/organisations.server";
import { profileForm } from "~/domain/network/network-forms";
import { saveProfile } from "~/domain/network/profile.server";
import { makeAvailability, makeOrganisation, makeRegistrations, makeStopAttendance, makeUser } from "../support/factories";
import { makeRoadshow, NOW } from "../meetings/fixtures";

let rs: Awaited<ReturnType<typeof makeRoadshow>>;
let city: Awaited<ReturnType<typeof makeUser>>;
let linked: Awaited<ReturnType<typeof makeOrganisation>>;

beforeAll(async () => {
  rs = await makeRoadshow({ tables: 1 });
  const investor = await makeUser({ name: "Greta Green", roles: ["INVESTOR"] });
  city = await makeUser({ name: "Cato City" });
  await makeRegistrations([city.id], rs.event.ticketTypes[0]);
  await makeStopAttendance(rs.lisbon, [city.id]);
  await makeAvailability({ event: rs.event, stop: rs.lisbon, host: investor, startsAt: "2027-03-10T10:00:00Z", endsAt: "2027-03-10T11:00:00Z" });
  await makeOrganisation({ name: "Green Fund", kind: "INVESTOR", country: "SE", themes: ["ENERGY"], focusCountries: ["PL"], members: [investor] });
  // The oldest membership says nothing useful; the linked organisation is the one kept up to date.
  await makeOrganisation({ name: "Old Consortium", kind: "ASSOCIATION", country: "BE", themes: [], members: [city] });
  linked = await makeOrganisation({
    name: "City of Cato",
    slug: `cato-${rs.slug}`,
    kind: "FELLOW_CITY",
    country: "PL",
    themes: [],
    members: [city],
    memberRole: "ADMIN",
  });
});

describe("recommendations from the directory", () => {
  it("use the organisation the person links on their profile, with the themes its admins edit", async () => {
    const before = await roadshowView(city, rs.slug, {}, NOW);
    expect(before.recommendations.map((r) => r.reasons).join(" ")).not.toMatch(/your country/);
    await saveProfile(city.id, profileForm.parse({ name: "Cato City", organisationId: linked.id }));
    const actor = { id: city.id, roles: city.roles };
    const input = {
      name: "City of Cato",
      kind: "FELLOW_CITY",
      country: "PL",
      city: null,
      website: null,
      description: null,
      themes: ["ENERGY"],
      solutionsOffered: [],
      solutionsWanted: [],
      ticketMinEur: null,
      ticketMaxEur: null,
      investmentSoughtEur: 5_000_000n,
      stages: [],
      focusCountries: [],
    } as const;
    await saveOrganisation(actor, linked.slug, { ...input, themes: ["ENERGY"], solutionsOffered: [], solutionsWanted: [], stages: [], focusCountries: [] });
    const after = await roadshowView(city, rs.slug, {}, NOW);
    expect(after.recommendations[0]).toMatchObject({ name: "Greta Green" });
    expect(after.recommendations[0].reasons).toMatch(/shared theme: Energy/);
    expect(after.recommendations[0].reasons).toMatch(/they fund in your country/);
  });
});
