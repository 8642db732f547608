// The organiser's API & webhooks page over HTTP: a token is shown once and works, is stored only
// hashed, can be revoked; organisation-wide scope needs an organisation admin; other
// organisers' ids are refused; bad input gets field errors; webhooks to private addresses are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "~/domain/kernel/tokens.server";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { makeTeamMember, makeUser } from "../support/factories";
import { signedInClient, type TestClient } from "../support/http-client";
import { makeIntegrationScene, SCENE_PASSWORD, type IntegrationScene } from "./fixtures";

let server: Awaited<ReturnType<typeof startTestServer>>;
let scene: IntegrationScene;
let alice: TestClient;
let bob: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  scene = await makeIntegrationScene();
  alice = await signedInClient(server.baseUrl, scene.alice.email, SCENE_PASSWORD);
  bob = await signedInClient(server.baseUrl, scene.bob.email, SCENE_PASSWORD);
});
afterAll(async () => server?.close());

const page = (slug: string) => `/organise/events/${slug}/api`;
const TOKEN = /scale_[A-Za-z0-9_-]{43}/;

describe("API tokens on the organiser page", () => {
  it("shows a new token once; it works, is stored hashed, and stops working when revoked", async () => {
    const created = await alice.submitForm(page(scene.a1.slug), { intent: "create-token", name: "CRM sync", access: "READ", scope: "event" });
    expect(created.status).toBe(200);
    const token = TOKEN.exec(await created.text())?.[0];
    expect(token).toBeDefined();
    const row = await db().apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token!) } });
    expect(row).toMatchObject({ name: "CRM sync", access: "READ", eventId: scene.a1.id, organisationId: null, createdById: scene.alice.id });
    expect(JSON.stringify(row)).not.toContain(token!.slice(6));
    const api = await fetch(`${server.baseUrl}/api/v1/events/${scene.a1.slug}/registrations`, { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);

    const again = await (await alice.get(page(scene.a1.slug))).text();
    expect(again).toContain("CRM sync");
    expect(again).not.toContain(token!);

    const revoked = await alice.submitForm(page(scene.a1.slug), { intent: "revoke-token", tokenId: row.id });
    expect(revoked.status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/v1/events/${scene.a1.slug}/registrations`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("makes organisation-wide tokens only for the organisation's admins", async () => {
    const orgToken = await alice.submitForm(page(scene.a1.slug), { intent: "create-token", name: "All of A", access: "READ", scope: "organisation" });
    expect(orgToken.status).toBe(200);
    expect(await db().apiToken.count({ where: { name: "All of A", organisationId: scene.orgA.id } })).toBe(1);

    const carol = await makeUser({ roles: ["ORGANISER"], password: SCENE_PASSWORD });
    await makeTeamMember(scene.a1, carol, "ORGANISER");
    const carolClient = await signedInClient(server.baseUrl, carol.email, SCENE_PASSWORD);
    const page1 = await (await carolClient.get(page(scene.a1.slug))).text();
    expect(page1).not.toContain("Every event of");
    // Nor does she see the organisation's tokens (only this event's).
    expect(page1).not.toContain("All of A");
    expect(await (await alice.get(page(scene.a1.slug))).text()).toContain("All of A");
    const refused = await carolClient.submitForm(page(scene.a1.slug), { intent: "create-token", name: "Sneaky", access: "READ", scope: "organisation" });
    expect(refused.status).toBe(403);
    expect(await db().apiToken.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("refuses other organisers: their page, their token ids, their deliveries", async () => {
    expect((await bob.get(page(scene.a1.slug))).status).toBe(403);
    expect((await bob.get(page(scene.b2.slug))).status).toBe(200);
    expect((await alice.get(page(scene.b2.slug))).status).toBe(404);
    const aliceToken = await db().apiToken.findFirstOrThrow({ where: { eventId: scene.a1.id, revokedAt: null } });
    // Through his own event's page, Alice's token is not found, and stays valid.
    expect((await bob.submitForm(page(scene.b1.slug), { intent: "revoke-token", tokenId: aliceToken.id })).status).toBe(404);
    expect((await bob.submitForm(page(scene.a1.slug), { intent: "revoke-token", tokenId: aliceToken.id })).status).toBe(403);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: aliceToken.id } })).revokedAt).toBeNull();
    const endpoint = await db().webhookEndpoint.create({
      data: { url: "https://hooks.example.org/a", secret: "whsec_a", types: ["checkin.created"], eventId: scene.a1.id },
    });
    const delivery = await db().webhookDelivery.create({ data: { endpointId: endpoint.id, type: "checkin.created", payload: {} } });
    expect((await bob.submitForm(page(scene.b1.slug), { intent: "replay", deliveryId: delivery.id })).status).toBe(404);
    expect((await bob.submitForm(page(scene.b1.slug), { intent: "delete-webhook", endpointId: endpoint.id })).status).toBe(404);
    expect(await db().webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(1);
  });

  it("answers bad input with field errors, and refuses webhooks to private addresses", async () => {
    const noName = await alice.submitForm(page(scene.a1.slug), { intent: "create-token", name: "", access: "READ", scope: "event" });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain("Name the token");
    const badIntent = await alice.submitForm(page(scene.a1.slug), { intent: "explode" });
    expect(badIntent.status).toBe(400);
    const notAnId = await alice.submitForm(page(scene.a1.slug), { intent: "revoke-token", tokenId: "1 OR 1=1" });
    expect(notAnId.status).toBe(400);
    const noTypes = await alice.submitForm(page(scene.a1.slug), { intent: "create-webhook", url: "https://hooks.example.org/x", scope: "event" });
    expect(noTypes.status).toBe(400);
    const privateUrl = await alice.submitForm(page(scene.a1.slug), {
      intent: "create-webhook",
      url: "https://127.0.0.1/hook",
      types: "checkin.created",
      scope: "event",
    });
    expect(privateUrl.status).toBe(400);
    expect(await privateUrl.text()).toContain("private or local network");
    expect(await db().webhookEndpoint.count({ where: { url: { contains: "127.0.0.1" } } })).toBe(0);
  });
});
