// Directory search over 10 000 people and 1 000 organisations: the app's search functions
// (searchPeople, searchOrganisations: Prisma's $queryRaw, paging, mapping) beside the very same SQL
// statements run raw with pg in the same run, and the /people page over HTTP (signed in) beside
// the raw people query. A mix of searches: none, a word, several words, a name prefix, filters
// alone and with words, a later page. Goal: ≥ 0.5× raw throughput, p95 < 50 ms. Throughput is
// measured with 8 concurrent callers, latency also with one (8 callers on a 2-core machine queue).
import { createCookie } from "@remix-run/node";
import pg from "pg";
import pino from "pino";
import { createSession } from "../../app/domain/accounts/sessions.server";
import type { OrganisationFilters, PeopleFilters } from "../../app/domain/network/network-forms";
import { organisationSearchSql, searchOrganisations } from "../../app/domain/network/organisations.server";
import { peopleSearchSql, searchPeople, PEOPLE_PAGE_SIZE } from "../../app/domain/network/people.server";
import { disconnectDb } from "../../app/platform/db.server";
import { SESSION_COOKIE_NAME } from "../../app/web/auth.server";
import { startAppServer } from "../../server/app";
import { benchDatabase, figure, percentile, type BenchFigure, type Benchmark } from "./harness";
import { runLoad } from "./load";

const PEOPLE = 10_000;
const ORGANISATIONS = 1_000;
const CONCURRENCY = 8;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3_000);
const WARMUP_MS = 500;

const PEOPLE_QUERIES: PeopleFilters[] = [
  { page: 1 },
  { page: 1, q: "energy" },
  { page: 1, q: "positive energy district" },
  { page: 1, q: "mari" },
  { page: 1, theme: "MOBILITY", country: "DE" },
  { page: 1, role: "EXPERT", q: "data" },
  { page: 1, kind: "FELLOW_CITY", language: "fr" },
  { page: 3, q: "heat" },
];
const ORGANISATION_QUERIES: OrganisationFilters[] = [
  { page: 1 },
  { page: 1, q: "lighting" },
  { page: 1, q: "city of" },
  { page: 1, kind: "INVESTOR", country: "FR" },
  { page: 2, theme: "ENERGY" },
];

