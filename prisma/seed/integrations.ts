// Demo data of the integrations (issue 18): one webhook endpoint on the Vienna workshop with a few
// logged deliveries, so the organiser's "API & webhooks" page has something to show. The endpoint
// is disabled (its receiver kept failing), which is also why the demo never sends anything to the
// made-up address, and the page shows "Turn on again". No API token is seeded: a token is shown
// once, when it is made, so a seeded one could never be used.
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../../app/platform/db.server";

export async function seedIntegrations(client: Tx | Db, now = new Date()): Promise<void> {
  const event = await client.event.findUniqueOrThrow({ where: { slug: "positive-energy-districts-workshop-vienna" }, select: { id: true } });
  const organiser = await client.user.findUniqueOrThrow({ where: { email: "organiser@scale-events.demo" }, select: { id: true } });
  const ticketType = await client.ticketType.findFirstOrThrow({ where: { eventId: event.id }, select: { id: true } });
  const endpoint = await client.webhookEndpoint.create({
    data: {
      url: "https://crm.example.org/hooks/scale-events",
      // Shown once to the organiser when made; the demo's is not a secret anyone holds.
      secret: `whsec_demo_${event.id.replace(/-/g, "")}`,
      types: ["registration.confirmed", "registration.cancelled", "checkin.created"],
      eventId: event.id,
      createdById: organiser.id,
      createdAt: new Date(now.getTime() - 3 * 86_400_000),
      consecutiveFailures: 15,
      disabledAt: new Date(now.getTime() - 30 * 60_000),
    },
  });
  const minutes = (n: number) => new Date(now.getTime() - n * 60_000);
  const attempts: { code: number | null; ok: boolean; response: string; ms: number; at: Date }[][] = [
    [{ code: 200, ok: true, response: '{"received":true}', ms: 142, at: minutes(2880) }],
    [
      { code: 503, ok: false, response: "Service Unavailable", ms: 87, at: minutes(1440) },
      { code: 200, ok: true, response: '{"received":true}', ms: 156, at: minutes(1439) },
    ],
    [
      { code: null, ok: false, response: "no answer within 10 s", ms: 10_000, at: minutes(60) },
      { code: 500, ok: false, response: "Internal Server Error", ms: 231, at: minutes(59) },
    ],
  ];
  for (const [index, log] of attempts.entries()) {
    const last = log[log.length - 1]!;
    await client.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        type: "registration.confirmed",
        payload: {
          id: `evt_demo_${index + 1}`,
          type: "registration.confirmed",
          createdAt: log[0]!.at.toISOString(),
          data: { registrationId: randomUUID(), eventId: event.id, ticketTypeId: ticketType.id, status: "CONFIRMED" },
        },
        status: last.ok ? "SUCCEEDED" : "FAILED",
        attempts: log.length,
        lastAttemptAt: last.at,
        createdAt: log[0]!.at,
        log: { create: log.map((a) => ({ at: a.at, responseCode: a.code, ok: a.ok, response: a.response, durationMs: a.ms })) },
      },
    });
  }
}
