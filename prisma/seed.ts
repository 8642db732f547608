// Demo data for the SCALE network: real lighthouse and fellow cities, Lighthouse projects,
// investors, experts and four published events whose dates follow "now", so a fresh
// install always shows upcoming events. Run with `npm run db:seed` (server/db/seed-cli.ts) or
// automatically at start when the database is empty.
import type { Prisma } from "../app/generated/prisma/client";
import type { UserRole } from "../app/generated/prisma/enums";
import { hashPassword } from "../app/domain/accounts/passwords.server";
import { generateTicketCode } from "../app/domain/registration/ticket-code";
import { fromWallTime, toWallTime } from "../app/domain/kernel/time/zoned";
import { db, type Db, type Tx } from "../app/platform/db.server";
import { seedCommunity } from "./seed/community";
import { seedIntegrations } from "./seed/integrations";
import { seedNetwork } from "./seed/network";
import { seedI18nDemo } from "./seed/i18n";
import { seedEngagement } from "./seed/engagement";

export const DEMO_PASSWORD = "scale-demo-2026";
/**
 * The demo organiser and admin have two-factor authentication on with this TOTP secret (base32),
 * printed with the demo accounts: add it to any authenticator app. Demo data only.
 */
export const DEMO_TOTP_SECRET = "SCALEEVENTSDEMOSECRETTOTP234567A";

type OrgSeed = Omit<Prisma.OrganisationCreateManyInput, "slug"> & { slug?: string };

const slugify = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const lighthouseCities: [string, string, Prisma.OrganisationCreateManyInput["themes"]][] = [
  ["Lyon", "FR", ["SMART_BUILDINGS", "ENERGY", "DATA_PLATFORMS"]],
  ["Munich", "DE", ["MOBILITY", "SMART_BUILDINGS", "CITIZEN_ENGAGEMENT"]],
  ["Vienna", "AT", ["ENERGY", "SMART_BUILDINGS", "GOVERNANCE"]],
  ["Hamburg", "DE", ["MOBILITY", "SMART_INFRASTRUCTURE", "DATA_PLATFORMS"]],
  ["Helsinki", "FI", ["SMART_BUILDINGS", "MOBILITY", "DATA_PLATFORMS"]],
  ["Nantes", "FR", ["ENERGY", "CITIZEN_ENGAGEMENT"]],
  ["Lisbon", "PT", ["MOBILITY", "SMART_INFRASTRUCTURE", "CITIZEN_ENGAGEMENT"]],
  ["Milan", "IT", ["SMART_BUILDINGS", "MOBILITY", "DATA_PLATFORMS"]],
  ["Stockholm", "SE", ["ENERGY", "SMART_BUILDINGS", "MOBILITY"]],
  ["Cologne", "DE", ["ENERGY", "MOBILITY"]],
  ["Barcelona", "ES", ["SMART_INFRASTRUCTURE", "ENERGY", "GOVERNANCE"]],
  ["Eindhoven", "NL", ["SMART_INFRASTRUCTURE", "DATA_PLATFORMS"]],
  ["Umeå", "SE", ["ENERGY", "SMART_BUILDINGS"]],
  ["Rotterdam", "NL", ["ENERGY", "SMART_INFRASTRUCTURE", "GOVERNANCE"]],
  ["Espoo", "FI", ["ENERGY", "SMART_BUILDINGS", "DATA_PLATFORMS"]],
  ["Valladolid", "ES", ["SMART_BUILDINGS", "MOBILITY"]],
  ["Tartu", "EE", ["SMART_BUILDINGS", "DATA_PLATFORMS", "CITIZEN_ENGAGEMENT"]],
  ["Florence", "IT", ["MOBILITY", "SMART_INFRASTRUCTURE"]],
];

