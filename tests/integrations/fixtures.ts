// The scene the integrations tests share: two organisations, each with an admin who organises
// events; organisation A has a published roadshow (agenda, stop, meeting, registrations) and a
// second event; organisation B has a published roadshow and a draft. Tokens are made through the
// domain (as the organiser page makes them).
import { createApiToken } from "~/domain/integrations/api-tokens.server";
import type { ApiAccess } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import {
  makeAgendaSession,
  makeEvent,
  makeMeeting,
  makeOrganisation,
  makeRegistration,
  makeTicketType,
  makeUser,
  makeUsers,
  unique,
} from "../support/factories";

export const SCENE_PASSWORD = "integration-scene-password";

export async function makeIntegrationScene() {
  const alice = await makeUser({ name: "Alice Organiser", roles: ["ORGANISER"], password: SCENE_PASSWORD });
  const bob = await makeUser({ name: "Bob Organiser", roles: ["ORGANISER"], password: SCENE_PASSWORD });
  const orgA = await makeOrganisation({ members: [alice], memberRole: "ADMIN" });
  const orgB = await makeOrganisation({ members: [bob], memberRole: "ADMIN" });
  const now = new Date();
  const stop = {
    city: "Lisbon",
    country: "PT",
    timeZone: "Europe/Lisbon",
    startsAt: new Date(now.getTime() + 10 * 86_400_000),
    endsAt: new Date(now.getTime() + 10 * 86_400_000 + 8 * 3_600_000),
  };
  const a1 = await makeEvent({
    kind: "ROADSHOW",
    organisationId: orgA.id,
    owner: alice,
    agendaPublishedAt: now,
    city: "Lisbon",
    country: "PT",
    themes: ["MOBILITY"],
    stops: [stop],
  });
  const a2 = await makeEvent({ organisationId: orgA.id, owner: alice, title: "Second A event" });
  const b1 = await makeEvent({ kind: "ROADSHOW", organisationId: orgB.id, owner: bob, stops: [{ ...stop, city: "Porto" }] });
  const b2 = await makeEvent({ organisationId: orgB.id, owner: bob, status: "DRAFT", slug: `draft-${unique()}` });
  const ticketA1 = await makeTicketType(a1);
  const ticketB1 = await makeTicketType(b1);
  const session = await makeAgendaSession(a1, { title: "Opening", status: "PUBLISHED" });
  await makeAgendaSession(a1, { title: "Draft talk", status: "DRAFT" });
  const attendees = await makeUsers(5, { prefix: `att-${unique()}` });
  const registrations = [];
  for (const person of attendees) registrations.push(await makeRegistration(person, ticketA1));
  const registrationB = await makeRegistration(attendees[0]!, ticketB1);
  const meeting = await makeMeeting({
    event: a1,
    host: attendees[0]!,
    guest: attendees[1]!,
    stopId: a1.stops[0]!.id,
    startsAt: stop.startsAt,
    status: "CONFIRMED",
  });
  const token = async (
    actor: { id: string; roles: ("ORGANISER" | "ATTENDEE")[] },
    access: ApiAccess,
    scope: { eventId: string } | { organisationId: string },
  ) =>
    (
      await createApiToken(actor, {
        name: "test",
        access,
        scope: "eventId" in scope ? { eventId: scope.eventId, organisationId: null } : { eventId: null, organisationId: scope.organisationId },
      })
    ).token;
  const aliceActor = { id: alice.id, roles: ["ORGANISER" as const] };
  const bobActor = { id: bob.id, roles: ["ORGANISER" as const] };
  return {
    alice,
    bob,
    orgA,
    orgB,
    a1,
    a2,
    b1,
    b2,
    session,
    registrations,
    registrationB,
    meeting,
    tokens: {
      a1Write: await token(aliceActor, "READ_WRITE", { eventId: a1.id }),
      a1Read: await token(aliceActor, "READ", { eventId: a1.id }),
      orgARead: await token(aliceActor, "READ", { organisationId: orgA.id }),
      b1Write: await token(bobActor, "READ_WRITE", { eventId: b1.id }),
      orgBRead: await token(bobActor, "READ", { organisationId: orgB.id }),
    },
    db: db(),
  };
}

export type IntegrationScene = Awaited<ReturnType<typeof makeIntegrationScene>>;
