// Demo data for the community and the admin console: organisation administrators, a pending
// invitation and request to join, pending role requests (an investor application and a Call for
// Experts application), pending and accepted introductions, and the audit entries those actions
// leave — so /admin, /admin/requests, /admin/audit, /my/introductions and the members pages all
// have something to show on a fresh install.
import { recordAudit } from "../../app/domain/audit/audit.server";
import { INVITATION_TTL_MS } from "../../app/domain/community/community-forms";
import { hashToken, issueToken } from "../../app/domain/kernel/tokens.server";
import { db, type Db, type Tx } from "../../app/platform/db.server";

const DAY = 86_400_000;

export async function seedCommunity(client: Tx | Db = db(), now = new Date()): Promise<void> {
  const user = async (email: string) => (await client.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const org = async (slug: string) => (await client.organisation.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  const [admin, maria, pekka, sofia, miguel, elena, tomas] = await Promise.all(
    ["admin", "city", "project", "investor", "investor2", "expert", "attendee"].map((name) => user(`${name}@scale-events.demo`)),
  );
  const [krakow, sparcs] = [await org("krakow"), await org("sparcs")];
  const delegates = await client.user.findMany({
    where: { email: { endsWith: ".demo", not: { contains: "@scale-events" } } },
    select: { id: true, name: true },
    take: 3,
    orderBy: { email: "asc" },
  });
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  // The city and the project are run by their representatives.
  for (const [userId, organisationId] of [
    [maria, krakow],
    [pekka, sparcs],
  ] as const) {
    await client.membership.update({ where: { userId_organisationId: { userId, organisationId } }, data: { role: "ADMIN" } });
    await recordAudit(client, {
      actorId: admin,
      action: "membership.role-changed",
      subjectType: "membership",
      subjectId: `${organisationId}:${userId}`,
      before: { role: "REPRESENTATIVE" },
      after: { role: "ADMIN" },
    });
  }

  // Maria invited a colleague, who has not answered yet.
  const token = await issueToken(client, {
    userId: maria,
    purpose: "ORG_INVITATION",
    ttlMs: INVITATION_TTL_MS,
    email: "smart.city.office@krakow.demo",
    now: ago(2),
  });
  const invitation = await client.organisationInvitation.create({
    data: {
      organisationId: krakow,
      email: "smart.city.office@krakow.demo",
      role: "MEMBER",
      invitedById: maria,
      tokenHash: hashToken(token),
      expiresAt: new Date(ago(2).getTime() + INVITATION_TTL_MS),
      createdAt: ago(2),
    },
  });
  await recordAudit(client, {
    actorId: maria,
    action: "invitation.sent",
    subjectType: "invitation",
    subjectId: invitation.id,
    after: { organisationId: krakow, role: "MEMBER" },
  });

  // Tomás asked to join Kraków's team.
  const join = await client.joinRequest.create({
    data: {
      organisationId: krakow,
      userId: tomas,
      message: "I coordinate the Lisbon–Kraków mobility twinning and would like to follow your replication work.",
      createdAt: ago(1),
    },
  });
  await recordAudit(client, {
    actorId: tomas,
    action: "join-request.created",
    subjectType: "join-request",
    subjectId: join.id,
    after: { organisationId: krakow },
  });

  // Role requests waiting for the platform admins.
  const investorAsk = delegates[0]?.id ?? tomas;
  const roleRequests = [
    {
      userId: investorAsk,
      role: "INVESTOR" as const,
      organisationName: "Baltic Urban Impact Fund",
      reason: "We co-fund municipal e-mobility and building retrofits (EUR 1–10 M tickets) and want to meet cities at the next roadshow.",
    },
    {
      userId: elena,
      role: "EXPERT" as const,
      organisationName: "Austrian Institute of Technology",
      reason: "Call for Experts: fifteen years of citizen-engagement design for smart-city pilots; happy to mentor fellow cities.",
      expertise: ["Citizen engagement", "Governance", "Replication"],
      cvUrl: "https://www.ait.ac.at/en/team/elena-rossi",
    },
  ];
  for (const [i, request] of roleRequests.entries()) {
    const row = await client.roleRequest.create({ data: { ...request, createdAt: ago(3 - i) } });
    await recordAudit(client, {
      actorId: request.userId,
      action: "role-request.created",
      subjectType: "role-request",
      subjectId: row.id,
      after: { role: request.role, organisationName: request.organisationName },
    });
  }

  // Introductions: one accepted (both see each other's address), two waiting.
  await client.introduction.create({
    data: {
      senderId: sofia,
      recipientId: pekka,
      message: "SPARCS' positive-energy blocks look investable at district scale; could we talk about a follow-on fund structure?",
      status: "ACCEPTED",
      answeredById: pekka,
      createdAt: ago(6),
      answeredAt: ago(5),
    },
  });
  await client.introduction.create({
    data: {
      senderId: miguel,
      organisationId: krakow,
      message: "Iberian Impact Capital is looking at tram-depot electrification; we would like to learn from Kraków's tender.",
      createdAt: ago(1),
    },
  });
  if (delegates[1]) {
    await client.introduction.create({
      data: {
        senderId: delegates[1].id,
        recipientId: maria,
        message: "Our city is starting an urban data platform and your team's open-data portal is our model. Could we compare notes?",
        createdAt: ago(0.5),
      },
    });
  }
}
