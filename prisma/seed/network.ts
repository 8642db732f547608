// Demo data of the network directories (app/domain/network): more organisations of the SCALE
// network (the rest of the Secretariat, investors with ticket sizes, companies and research),
// experts of the Call for Experts, city and project people, and directory profiles — most people
// listed and open to introductions, a few not (attendee@ stays unlisted, to show the rule).
import type { Prisma } from "../../app/generated/prisma/client";
import type { Intent, Theme, UserRole } from "../../app/generated/prisma/enums";
import type { Db, Tx } from "../../app/platform/db.server";

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const moreOrganisations: Prisma.OrganisationCreateManyInput[] = [
  { name: "Blue-Sight Conseil", slug: "blue-sight-conseil", kind: "COMPANY", country: "FR", city: "Paris", description: "Consultancy of the SCALE Secretariat: replication strategies and business models for smart-city solutions.", themes: ["GOVERNANCE", "DATA_PLATFORMS"], website: "https://www.scale-initiative.eu" },
  { name: "Algoé", slug: "algoe", kind: "COMPANY", country: "FR", city: "Lyon", description: "Consultancy of the SCALE Secretariat: project management and financing of urban transition.", themes: ["GOVERNANCE", "ENERGY"] },
  { name: "Baltic Urban Renewal Fund", slug: "baltic-urban-renewal-fund", kind: "INVESTOR", country: "EE", city: "Tallinn", description: "Equity for building retrofits and district energy in the Baltic states and Finland.", themes: ["SMART_BUILDINGS", "ENERGY"], ticketMinEur: 1_000_000n, ticketMaxEur: 10_000_000n, stages: ["pilot-to-scale", "scale-up"], focusCountries: ["EE", "LV", "LT", "FI"] },
  { name: "Danube Smart Infrastructure Partners", slug: "danube-smart-infrastructure-partners", kind: "INVESTOR", country: "AT", city: "Vienna", description: "Infrastructure debt for public lighting, district heating and smart grids along the Danube.", themes: ["SMART_INFRASTRUCTURE", "ENERGY"], ticketMinEur: 10_000_000n, ticketMaxEur: 80_000_000n, stages: ["scale-up", "infrastructure"], focusCountries: ["AT", "SK", "HU", "RO", "BG", "HR"] },
  { name: "Green Mobility Angels", slug: "green-mobility-angels", kind: "INVESTOR", country: "NL", city: "Utrecht", description: "Angel network backing start-ups whose mobility products were piloted in lighthouse cities.", themes: ["MOBILITY", "DATA_PLATFORMS"], ticketMinEur: 200_000n, ticketMaxEur: 2_000_000n, stages: ["pilot"], focusCountries: [] },
  { name: "Urban Data Commons Lab", slug: "urban-data-commons-lab", kind: "RESEARCH", country: "ES", city: "Barcelona", description: "Research on open urban data platforms, data sovereignty and citizen-owned data.", themes: ["DATA_PLATFORMS", "CITIZEN_ENGAGEMENT"], solutionsOffered: ["Open data platform", "Data sovereignty toolkit"] },
  { name: "Positive Energy Districts Research Centre", slug: "positive-energy-districts-research-centre", kind: "RESEARCH", country: "NO", city: "Trondheim", description: "Applied research on positive energy districts and their replication in cold climates.", themes: ["ENERGY", "SMART_BUILDINGS"], solutionsOffered: ["Positive energy district", "Energy flexibility market"] },
  { name: "Streetlight Systems", slug: "streetlight-systems", kind: "COMPANY", country: "DK", city: "Copenhagen", description: "Connected street lighting with sensors for traffic, air quality and noise.", themes: ["SMART_INFRASTRUCTURE", "MOBILITY"], solutionsOffered: ["Smart street lighting", "Smart lampposts"] },
]; // prettier-ignore

const EXPERTISE = [
  ["positive energy districts", "district heating"],
  ["urban data platforms", "open data", "interoperability"],
  ["citizen engagement", "living labs", "co-creation"],
  ["e-mobility hubs", "shared mobility", "charging infrastructure"],
  ["building retrofit", "heat pumps", "energy performance contracting"],
  ["public procurement of innovation", "business models"],
  ["smart street lighting", "sensor networks"],
  ["climate-neutral cities", "governance", "monitoring and evaluation"],
  ["EU funding", "blended finance", "project bankability"],
  ["digital twins", "urban planning"],
] as const;