const fellowCities: [string, string, Prisma.OrganisationCreateManyInput["themes"]][] = [
  ["Sofia", "BG", ["MOBILITY", "ENERGY"]],
  ["Venice", "IT", ["MOBILITY", "CITIZEN_ENGAGEMENT"]],
  ["Santiago de Compostela", "ES", ["SMART_BUILDINGS", "GOVERNANCE"]],
  ["Kiel", "DE", ["ENERGY", "MOBILITY"]],
  ["Kladno", "CZ", ["SMART_INFRASTRUCTURE", "DATA_PLATFORMS"]],
  ["Kraków", "PL", ["SMART_BUILDINGS", "ENERGY"]],
  ["Łódź", "PL", ["CITIZEN_ENGAGEMENT", "SMART_BUILDINGS"]],
  ["Burgas", "BG", ["MOBILITY", "SMART_INFRASTRUCTURE"]],
  ["Maia", "PT", ["SMART_BUILDINGS", "CITIZEN_ENGAGEMENT"]],
  ["Ioannina", "GR", ["ENERGY", "DATA_PLATFORMS"]],
  ["Bordeaux", "FR", ["MOBILITY", "DATA_PLATFORMS"]],
  ["Göteborg", "SE", ["ENERGY", "SMART_INFRASTRUCTURE"]],
];

const projects: [string, string, Prisma.OrganisationCreateManyInput["themes"], string[]][] = [
  ["Smarter Together", "FR", ["SMART_BUILDINGS", "MOBILITY", "DATA_PLATFORMS"], ["Smart data platform", "E-mobility hubs"]],
  ["mySMARTLife", "DE", ["ENERGY", "MOBILITY"], ["District heating retrofit", "Urban platform"]],
  ["Sharing Cities", "IT", ["SMART_BUILDINGS", "MOBILITY"], ["Smart lampposts", "Building energy management"]],
  ["GrowSmarter", "ES", ["ENERGY", "SMART_INFRASTRUCTURE"], ["Smart street lighting", "Waste heat recovery"]],
  ["Triangulum", "NL", ["DATA_PLATFORMS", "SMART_INFRASTRUCTURE"], ["Open data platform", "Smart grid"]],
  ["SPARCS", "FI", ["ENERGY", "SMART_BUILDINGS"], ["Positive energy district", "Virtual power plant"]],
];

const investors: {
  name: string;
  country: string;
  themes: Prisma.OrganisationCreateManyInput["themes"];
  min: number;
  max: number;
  stages: string[];
  focus: string[];
  description: string;
}[] = [
  {
    name: "European Investment Bank — Urban Development",
    country: "LU",
    themes: ["ENERGY", "MOBILITY", "SMART_INFRASTRUCTURE"],
    min: 25_000_000,
    max: 500_000_000,
    stages: ["scale-up", "infrastructure"],
    focus: [],
    description: "Long-term lending for urban infrastructure, energy efficiency and sustainable mobility across the EU.",
  },
  {
    name: "Nordic Green Infrastructure Fund",
    country: "SE",
    themes: ["ENERGY", "SMART_BUILDINGS"],
    min: 5_000_000,
    max: 40_000_000,
    stages: ["pilot-to-scale", "scale-up"],
    focus: ["SE", "FI", "DK", "EE"],
    description: "Equity and mezzanine for energy-positive districts and building retrofits in the Nordics and Baltics.",
  },
  {
    name: "CityTech Ventures",
    country: "DE",
    themes: ["DATA_PLATFORMS", "MOBILITY", "CITIZEN_ENGAGEMENT"],
    min: 500_000,
    max: 5_000_000,
    stages: ["pilot", "pilot-to-scale"],
    focus: [],
    description: "Venture capital for companies whose products were proven in lighthouse city pilots.",
  },
  {
    name: "Iberian Impact Capital",
    country: "ES",
    themes: ["MOBILITY", "ENERGY", "SMART_INFRASTRUCTURE"],
    min: 2_000_000,
    max: 25_000_000,
    stages: ["pilot-to-scale"],
    focus: ["ES", "PT"],
    description: "Impact investment in bankable smart-city projects in Spain and Portugal.",
  },
];

const secretariat: [string, string, Prisma.OrganisationCreateManyInput["kind"]][] = [
  ["SPL Lyon Confluence", "FR", "ASSOCIATION"],
  ["Energy Cities", "BE", "ASSOCIATION"],
  ["Austrian Institute of Technology", "AT", "RESEARCH"],
  ["Civiesco", "IT", "COMPANY"],
  ["Twenty Communications", "SK", "COMPANY"],
];

