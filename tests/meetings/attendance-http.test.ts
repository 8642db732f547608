// The "Stops you will attend" form over HTTP, as a browser without JavaScript posts it (one
// stopIds field per ticked box): CSRF required, a tampered stop id is a 400 with the message
// next to the fieldset and nothing written, a good post replaces the set. Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { makeRegistration } from "../support/factories";
import { TestClient, signedInClient } from "../support/http-client";

const ROADSHOW = "scale-roadshow-investing-in-replication";
let server: Awaited<ReturnType<typeof startTestServer>>;
let stops: { id: string; city: string }[] = [];
let cityId = "";

const signedIn = (email: string) => signedInClient(server.baseUrl, email);

/** Posts the form with repeated stopIds, as a browser sends a checkbox group. */
async function postStops(client: TestClient, stopIds: string[], options: { csrf?: boolean } = {}) {
  if (!client.csrfToken()) await client.get(`/roadshows/${ROADSHOW}`);
  const body = new URLSearchParams([["intent", "attendance"], ...stopIds.map((id) => ["stopIds", id] as [string, string])]);
  if (options.csrf !== false) body.set("_csrf", client.csrfToken() ?? "");
  return client.request(`/roadshows/${ROADSHOW}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.baseUrl },
    body,
  });
}

const attended = async () => (await db().stopAttendance.findMany({ where: { userId: cityId }, select: { stopId: true } })).map((r) => r.stopId).sort();

beforeAll(async () => {
  await seedDemoData();
  const event = await db().event.findUniqueOrThrow({ where: { slug: ROADSHOW }, include: { stops: { orderBy: { position: "asc" } }, ticketTypes: true } });
  stops = event.stops;
  cityId = (await db().user.findUniqueOrThrow({ where: { email: "city@scale-events.demo" } })).id;
  await makeRegistration(cityId, event.ticketTypes[0]);
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("choosing stops over HTTP", () => {
  it("shows the checkboxes ticked as seeded; refuses a post without CSRF (403) or with a foreign stop id (400); saves a good post", async () => {
    const [lisbon, helsinki, lyon] = stops;
    expect(await attended()).toEqual([lisbon.id, helsinki.id].sort());
    const city = await signedIn("city@scale-events.demo");
    const page = await (await city.get(`/roadshows/${ROADSHOW}`)).text();
    expect(page).toContain("Stops you will attend");
    expect(page).toContain(`name="stopIds" checked="" value="${lisbon.id}"`);
    expect(page).toContain(`name="stopIds" value="${lyon.id}"/> <span>Lyon`);

    expect((await postStops(city, [lyon.id], { csrf: false })).status).toBe(403);
    expect(await attended()).toEqual([lisbon.id, helsinki.id].sort());

    const otherStop = await db()
      .roadshowStop.findFirstOrThrow({ where: { event: { slug: { not: ROADSHOW } } }, select: { id: true } })
      .catch(() => null);
    for (const tampered of [[lyon.id, "00000000-0000-4000-8000-000000000000"], [lyon.id, "x"], ...(otherStop ? [[otherStop.id]] : [])]) {
      const refused = await postStops(city, tampered);
      expect(refused.status).toBe(400);
      const html = await refused.text();
      expect(html).toContain("not part of this roadshow");
      expect(html).toContain('id="stops-error"');
    }
    expect(await attended()).toEqual([lisbon.id, helsinki.id].sort());

    const saved = await postStops(city, [helsinki.id, lyon.id]);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Saved: you attend Helsinki and Lyon.");
    expect(await attended()).toEqual([helsinki.id, lyon.id].sort());

    const none = await postStops(city, []);
    expect(none.status).toBe(200);
    expect(await none.text()).toContain("you attend no stop");
    expect(await attended()).toEqual([]);
  });

  it("someone not registered for the roadshow gets 403 and no form", async () => {
    const attendee = await signedIn("attendee@scale-events.demo");
    expect(await (await attendee.get(`/roadshows/${ROADSHOW}`)).text()).not.toContain("Stops you will attend");
    const refused = await postStops(attendee, [stops[0].id]);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("confirmed registration");
  });
});