const LANGUAGE_BY_COUNTRY: Record<string, string> = {
  FR: "fr",
  DE: "de",
  AT: "de",
  FI: "fi",
  PT: "pt",
  IT: "it",
  SE: "sv",
  ES: "es",
  NL: "nl",
  EE: "et",
  BG: "bg",
  CZ: "cs",
  PL: "pl",
  GR: "el",
  BE: "fr",
  SK: "sk",
  LU: "fr",
  NO: "no",
  DK: "da",
};

/** People of the network: [name, organisation slug, job title, roles]. */
const networkPeople: [string, string, string, UserRole[]][] = [
  ["Claire Moreau", "lyon", "Head of smart city programme", ["REPRESENTATIVE"]],
  ["Stefan Huber", "munich", "Urban mobility planner", ["REPRESENTATIVE"]],
  ["Katharina Gruber", "vienna", "Energy transition officer", ["REPRESENTATIVE"]],
  ["Jan Petersen", "hamburg", "Digital city lead", ["REPRESENTATIVE"]],
  ["Aino Laine", "helsinki", "Smart buildings programme manager", ["REPRESENTATIVE"]],
  ["Rui Almeida", "lisbon", "Smart infrastructure engineer", ["REPRESENTATIVE"]],
  ["Giulia Conti", "milan", "Urban data officer", ["REPRESENTATIVE"]],
  ["Erik Johansson", "stockholm", "Climate-neutral city coordinator", ["REPRESENTATIVE"]],
  ["Núria Puig", "barcelona", "Superblocks programme lead", ["REPRESENTATIVE"]],
  ["Maarten de Vries", "eindhoven", "Living lab manager", ["REPRESENTATIVE"]],
  ["Liis Saar", "tartu", "Smart city project manager", ["REPRESENTATIVE"]],
  ["Dimitar Iliev", "sofia", "Mobility strategy advisor", ["REPRESENTATIVE"]],
  ["Tomáš Novák", "kladno", "City innovation officer", ["REPRESENTATIVE"]],
  ["Nikos Papadopoulos", "ioannina", "Energy planner", ["REPRESENTATIVE"]],
  ["Camille Lefèvre", "bordeaux", "Open data lead", ["REPRESENTATIVE"]],
  ["Anna Svensson", "goteborg", "Smart grid coordinator", ["REPRESENTATIVE"]],
  ["Luca Ferrari", "sharing-cities", "Replication manager", ["REPRESENTATIVE"]],
  ["Sanne Jansen", "triangulum", "Project coordinator", ["REPRESENTATIVE"]],
  ["Jordi Soler", "growsmarter", "Technical coordinator", ["REPRESENTATIVE"]],
  ["Hanna Müller", "mysmartlife", "Dissemination lead", ["REPRESENTATIVE"]],
  ["Mart Kask", "baltic-urban-renewal-fund", "Investment manager", ["INVESTOR"]],
  ["Andrea Horváth", "danube-smart-infrastructure-partners", "Partner", ["INVESTOR"]],
  ["Bram Visser", "green-mobility-angels", "Angel investor", ["INVESTOR"]],
  ["Felix Braun", "citytech-ventures", "Principal", ["INVESTOR"]],
  ["Dr. Laura Martínez", "urban-data-commons-lab", "Senior researcher, urban data", ["EXPERT"]],
  ["Prof. Ingrid Berg", "positive-energy-districts-research-centre", "Professor of energy systems", ["EXPERT"]],
  ["Dr. Paul Schneider", "austrian-institute-of-technology", "Senior scientist, smart buildings", ["EXPERT"]],
  ["Sophie Dubois", "energy-cities", "Policy expert, local energy transition", ["EXPERT"]],
  ["Marek Horák", "twenty-communications", "Communication and dissemination expert", ["EXPERT"]],
  ["Chiara Romano", "civiesco", "Citizen engagement expert", ["EXPERT"]],
  ["Thomas Lambert", "blue-sight-conseil", "Business model expert", ["EXPERT"]],
  ["Émilie Garnier", "algoe", "Financing expert", ["EXPERT"]],
  ["Mads Nielsen", "streetlight-systems", "Head of city partnerships", ["ATTENDEE"]],
  ["Olga Ivanova", "urban-data-commons-lab", "Data platform architect", ["ATTENDEE"]],
];

function pick<T>(list: readonly T[], index: number, count: number): T[] {
  return Array.from({ length: Math.min(count, list.length) }, (_, i) => list[(index + i) % list.length]);
}

const INTENTS_BY_KIND: Record<string, Intent[]> = {
  LIGHTHOUSE_CITY: ["PARTNER", "ADVISE"],
  FELLOW_CITY: ["REPLICATE", "PILOT"],
  PROJECT: ["PARTNER", "ADVISE"],
  INVESTOR: ["INVEST", "CO_FUND"],
  RESEARCH: ["ADVISE", "PARTNER"],
  COMPANY: ["PILOT", "PARTNER"],
  ASSOCIATION: ["ADVISE", "PARTNER"],
};

