// Webhooks end to end: triggers write the integration outbox in the change's own transaction;
// the job runner fans out and delivers to a local receiver, which verifies the signature, fails
// once and sees the retry; SSRF refusals (at registration and, through DNS, at delivery);
// disabling after repeated failures with an email to the organiser; replays.
import { createServer, type IncomingMessage, type Server } from "node:http";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptDelivery, replayDelivery } from "~/domain/integrations/deliver.server";
import { verifySignature } from "~/domain/integrations/signature";
import { createWebhookEndpoint, vetWebhookUrl } from "~/domain/integrations/webhooks.server";
import { db } from "~/platform/db.server";
import { resetEnvForTests } from "~/platform/env.server";
import { startJobs, type JobRunner } from "../../server/jobs/index";
import { makeRegistration, makeUser } from "../support/factories";
import { makeIntegrationScene, type IntegrationScene } from "./fixtures";

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

const received: Received[] = [];
let failuresLeft = 1;
let receiver: Server;
let receiverUrl: string;
let jobs: JobRunner;
let scene: IntegrationScene;

function setEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvForTests();
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  setEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: "true", WEBHOOK_RETRY_DELAY_SECONDS: "1" });
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      const fail = request.url === "/always-fail" || (request.url === "/hook" && failuresLeft-- > 0);
      response.writeHead(fail ? 500 : 200, { "Content-Type": "text/plain" });
      response.end(fail ? "receiver is down" : "ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  scene = await makeIntegrationScene();
  jobs = await startJobs({
    databaseUrl: process.env.DATABASE_URL!,
    logger: pino({ level: "silent" }),
    pollingIntervalSeconds: 0.5,
    webhookFanOutIntervalMs: 200,
  });
});

afterAll(async () => {
  await jobs?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
  setEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: undefined, WEBHOOK_RETRY_DELAY_SECONDS: undefined, WEBHOOK_DISABLE_AFTER: undefined });
});

const alice = () => ({ id: scene.alice.id, roles: ["ORGANISER" as const] });
const bob = () => ({ id: scene.bob.id, roles: ["ORGANISER" as const] });