/** 1 000 organisations and 10 000 people (90 % listed), written by SQL so the triggers fill the search documents. */
async function seedDirectory(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO "Organisation" ("slug", "name", "kind", "country", "city", "description", "themes", "solutionsOffered", "solutionsWanted", "updatedAt")
      SELECT 'org-' || i,
             (ARRAY['City of', 'Port of', 'Fund', 'Institute', 'Lab', 'Works'])[1 + i % 6] || ' ' || (ARRAY['Lyon', 'Kraków', 'Tartu', 'Umeå', 'Valladolid', 'Kiel', 'Maia', 'Sofia', 'Espoo', 'Lisbon'])[1 + i % 10] || ' ' || i,
             (ARRAY['LIGHTHOUSE_CITY', 'FELLOW_CITY', 'PROJECT', 'INVESTOR', 'COMPANY', 'RESEARCH', 'ASSOCIATION'])[1 + i % 7]::"OrganisationKind",
             (ARRAY['FR', 'DE', 'AT', 'FI', 'PT', 'IT', 'SE', 'ES', 'NL', 'PL', 'EE', 'BG'])[1 + i % 12],
             (ARRAY['Lyon', 'Munich', 'Vienna', 'Helsinki', 'Lisbon', 'Milan'])[1 + i % 6],
             'Replicating smart street lighting, positive energy districts and open data platforms across Europe, organisation ' || i,
             ARRAY[(ARRAY['MOBILITY', 'ENERGY', 'SMART_BUILDINGS', 'DATA_PLATFORMS', 'GOVERNANCE', 'CITIZEN_ENGAGEMENT', 'SMART_INFRASTRUCTURE'])[1 + i % 7]]::"Theme"[],
             ARRAY['Smart street lighting', 'E-mobility hubs'], ARRAY['Open data platform'], now()
        FROM generate_series(1, ${ORGANISATIONS}) AS i`);
    await client.query(`
      INSERT INTO "User" ("email", "name", "passwordHash", "roles", "jobTitle", "updatedAt")
      SELECT 'person-' || i || '@bench.test',
             (ARRAY['Maria', 'Jonas', 'Aino', 'Tomás', 'Elena', 'Pekka', 'Sofia', 'Miguel', 'Claire', 'Stefan', 'Núria', 'Kadri', 'Ivan', 'Giulia', 'Erik', 'Camille'])[1 + i % 16] || ' ' ||
             (ARRAY['Kowalska', 'Weber', 'Virtanen', 'Ferreira', 'Rossi', 'Lindqvist', 'Santos', 'Moreau', 'Huber', 'Puig', 'Tamm', 'Georgiev', 'Conti', 'Johansson', 'Lefèvre', 'Dvořák', 'Nowak'])[1 + (i * 7) % 17] || ' ' || i,
             'x',
             ARRAY[(ARRAY['ATTENDEE', 'EXPERT', 'INVESTOR', 'REPRESENTATIVE', 'ATTENDEE'])[1 + i % 5]]::"UserRole"[],
             (ARRAY['Smart city coordinator', 'Energy planner', 'Investment director', 'Urban data officer', 'Mobility planner'])[1 + i % 5],
             now()
        FROM generate_series(1, ${PEOPLE}) AS i`);
    await client.query(`
      INSERT INTO "PersonProfile" ("userId", "bio", "country", "city", "languages", "themes", "intents", "expertise", "organisationId", "listed", "openToIntroductions", "updatedAt")
      SELECT u."id",
             'Works on ' || (ARRAY['positive energy districts', 'heat pumps and district heating', 'open urban data', 'e-mobility hubs', 'citizen engagement'])[1 + n % 5] || ' and replication in the SCALE network.',
             (ARRAY['FR', 'DE', 'AT', 'FI', 'PT', 'IT', 'SE', 'ES', 'NL', 'PL', 'EE', 'BG'])[1 + n % 12],
             'City ' || (n % 50),
             ARRAY['en', (ARRAY['fr', 'de', 'fi', 'pt', 'it', 'sv', 'es', 'nl', 'pl'])[1 + n % 9]],
             ARRAY[(ARRAY['MOBILITY', 'ENERGY', 'SMART_BUILDINGS', 'DATA_PLATFORMS', 'GOVERNANCE', 'CITIZEN_ENGAGEMENT', 'SMART_INFRASTRUCTURE'])[1 + n % 7],
                   (ARRAY['ENERGY', 'MOBILITY', 'DATA_PLATFORMS'])[1 + n % 3]]::"Theme"[],
             ARRAY[(ARRAY['REPLICATE', 'PILOT', 'INVEST', 'CO_FUND', 'PARTNER', 'ADVISE'])[1 + n % 6]]::"Intent"[],
             ARRAY[(ARRAY['data platforms', 'building retrofit', 'procurement', 'smart lighting', 'energy communities'])[1 + n % 5]],
             (SELECT "id" FROM "Organisation" WHERE "slug" = 'org-' || (1 + n % ${ORGANISATIONS})),
             n % 10 <> 0, n % 2 = 0, now()
        FROM (SELECT "id", row_number() OVER (ORDER BY "email") AS n FROM "User" WHERE "email" LIKE '%@bench.test') AS u`);
    await client.query(`ANALYZE "Organisation"; ANALYZE "User"; ANALYZE "PersonProfile"`);
    const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'person-1@bench.test'`);
    return rows[0].id;
  } finally {
    await client.end();
  }
}

interface Measured {
  perSecond: number;
  p95Ms: number;
}