/** Seeds the directory: run after the demo accounts and delegates exist. */
export async function seedNetwork(client: Tx | Db, passwordHash: string): Promise<void> {
  await client.organisation.createMany({ data: moreOrganisations, skipDuplicates: true });
  const orgs = new Map(
    (await client.organisation.findMany({ select: { id: true, slug: true, kind: true, country: true, city: true, themes: true } })).map((o) => [o.slug, o]),
  );

  await client.user.createMany({
    data: networkPeople.map(([name, , jobTitle, roles]) => ({
      name,
      jobTitle,
      roles,
      passwordHash,
      email: `${slug(name).replace(/-/g, ".")}@network.scale-events.demo`,
    })),
    skipDuplicates: true,
  });
  const users = await client.user.findMany({
    where: { deletedAt: null },
    select: { id: true, email: true, name: true, memberships: { select: { organisationId: true } } },
  });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const memberships: Prisma.MembershipCreateManyInput[] = [];
  for (const [name, orgSlug, , roles] of networkPeople) {
    const user = byEmail.get(`${slug(name).replace(/-/g, ".")}@network.scale-events.demo`);
    const org = orgs.get(orgSlug);
    if (user && org)
      memberships.push({
        userId: user.id,
        organisationId: org.id,
        role: roles.includes("REPRESENTATIVE") || roles.includes("INVESTOR") ? "REPRESENTATIVE" : "MEMBER",
      });
  }
  await client.membership.createMany({ data: memberships, skipDuplicates: true });
  // The demo city representative administers Kraków's page; the demo project representative SPARCS's.
  for (const [email, orgSlug] of [
    ["city@scale-events.demo", "krakow"],
    ["project@scale-events.demo", "sparcs"],
  ] as const) {
    const user = byEmail.get(email);
    const org = orgs.get(orgSlug);
    if (user && org) await client.membership.updateMany({ where: { userId: user.id, organisationId: org.id }, data: { role: "ADMIN" } });
  }

  const memberOf = new Map<string, string>();
  for (const m of await client.membership.findMany({ orderBy: { createdAt: "asc" }, select: { userId: true, organisationId: true } })) {
    if (!memberOf.has(m.userId)) memberOf.set(m.userId, m.organisationId);
  }
  const orgById = new Map([...orgs.values()].map((o) => [o.id, o]));
  const profiles: Prisma.PersonProfileCreateManyInput[] = [];
  users.forEach((user, index) => {
    if (user.email.startsWith("admin@") || user.email.startsWith("organiser@")) return;
    const org = orgById.get(memberOf.get(user.id) ?? "");
    const delegateCity =
      !org && user.email.endsWith(".demo") && !user.email.endsWith("scale-events.demo") ? user.email.split("@")[1].replace(/\.demo$/, "") : null;
    const cityOrg = delegateCity ? orgs.get(delegateCity) : undefined;
    const home = org ?? cityOrg;
    const country = home?.country ?? null;
    const themes: Theme[] = home?.themes?.length ? home.themes.slice(0, 3) : pick(["MOBILITY", "ENERGY", "DATA_PLATFORMS"] as Theme[], index, 2);
    const language = country ? LANGUAGE_BY_COUNTRY[country] : undefined;
    const expertise = [...EXPERTISE[index % EXPERTISE.length]];
    const unlisted = user.email.startsWith("attendee@");
    profiles.push({
      userId: user.id,
      organisationId: org?.id ?? cityOrg?.id ?? null,
      country,
      city: home?.city ?? null,
      languages: [...new Set([language, "en"].filter((l): l is string => !!l))],
      themes,
      intents: INTENTS_BY_KIND[home?.kind ?? "COMPANY"],
      expertise,
      bio: `${user.name.replace(/^(Dr\.|Prof\.)\s+/, "")} works on ${expertise.join(", ")}${home ? ` at ${home.city ?? home.slug}` : ""}, and shares what worked with the SCALE network so other cities can replicate it.`,
      listed: !unlisted,
      openToIntroductions: !unlisted && index % 4 !== 3,
    });
  });
  // Memberships by the delegates' cities, so organisation pages list their people.
  await client.membership.createMany({
    data: profiles
      .filter((p) => p.organisationId && !memberOf.has(p.userId))
      .map((p) => ({ userId: p.userId, organisationId: p.organisationId!, role: "MEMBER" as const })),
    skipDuplicates: true,
  });
  await client.personProfile.createMany({ data: profiles, skipDuplicates: true });
}