interface DemoAccount {
  role: string;
  email: string;
}

/** Wall time `days` from today (in `zone`) at hh:mm, as an instant. */
function at(zone: string, base: Date, days: number, hour: number, minute = 0): Date {
  const today = toWallTime(base, zone);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return fromWallTime({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute }, zone);
}

export async function seedDemoData(client: Tx | Db = db(), now = new Date()): Promise<{ accounts: DemoAccount[]; password: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const orgs: OrgSeed[] = [
    ...lighthouseCities.map(([name, country, themes]) => ({
      name: `City of ${name}`,
      slug: slugify(name),
      kind: "LIGHTHOUSE_CITY" as const,
      country,
      city: name,
      themes,
      description: `${name} is a SCALE lighthouse city demonstrating smart, carbon-neutral solutions ready for replication.`,
      solutionsOffered: ["Smart street lighting", "E-mobility hubs", "Building energy management"].slice(0, 2 + (name.length % 2)),
      investmentSoughtEur: BigInt(5_000_000 + (name.length % 5) * 5_000_000),
    })),
    ...fellowCities.map(([name, country, themes]) => ({
      name: `City of ${name}`,
      slug: slugify(name),
      kind: "FELLOW_CITY" as const,
      country,
      city: name,
      themes,
      description: `${name} is a SCALE fellow city replicating proven lighthouse solutions.`,
      solutionsWanted: ["Smart street lighting", "Positive energy district", "Open data platform"].slice(name.length % 2),
      investmentSoughtEur: BigInt(2_000_000 + (name.length % 4) * 4_000_000),
    })),
    ...projects.map(([name, country, themes, offered]) => ({
      name,
      slug: slugify(name),
      kind: "PROJECT" as const,
      country,
      themes,
      solutionsOffered: offered,
      description: `${name} is one of the 18 Horizon 2020 Smart Cities and Communities Lighthouse projects.`,
    })),
    ...investors.map((i) => ({
      name: i.name,
      slug: slugify(i.name),
      kind: "INVESTOR" as const,
      country: i.country,
      themes: i.themes,
      ticketMinEur: BigInt(i.min),
      ticketMaxEur: BigInt(i.max),
      stages: i.stages,
      focusCountries: i.focus,
      description: i.description,
    })),
    ...secretariat.map(([name, country, kind]) => ({ name, slug: slugify(name), kind, country, description: `${name} is part of the SCALE Secretariat.` })),
  ];
  await client.organisation.createMany({ data: orgs.map((o) => ({ ...o, slug: o.slug ?? slugify(o.name) })) });
  const orgBySlug = new Map((await client.organisation.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));

  const people: { email: string; name: string; roles: UserRole[]; jobTitle: string; org?: string; role: string }[] = [
    {
      email: "admin@scale-events.demo",
      name: "Amélie Durand",
      roles: ["ADMIN"],
      jobTitle: "Platform administrator, SCALE Secretariat",
      org: "spl-lyon-confluence",
      role: "admin",
    },
    {
      email: "organiser@scale-events.demo",
      name: "Jonas Weber",
      roles: ["ORGANISER"],
      jobTitle: "Roadshow coordinator, SCALE Secretariat",
      org: "energy-cities",
      role: "organiser",
    },
    {
      email: "investor@scale-events.demo",
      name: "Sofia Lindqvist",
      roles: ["INVESTOR"],
      jobTitle: "Investment director",
      org: "nordic-green-infrastructure-fund",
      role: "investor",
    },
    { email: "investor2@scale-events.demo", name: "Miguel Santos", roles: ["INVESTOR"], jobTitle: "Partner", org: "iberian-impact-capital", role: "investor" },
    {
      email: "city@scale-events.demo",
      name: "Maria Kowalska",
      roles: ["REPRESENTATIVE"],
      jobTitle: "Smart city coordinator",
      org: "krakow",
      role: "city representative",
    },
    {
      email: "project@scale-events.demo",
      name: "Pekka Virtanen",
      roles: ["REPRESENTATIVE"],
      jobTitle: "Replication manager",
      org: "sparcs",
      role: "project representative",
    },
    {
      email: "expert@scale-events.demo",
      name: "Dr. Elena Rossi",
      roles: ["ATTENDEE"],
      jobTitle: "Expert, citizen engagement",
      org: "austrian-institute-of-technology",
      role: "expert",
    },
    { email: "attendee@scale-events.demo", name: "Tomás Ferreira", roles: ["ATTENDEE"], jobTitle: "Urban planner", org: "lisbon", role: "attendee" },
  ];
  await client.user.createMany({
    data: people.map(({ email, name, roles, jobTitle }) => ({
      email,
      name,
      roles,
      jobTitle,
      passwordHash,
      // Staff need a second factor before organiser and admin pages (issue 15).
      ...(roles.includes("ADMIN") || roles.includes("ORGANISER") ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: now } : {}),
    })),
  });
  const userByEmail = new Map((await client.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  await client.membership.createMany({
    data: people
      .filter((p) => p.org)
      .map((p) => ({
        userId: userByEmail.get(p.email)!,
        organisationId: orgBySlug.get(p.org!)!,
        role: p.roles.includes("REPRESENTATIVE") || p.roles.includes("INVESTOR") ? ("REPRESENTATIVE" as const) : ("MEMBER" as const),
      })),
  });
  const organiserId = userByEmail.get("organiser@scale-events.demo")!;
  const investorId = userByEmail.get("investor@scale-events.demo")!;
  const investor2Id = userByEmail.get("investor2@scale-events.demo")!;

  // 1. A three-stop roadshow, each stop in its own city and time zone.
  const roadshowStart = at("Europe/Lisbon", now, 40, 9);
  const roadshow = await client.event.create({
    data: {
      slug: "scale-roadshow-investing-in-replication",
      title: "SCALE Roadshow: Investing in Replication",
      summary: "Lighthouse and fellow cities pitch bankable smart-city investments to investors — stop by stop across Europe.",
      description:
        "The SCALE Roadshow bridges the gap between cities and investor communities.\n\nAt each stop, cities and Lighthouse projects pitch their most bankable, high-demand smart-city investments — e-mobility hubs, positive energy districts, smart street lighting, urban data platforms — and meet investors in pre-booked 1:1 meetings.\n\nInvestors publish meeting slots; cities and projects book them, or the organisers schedule meetings from mutual preferences.",
      kind: "ROADSHOW",
      status: "PUBLISHED",
      mode: "IN_PERSON",
      timeZone: "Europe/Lisbon",
      startsAt: roadshowStart,
      endsAt: at("Europe/Paris", now, 54, 17),
      city: "Lisbon",
      country: "PT",
      venueName: "Lisbon, Helsinki and Lyon",
      themes: ["MOBILITY", "ENERGY", "SMART_INFRASTRUCTURE", "GOVERNANCE"],
      organisationId: orgBySlug.get("spl-lyon-confluence"),
      createdById: organiserId,
      publishedAt: now,
      organisers: { create: [{ userId: organiserId, role: "OWNER" }] },
      ticketTypes: {
        create: [
          { name: "City or project delegate", priceCents: 0, capacity: 120, position: 0 },
          { name: "Investor", priceCents: 0, capacity: 40, requiresApproval: true, position: 1 },
        ],
      },
      stops: {
        create: [
          {
            city: "Lisbon",
            country: "PT",
            timeZone: "Europe/Lisbon",
            venueName: "Hub Criativo do Beato",
            startsAt: roadshowStart,
            endsAt: at("Europe/Lisbon", now, 40, 18),
            position: 0,
          },
          {
            city: "Helsinki",
            country: "FI",
            timeZone: "Europe/Helsinki",
            venueName: "Maria 01",
            startsAt: at("Europe/Helsinki", now, 47, 9),
            endsAt: at("Europe/Helsinki", now, 47, 18),
            position: 1,
          },
          {
            city: "Lyon",
            country: "FR",
            timeZone: "Europe/Paris",
            venueName: "La Sucrière, Lyon Confluence",
            startsAt: at("Europe/Paris", now, 54, 9),
            endsAt: at("Europe/Paris", now, 54, 17),
            position: 2,
          },
        ],
      },
    },
    include: { stops: true },
  });
  for (const stop of roadshow.stops) {
    await client.meetingPoint.createMany({ data: [1, 2, 3, 4].map((n) => ({ eventId: roadshow.id, stopId: stop.id, name: `Table ${n}` })) });
    const stopDay = (hour: number) => new Date(stop.startsAt.getTime() + (hour - 9) * 3_600_000);
    await client.meetingAvailability.createMany({
      data: [
        { eventId: roadshow.id, stopId: stop.id, hostId: investorId, startsAt: stopDay(10), endsAt: stopDay(12.5), slotMinutes: 30, bufferMinutes: 0 },
        { eventId: roadshow.id, stopId: stop.id, hostId: investor2Id, startsAt: stopDay(14), endsAt: stopDay(17), slotMinutes: 20, bufferMinutes: 10 },
      ],
    });
  }
  // Which stops the demo city and project attend (the scheduler pairs them only there): Kraków's
  // coordinator flies to Lisbon and Helsinki; the SPARCS project, run from Finland, goes to
  // Helsinki and Lyon. They count once registered for the roadshow.
  const stopIn = (city: string) => roadshow.stops.find((s) => s.city === city)!.id;
  await client.stopAttendance.createMany({
    data: [
      { stopId: stopIn("Lisbon"), userId: userByEmail.get("city@scale-events.demo")! },
      { stopId: stopIn("Helsinki"), userId: userByEmail.get("city@scale-events.demo")! },
      { stopId: stopIn("Helsinki"), userId: userByEmail.get("project@scale-events.demo")! },
      { stopId: stopIn("Lyon"), userId: userByEmail.get("project@scale-events.demo")! },
    ],
  });

  // 2. An in-person workshop with an agenda of sessions in rooms and tracks.
  const vienna = "Europe/Vienna";
  const workshopDay = 21;
  const workshop = await client.event.create({
    data: {
      slug: "positive-energy-districts-workshop-vienna",
      title: "Positive Energy Districts: from Pilot to Replication",
      summary: "A hands-on workshop for fellow cities replicating positive energy districts proven by lighthouse cities.",
      description:
        "Lighthouse cities share what worked — and what did not — in their positive energy districts.\n\nFellow cities work in small groups on their own replication plans with experts from the SCALE expert community, covering business models, financing and citizen engagement.",
      kind: "WORKSHOP",
      status: "PUBLISHED",
      mode: "HYBRID",
      timeZone: vienna,
      startsAt: at(vienna, now, workshopDay, 9),
      endsAt: at(vienna, now, workshopDay + 1, 16),
      city: "Vienna",
      country: "AT",
      venueName: "Aspern Seestadt Technology Centre",
      venueAddress: "Seestadtstraße 27, 1220 Vienna",
      onlineUrl: "https://meet.scale-events.demo/ped-workshop",
      themes: ["ENERGY", "SMART_BUILDINGS", "CITIZEN_ENGAGEMENT"],
      organisationId: orgBySlug.get("austrian-institute-of-technology"),
      createdById: organiserId,
      publishedAt: now,
      agendaPublishedAt: now,
      organisers: { create: [{ userId: organiserId, role: "OWNER" }] },
      ticketTypes: {
        create: [
          { name: "In person", priceCents: 0, capacity: 60, position: 0 },
          { name: "Online", priceCents: 0, position: 1 },
          { name: "Study visit to Aspern Seestadt", priceCents: 4500, capacity: 25, paymentMethods: ["INVOICE"], refundUntilHours: 72, position: 2 },
        ],
      },
      tracks: {
        create: [
          { name: "Lessons learned", color: "#0b5cad", position: 0 },
          { name: "Replication lab", color: "#12a37f", position: 1 },
        ],
      },
      rooms: {
        create: [
          { name: "Plenary hall", capacity: 120, position: 0 },
          { name: "Lab A", capacity: 25, position: 1 },
          { name: "Lab B", capacity: 25, position: 2 },
        ],
      },
      speakers: {
        create: [
          {
            name: "Dr. Elena Rossi",
            jobTitle: "Expert, citizen engagement",
            organisation: "Austrian Institute of Technology",
            userId: userByEmail.get("expert@scale-events.demo"),
          },
          { name: "Pekka Virtanen", jobTitle: "Replication manager", organisation: "SPARCS", userId: userByEmail.get("project@scale-events.demo") },
          { name: "Anna Gruber", jobTitle: "Head of energy planning", organisation: "City of Vienna" },
          { name: "Sofia Lindqvist", jobTitle: "Investment director", organisation: "Nordic Green Infrastructure Fund", userId: investorId },
        ],
      },
    },
    include: { tracks: true, rooms: true, speakers: true },
  });
  const room = (name: string) => workshop.rooms.find((r) => r.name === name)!.id;
  const track = (name: string) => workshop.tracks.find((t) => t.name === name)!.id;
  const speaker = (name: string) => workshop.speakers.find((s) => s.name === name)!.id;
  const sessions: {
    title: string;
    format: Prisma.AgendaSessionCreateManyInput["format"];
    day: number;
    from: [number, number];
    to: [number, number];
    room: string;
    track?: string;
    speakers: string[];
    capacity?: number;
    description: string;
  }[] = [
    {
      title: "Welcome: why positive energy districts scale",
      format: "KEYNOTE",
      day: 0,
      from: [9, 0],
      to: [9, 45],
      room: "Plenary hall",
      track: "Lessons learned",
      speakers: ["Anna Gruber"],
      description: "Vienna's journey from demonstration to city-wide programme.",
    },
    {
      title: "Espoo and Leipzig: what SPARCS learned",
      format: "TALK",
      day: 0,
      from: [9, 45],
      to: [10, 30],
      room: "Plenary hall",
      track: "Lessons learned",
      speakers: ["Pekka Virtanen"],
      description: "Virtual power plants, district heating and the contracts behind them.",
    },
    { title: "Coffee and posters", format: "BREAK", day: 0, from: [10, 30], to: [11, 0], room: "Plenary hall", speakers: [], description: "" },
    {
      title: "Financing panel: making PEDs bankable",
      format: "PANEL",
      day: 0,
      from: [11, 0],
      to: [12, 15],
      room: "Plenary hall",
      track: "Lessons learned",
      speakers: ["Sofia Lindqvist", "Anna Gruber"],
      description: "Investors and cities on business models that work.",
    },
    {
      title: "Replication lab: citizen engagement",
      format: "WORKSHOP",
      day: 0,
      from: [13, 30],
      to: [15, 30],
      room: "Lab A",
      track: "Replication lab",
      speakers: ["Dr. Elena Rossi"],
      capacity: 20,
      description: "Co-design methods that win residents' support.",
    },
    {
      title: "Replication lab: technical integration",
      format: "WORKSHOP",
      day: 0,
      from: [13, 30],
      to: [15, 30],
      room: "Lab B",
      track: "Replication lab",
      speakers: ["Pekka Virtanen"],
      capacity: 20,
      description: "Energy management systems and data platforms.",
    },
    {
      title: "Study visit: Aspern Seestadt",
      format: "NETWORKING",
      day: 1,
      from: [9, 30],
      to: [12, 0],
      room: "Plenary hall",
      speakers: ["Anna Gruber"],
      description: "Walk through one of Europe's largest urban development areas.",
    },
    {
      title: "Your replication plan: peer review",
      format: "WORKSHOP",
      day: 1,
      from: [13, 0],
      to: [15, 30],
      room: "Lab A",
      track: "Replication lab",
      speakers: ["Dr. Elena Rossi"],
      capacity: 24,
      description: "Fellow cities present their plans; experts and peers give feedback.",
    },
  ];
  for (const s of sessions) {
    await client.agendaSession.create({
      data: {
        eventId: workshop.id,
        title: s.title,
        description: s.description,
        format: s.format,
        status: "PUBLISHED",
        startsAt: at(vienna, now, workshopDay + s.day, ...s.from),
        endsAt: at(vienna, now, workshopDay + s.day, ...s.to),
        roomId: room(s.room),
        trackId: s.track ? track(s.track) : null,
        capacity: s.capacity ?? null,
        themes: ["ENERGY"],
        speakers: { create: s.speakers.map((name) => ({ speakerId: speaker(name) })) },
      },
    });
  }

  // 3. A webinar: online only, join link for registered people.
  const brussels = "Europe/Brussels";
  const webinar = await client.event.create({
    data: {
      slug: "urban-data-platforms-webinar",
      title: "Urban Data Platforms for City Governance: Lessons from Lighthouse Cities",
      summary: "How Hamburg, Helsinki and Eindhoven run open urban data platforms — and how fellow cities can replicate them.",
      description:
        "A knowledge-sharing webinar of the SCALE network on holistic steering and city governance with urban data platforms. Live Q&A with the speakers.",
      kind: "WEBINAR",
      status: "PUBLISHED",
      mode: "ONLINE",
      timeZone: brussels,
      startsAt: at(brussels, now, 9, 14),
      endsAt: at(brussels, now, 9, 15, 30),
      onlineUrl: "https://meet.scale-events.demo/urban-data-platforms",
      themes: ["DATA_PLATFORMS", "GOVERNANCE"],
      organisationId: orgBySlug.get("energy-cities"),
      createdById: organiserId,
      publishedAt: now,
      agendaPublishedAt: now,
      organisers: { create: [{ userId: organiserId, role: "OWNER" }] },
      ticketTypes: { create: [{ name: "Webinar seat", priceCents: 0, capacity: 500, position: 0 }] },
    },
  });
  await client.agendaSession.create({
    data: {
      eventId: webinar.id,
      title: "Urban data platforms: Hamburg, Helsinki, Eindhoven",
      format: "PANEL",
      status: "PUBLISHED",
      startsAt: webinar.startsAt,
      endsAt: webinar.endsAt,
      onlineUrl: webinar.onlineUrl,
      themes: ["DATA_PLATFORMS", "GOVERNANCE"],
      description: "Three lighthouse cities compare architectures, governance and costs.",
    },
  });

  // 4. Networking: the City Coordinators Group.
  await client.event.create({
    data: {
      slug: "city-coordinators-group-mobility-meetup",
      title: "City Coordinators Group: Mobility Replication Meet-up",
      summary: "Matchmaking for city coordinators: find partner cities that solved your mobility challenge.",
      description:
        "The City Coordinators Group is SCALE's matchmaking and networking group for cities to expand their networks of partners. This meet-up focuses on e-mobility hubs, shared mobility and smart parking.",
      kind: "NETWORKING",
      status: "PUBLISHED",
      mode: "ONLINE",
      timeZone: "Europe/Madrid",
      startsAt: at("Europe/Madrid", now, 30, 10),
      endsAt: at("Europe/Madrid", now, 30, 12),
      themes: ["MOBILITY", "CITIZEN_ENGAGEMENT"],
      organisationId: orgBySlug.get("civiesco"),
      createdById: organiserId,
      publishedAt: now,
      organisers: { create: [{ userId: organiserId, role: "OWNER" }] },
      ticketTypes: { create: [{ name: "City coordinator", priceCents: 0, capacity: 80, position: 0 }] },
      matchRooms: {
        create: [
          { name: "Mobility replication", topic: "E-mobility hubs and shared mobility", themes: ["MOBILITY"] },
          { name: "Investors × fellow cities", topic: "Financing replication", themes: ["GOVERNANCE"] },
        ],
      },
    },
  });
  await seedIntegrations(client, now);

  await seedEngagement(client, now);
  return {
    password: DEMO_PASSWORD,
    accounts: people.map((p) => ({ role: p.role, email: p.email })),
  };
}

const demoDelegates: [string, string][] = [
  ["Inês Carvalho", "Maia"],
  ["Jakub Nowak", "Łódź"],
  ["Elena Petrova", "Sofia"],
  ["Marco Bianchi", "Venice"],
  ["Lucía Fernández", "Santiago de Compostela"],
  ["Henrik Sörensen", "Göteborg"],
  ["Katarzyna Wiśniewska", "Kraków"],
  ["Georgios Papadopoulos", "Ioannina"],
  ["Petr Dvořák", "Kladno"],
  ["Ivan Georgiev", "Burgas"],
  ["Claire Martin", "Bordeaux"],
  ["Lars Petersen", "Kiel"],
  ["Anna Schmidt", "Munich"],
  ["Matti Korhonen", "Espoo"],
  ["Sara Lindberg", "Umeå"],
  ["Pieter de Vries", "Rotterdam"],
  ["Marta Puig", "Barcelona"],
  ["Giulia Romano", "Milan"],
  ["Kadri Tamm", "Tartu"],
  ["Pablo Sanz", "Valladolid"],
  ["Sophie Leclerc", "Nantes"],
  ["Jan Bakker", "Eindhoven"],
  ["Lena Müller", "Cologne"],
  ["Astrid Nilsson", "Stockholm"],
  ["Chiara Conti", "Florence"],
  ["Hanna Virtanen", "Helsinki"],
];

/**
 * Activity for the demo (not for tests): delegates from the network's cities registered over the
 * last two weeks, so organisers' dashboards and lists have something to show on a fresh install.
 */
export async function seedDemoActivity(client: Tx | Db = db(), now = new Date()): Promise<void> {
  const passwordHash = (await client.user.findFirstOrThrow({ select: { passwordHash: true } })).passwordHash;
  const workshop = await client.event.findUniqueOrThrow({
    where: { slug: "positive-energy-districts-workshop-vienna" },
    include: { ticketTypes: { orderBy: { position: "asc" } } },
  });
  const webinar = await client.event.findUniqueOrThrow({ where: { slug: "urban-data-platforms-webinar" }, include: { ticketTypes: true } });
  const [inPerson, online] = workshop.ticketTypes;
  const delegates = [];
  for (const [name, city] of demoDelegates) {
    const email = `${slugify(name).replace(/-/g, ".")}@${slugify(city)}.demo`;
    delegates.push(
      await client.user.create({ data: { email, name, passwordHash, jobTitle: `Smart city team, ${city}`, roles: ["ATTENDEE"] }, select: { id: true } }),
    );
  }
  const registrations: Prisma.RegistrationCreateManyInput[] = [];
  const taken = new Map<string, number>();
  delegates.forEach((delegate, index) => {
    // Spread over the last two weeks, as announcements went out.
    const daysAgo = (index * 5) % 14;
    const createdAt = new Date(now.getTime() - daysAgo * 86_400_000 - (index % 9) * 3_600_000);
    const ticket = index % 4 === 3 ? online : inPerson;
    registrations.push({
      eventId: workshop.id,
      userId: delegate.id,
      ticketTypeId: ticket.id,
      status: "CONFIRMED",
      ticketCode: generateTicketCode(),
      createdAt,
    });
    taken.set(ticket.id, (taken.get(ticket.id) ?? 0) + 1);
    if (index % 2 === 0) {
      registrations.push({
        eventId: webinar.id,
        userId: delegate.id,
        ticketTypeId: webinar.ticketTypes[0].id,
        status: "CONFIRMED",
        ticketCode: generateTicketCode(),
        createdAt: new Date(createdAt.getTime() + 86_400_000),
      });
      taken.set(webinar.ticketTypes[0].id, (taken.get(webinar.ticketTypes[0].id) ?? 0) + 1);
    }
  });
  await client.registration.createMany({ data: registrations });
  for (const [ticketTypeId, count] of taken) await client.ticketType.update({ where: { id: ticketTypeId }, data: { taken: { increment: count } } });
  await seedNetwork(client, passwordHash);
  await seedCommunity(client, now);
  await seedI18nDemo(client);
}

/** Seeds only a database without users, so restarts never duplicate or overwrite data. */
export async function seedDemoDataIfEmpty(): Promise<{ accounts: DemoAccount[]; password: string } | null> {
  // An advisory lock stops two nodes starting together from both seeding.
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
      if ((await tx.user.count()) > 0) return null;
      const seeded = await seedDemoData(tx);
      await seedDemoActivity(tx);
      return seeded;
    },
    { timeout: 120_000 },
  );
}