/** `callers` concurrent callers for `durationMs`, each running the queries in turn. */
async function measure(durationMs: number, queries: number, call: (index: number) => Promise<unknown>, callers = CONCURRENCY): Promise<Measured> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + durationMs;
  await Promise.all(
    Array.from({ length: callers }, async (_, worker) => {
      for (let n = worker; performance.now() < until; n += callers) {
        const t = performance.now();
        await call(n % queries);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { perSecond: latencies.length / ((performance.now() - started) / 1000), p95Ms: percentile(latencies, 95) };
}

export const benchmarks: Benchmark[] = [
  {
    name: "directory-search",
    async run(): Promise<BenchFigure[]> {
      const database = await benchDatabase("directory");
      const pool = new pg.Pool({ connectionString: database.url, max: 20 });
      let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
      try {
        const viewerId = await seedDirectory(database.url);
        const peopleSql = PEOPLE_QUERIES.map((f) => peopleSearchSql(f, PEOPLE_PAGE_SIZE, (f.page - 1) * PEOPLE_PAGE_SIZE));
        const orgSql = ORGANISATION_QUERIES.map((f) => organisationSearchSql(f, 24, (f.page - 1) * 24));
        const sanity = await searchPeople(PEOPLE_QUERIES[1]);
        const raw = await pool.query(peopleSql[1].text, peopleSql[1].values);
        if (sanity.page.total === 0 || sanity.page.total !== raw.rows[0].total) throw new Error("the app and the raw query disagree");

        const appPeople = (i: number) => searchPeople(PEOPLE_QUERIES[i]);
        const rawPeople = (i: number) => pool.query(peopleSql[i].text, peopleSql[i].values);
        const appOrgs = (i: number) => searchOrganisations(ORGANISATION_QUERIES[i]);
        const rawOrgs = (i: number) => pool.query(orgSql[i].text, orgSql[i].values);
        await measure(WARMUP_MS, PEOPLE_QUERIES.length, appPeople);
        await measure(WARMUP_MS, PEOPLE_QUERIES.length, rawPeople);
        const rawP = await measure(DURATION_MS, PEOPLE_QUERIES.length, rawPeople);
        const appP = await measure(DURATION_MS, PEOPLE_QUERIES.length, appPeople);
        await measure(WARMUP_MS, ORGANISATION_QUERIES.length, appOrgs);
        const rawO = await measure(DURATION_MS, ORGANISATION_QUERIES.length, rawOrgs);
        const appO = await measure(DURATION_MS, ORGANISATION_QUERIES.length, appOrgs);
        // Latency as one person searching sees it (one caller: no queueing behind the others).
        const rawP1 = await measure(DURATION_MS, PEOPLE_QUERIES.length, rawPeople, 1);
        const appP1 = await measure(DURATION_MS, PEOPLE_QUERIES.length, appPeople, 1);

        server = await startAppServer({
          port: 0,
          host: "127.0.0.1",
          databaseUrl: database.url,
          logger: pino({ level: "silent" }),
          production: true,
          adapter: "memory",
        });
        const { token } = await createSession(viewerId, 1);
        const cookie = (await createCookie(SESSION_COOKIE_NAME).serialize(token)).split(";")[0];
        const url = `http://127.0.0.1:${server.port}/people?q=positive+energy&theme=ENERGY`;
        await runLoad({ url, headers: { Cookie: cookie }, connections: CONCURRENCY, durationMs: WARMUP_MS });
        const page = await runLoad({ url, headers: { Cookie: cookie }, connections: CONCURRENCY, durationMs: DURATION_MS });
        if (page.errors > 0 || Object.keys(page.statusCounts).some((code) => code !== "200"))
          throw new Error(`/people answered ${JSON.stringify(page.statusCounts)}`);

        const label = `same SQL raw with pg, ${CONCURRENCY} concurrent`;
        return [
          figure(`people search (${PEOPLE} people) throughput`, appP.perSecond, "ops/s", rawP.perSecond, label),
          figure(`people search p95 latency`, appP.p95Ms, "ms", rawP.p95Ms, label),
          figure(`people search p95 latency, one caller`, appP1.p95Ms, "ms", rawP1.p95Ms, "same SQL raw with pg, one caller"),
          figure(`organisation search (${ORGANISATIONS}) throughput`, appO.perSecond, "ops/s", rawO.perSecond, label),
          figure(`organisation search p95 latency`, appO.p95Ms, "ms", rawO.p95Ms, label),
          figure(`/people page (HTTP, signed in) throughput`, page.requestsPerSecond, "req/s", rawP.perSecond, "raw people SQL with pg"),
          figure(`/people page p95 latency`, percentile(page.latenciesMs, 95), "ms", rawP.p95Ms, "raw people SQL with pg"),
        ];
      } finally {
        await server?.close();
        await pool.end();
        await disconnectDb();
        await database.drop();
      }
    },
  },
];