describe("a signed delivery", () => {
  it("reaches the receiver, verifies, is retried after a 500, and every attempt is logged", async () => {
    const { secret } = await createWebhookEndpoint(alice(), {
      url: `${receiverUrl}/hook`,
      types: ["registration.confirmed"],
      scope: { eventId: scene.a1.id, organisationId: null },
    });
    // Organisation B's endpoint hears nothing of A's events.
    await createWebhookEndpoint(bob(), {
      url: `${receiverUrl}/b-hook`,
      types: ["registration.confirmed"],
      scope: { eventId: null, organisationId: scene.orgB.id },
    });
    const ticketType = await db().ticketType.findFirstOrThrow({ where: { eventId: scene.a1.id } });
    const registration = await makeRegistration(await makeUser(), ticketType);

    const hits = await until(() => {
      const list = received.filter((r) => r.path === "/hook");
      return list.length >= 2 ? list : undefined;
    });
    for (const hit of hits) {
      expect(verifySignature(hit.headers["scale-signature"] as string, secret, hit.body)).toBe(true);
      expect(verifySignature(hit.headers["scale-signature"] as string, "whsec_wrong", hit.body)).toBe(false);
    }
    const payload = JSON.parse(hits[1]!.body) as { id: string; type: string; data: { registrationId: string; eventId: string } };
    expect(payload).toMatchObject({ type: "registration.confirmed", data: { registrationId: registration.id, eventId: scene.a1.id } });
    expect(hits[0]!.headers["scale-delivery"]).toBe(hits[1]!.headers["scale-delivery"]);
    const deliveryId = hits[0]!.headers["scale-delivery"] as string;
    const delivery = await until(async () => {
      const row = await db().webhookDelivery.findUnique({ where: { id: deliveryId }, include: { log: { orderBy: { at: "asc" } } } });
      return row?.status === "SUCCEEDED" ? row : undefined;
    });
    expect(delivery.attempts).toBe(2);
    expect(delivery.log.map((a) => [a.responseCode, a.ok, a.response])).toEqual([
      [500, false, "receiver is down"],
      [200, true, "ok"],
    ]);
    expect(delivery.log.every((a) => a.durationMs >= 0)).toBe(true);
    expect(received.some((r) => r.path === "/b-hook")).toBe(false);

    // The organiser replays it: a new delivery of the same payload arrives.
    const replayId = await replayDelivery(alice(), deliveryId, { id: scene.a1.id, organisationId: scene.a1.organisationId });
    const replayed = await until(() => received.find((r) => r.headers["scale-delivery"] === replayId));
    expect(JSON.parse(replayed.body)).toEqual(payload);
    // Another organisation may not replay it.
    await expect(replayDelivery(bob(), deliveryId, { id: scene.b1.id, organisationId: scene.b1.organisationId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the integration outbox", () => {
  it("is written in the change's own transaction: a rolled-back confirmation leaves no event", async () => {
    const ticketType = await db().ticketType.findFirstOrThrow({ where: { eventId: scene.a1.id } });
    const person = await makeUser();
    await expect(
      db().$transaction(async (tx) => {
        await makeRegistration(person, ticketType, {}, tx);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const committed = await makeRegistration(person, ticketType, { status: "PENDING_APPROVAL" });
    const forPerson = () => db().integrationEvent.findMany({ where: { data: { path: ["registrationId"], equals: committed.id } }, orderBy: { id: "asc" } });
    expect(await forPerson()).toEqual([]);
    await db().registration.update({ where: { id: committed.id }, data: { status: "CONFIRMED" } });
    await db().registration.update({ where: { id: committed.id }, data: { checkedInAt: new Date() } });
    await db().registration.update({ where: { id: committed.id }, data: { status: "CANCELLED" } });
    expect((await forPerson()).map((e) => e.type)).toEqual(["registration.confirmed", "checkin.created", "registration.cancelled"]);
  });

  it("records meetings booked and cancelled, and changes to published sessions", async () => {
    await db().meeting.update({ where: { id: scene.meeting.id }, data: { status: "CANCELLED" } });
    await db().agendaSession.update({ where: { id: scene.session.id }, data: { title: "Opening (moved)" } });
    const types = (await db().integrationEvent.findMany({ where: { eventId: scene.a1.id }, select: { type: true } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["meeting.booked", "meeting.cancelled", "session.changed"]));
  });
});

describe("SSRF", () => {
  it("refuses private, loopback and link-local targets when they are not allowed, also through DNS", async () => {
    setEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: "false" });
    try {
      for (const url of [
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "https://169.254.169.254/latest",
        "https://localhost/x",
        "https://[fd00::1]/",
        "http://example.com/x",
        "https://user:pw@example.com/",
      ])
        await expect(vetWebhookUrl(url), url).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { url: expect.any(String) } });
      await expect(vetWebhookUrl("https://hooks.partner.test/x", async () => ["93.184.216.34", "10.0.0.5"])).rejects.toMatchObject({ code: "VALIDATION" });
      await expect(vetWebhookUrl("https://hooks.partner.test/x", async () => ["93.184.216.34"])).resolves.toMatchObject({ addresses: ["93.184.216.34"] });
      await expect(
        createWebhookEndpoint(alice(), { url: "https://127.0.0.1/hook", types: ["checkin.created"], scope: { eventId: scene.a1.id, organisationId: null } }),
      ).rejects.toMatchObject({ code: "VALIDATION" });

      // An endpoint that was accepted (here: while allowed) is checked again at delivery time:
      // by address, and by what its host name resolves to when connecting.
      for (const url of [`${receiverUrl}/hook`, `https://localhost:${new URL(receiverUrl).port}/hook`]) {
        const endpoint = await db().webhookEndpoint.create({ data: { url, secret: "whsec_x", types: ["checkin.created"], eventId: scene.a2.id } });
        const delivery = await db().webhookDelivery.create({ data: { endpointId: endpoint.id, type: "checkin.created", payload: { probe: true } } });
        const before = received.length;
        await expect(attemptDelivery(delivery.id, { final: true })).resolves.toBe("failed");
        const attempt = await db().webhookAttempt.findFirstOrThrow({ where: { deliveryId: delivery.id } });
        expect(attempt.response, url).toMatch(/^refused: /);
        expect(received.length).toBe(before);
        await db().webhookEndpoint.delete({ where: { id: endpoint.id } });
      }
    } finally {
      setEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: "true" });
    }
  });
});

describe("an endpoint that keeps failing", () => {
  it("is disabled after WEBHOOK_DISABLE_AFTER failures in a row, and its organiser is emailed once", async () => {
    setEnv({ WEBHOOK_DISABLE_AFTER: "2" });
    try {
      const { id } = await createWebhookEndpoint(alice(), {
        url: `${receiverUrl}/always-fail`,
        types: ["session.changed"],
        scope: { eventId: scene.a2.id, organisationId: null },
      });
      const deliveries = await Promise.all(
        [1, 2, 3].map(() => db().webhookDelivery.create({ data: { endpointId: id, type: "session.changed", payload: { n: 1 } } })),
      );
      await expect(attemptDelivery(deliveries[0]!.id)).rejects.toThrow(/failed/);
      expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id } })).disabledAt).toBeNull();
      await expect(attemptDelivery(deliveries[1]!.id)).rejects.toThrow(/failed/);
      const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id } });
      expect(endpoint.disabledAt).not.toBeNull();
      expect(endpoint.consecutiveFailures).toBe(2);
      await expect(attemptDelivery(deliveries[2]!.id)).resolves.toBe("skipped");
      const emails = await db().outboxEmail.findMany({ where: { toAddress: scene.alice.email, subject: "A webhook endpoint was disabled" } });
      expect(emails).toHaveLength(1);
      expect(emails[0]!.textBody).toContain("/always-fail");
    } finally {
      setEnv({ WEBHOOK_DISABLE_AFTER: undefined });
    }
  });
});

describe("housekeeping", () => {
  it("prunes old deliveries with their attempts and old fanned-out events, and keeps recent ones", async () => {
    const { pruneWebhookHistory } = await import("~/domain/integrations/deliver.server");
    const endpoint = await db().webhookEndpoint.create({
      data: { url: "https://hooks.example.org/old", secret: "whsec_o", types: ["checkin.created"], eventId: scene.a2.id },
    });
    const now = new Date();
    const old = await db().webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        type: "checkin.created",
        payload: {},
        createdAt: new Date(now.getTime() - 91 * 86_400_000),
        log: { create: { durationMs: 1, ok: true, response: "ok" } },
      },
    });
    const recent = await db().webhookDelivery.create({ data: { endpointId: endpoint.id, type: "checkin.created", payload: {} } });
    const report = await pruneWebhookHistory(now);
    expect(report.deliveries).toBeGreaterThanOrEqual(1);
    expect(await db().webhookDelivery.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().webhookAttempt.count({ where: { deliveryId: old.id } })).toBe(0);
    expect(await db().webhookDelivery.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
