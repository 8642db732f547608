// The community and admin pages over HTTP, as a browser without JavaScript uses them: who may
// enter each page, every id-bearing route tried with another person's id, the invitation link
// (re-used, foreign), roles asked for and decided, suspension refusing sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/platform/db.server";
import { startTestServer } from "../support/app-server";
import { makeDirectoryProfile, makeOrganisation, makeUser, unique } from "../support/factories";
import { signedInClient, TestClient } from "../support/http-client";

const PASSWORD = "community-test-password";
let server: Awaited<ReturnType<typeof startTestServer>>;
const person = (options: Parameters<typeof makeUser>[0] = {}) => makeUser({ password: PASSWORD, ...options });
const client = (user: { email: string }) => signedInClient(server.baseUrl, user.email, PASSWORD);

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT = "100";
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function invitationPath(email: string): Promise<string> {
  const mail = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: "desc" } });
  return new URL(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/.exec(mail.textBody)![0]).pathname;
}

describe("the admin console", () => {
  it("is for platform admins only", async () => {
    const [admin, organiser] = [await person({ roles: ["ADMIN"] }), await person({ roles: ["ORGANISER"] })];
    const [asAdmin, asOrganiser] = [await client(admin), await client(organiser)];
    for (const path of ["/admin", "/admin/users", "/admin/organisations", "/admin/requests", "/admin/audit"]) {
      expect((await asAdmin.get(path)).status, path).toBe(200);
      expect((await asOrganiser.get(path)).status, path).toBe(403);
    }
    const target = await person();
    expect((await asOrganiser.submitForm("/admin/users", { intent: "suspend", userId: target.id })).status).toBe(403);
    expect((await asOrganiser.submitForm("/admin/organisations", { intent: "merge", duplicateId: target.id, survivorId: admin.id })).status).toBe(403);
    expect((await asOrganiser.submitForm("/admin/users", { intent: "roles", userId: organiser.id, roles: "ADMIN" })).status).toBe(403);
    const org = await makeOrganisation();
    const edit = { intent: "edit", organisationId: org.id, name: "Renamed", slug: org.slug, kind: "COMPANY", country: "PT", website: "" };
    expect((await asOrganiser.submitForm("/admin/organisations", edit)).status).toBe(403);
    expect((await asOrganiser.submitForm("/admin/requests", { intent: "resolve-report", reportId: org.id })).status).toBe(403);
    expect((await db().organisation.findUniqueOrThrow({ where: { id: org.id } })).name).not.toBe("Renamed");
    expect((await db().user.findUniqueOrThrow({ where: { id: organiser.id } })).roles).toEqual(["ORGANISER"]);
    expect((await asAdmin.submitForm("/admin/users", { intent: "suspend", userId: "not-an-id" })).status).toBe(404);
    expect((await asAdmin.submitForm("/admin/organisations", edit)).status).toBe(302);
    expect((await new TestClient(server.baseUrl).get("/admin")).status).toBe(302);
  });

  it("suspends an account: its sign-in is refused with a clear message, and restoring lets it back", async () => {
    const [admin, target] = [await person({ roles: ["ADMIN"] }), await person()];
    const asTarget = await client(target);
    expect((await asTarget.get("/my/introductions")).status).toBe(200);
    const asAdmin = await client(admin);
    expect((await asAdmin.submitForm("/admin/users", { intent: "suspend", userId: target.id })).status).toBe(302);
    expect((await asTarget.get("/my/introductions")).status).toBe(302);
    const refused = await new TestClient(server.baseUrl).submitForm("/signin", { email: target.email, password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("This account is suspended");
    expect((await asAdmin.submitForm("/admin/users", { intent: "restore", userId: target.id })).status).toBe(302);
    expect((await client(target)).cookies.size).toBeGreaterThan(0);
    const audit = await asAdmin.get(`/admin/audit?id=${target.id}`);
    const html = await audit.text();
    expect(html).toContain("user.suspended");
    expect(html).toContain("user.restored");
  });
});

describe("roles on request", () => {
  it("is asked at /account/roles, decided at /admin/requests, and in force on the next page", async () => {
    const [admin, asker] = [await person({ roles: ["ADMIN"] }), await person({ name: "Ines Investor" })];
    const asAsker = await client(asker);
    const bad = await asAsker.submitForm("/account/roles", {
      role: "EXPERT",
      organisationName: "TU Delft",
      reason: "Transport modelling for twenty years.",
      cvUrl: "ftp://cv",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose at least one area of expertise.");
    expect(
      (await asAsker.submitForm("/account/roles", { role: "INVESTOR", organisationName: "Green Fund", reason: "We invest in e-mobility pilots." })).status,
    ).toBe(302);
    const request = await db().roleRequest.findFirstOrThrow({ where: { userId: asker.id } });
    // The asker cannot decide their own request.
    expect((await asAsker.submitForm("/admin/requests", { intent: "approve", requestId: request.id })).status).toBe(403);
    const asAdmin = await client(admin);
    expect((await (await asAdmin.get("/admin/requests")).text()).replace(/<!-- -->/g, "")).toContain("Ines Investor asks to be investor");
    expect((await asAdmin.submitForm("/admin/requests", { intent: "approve", requestId: request.id })).status).toBe(302);
    expect((await asAdmin.submitForm("/admin/requests", { intent: "refuse", requestId: request.id })).status).toBe(409);
    expect(await (await asAsker.get("/account/roles")).text()).toContain("Investor");
    expect((await db().user.findUniqueOrThrow({ where: { id: asker.id } })).roles).toContain("INVESTOR");
  });
});

describe("organisation membership", () => {
  it("an admin invites a colleague by email who joins with the link once; another address is refused", async () => {
    const admin = await person();
    const organisation = await makeOrganisation({ members: [admin], memberRole: "ADMIN" });
    const members = `/organisations/${organisation.slug}/members`;
    const asAdmin = await client(admin);
    const colleague = await person({ email: `colleague-${unique()}@example.test` });
    expect((await asAdmin.submitForm(members, { intent: "invite", email: colleague.email.toUpperCase(), role: "MEMBER" })).status).toBe(302);
    expect((await asAdmin.submitForm(members, { intent: "invite", email: colleague.email, role: "MEMBER" })).headers.get("location")).toContain(
      "already-invited",
    );
    const link = await invitationPath(colleague.email);

    const stranger = await person();
    const asStranger = await client(stranger);
    expect(await (await asStranger.get(link)).text()).toContain("This invitation is for");
    expect((await asStranger.submitForm(link, {})).status).toBe(403);

    const asColleague = await client(colleague);
    const accepted = await asColleague.submitForm(link, {});
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`${members}?joined=1`);
    expect((await asColleague.submitForm(link, {})).status).toBe(410);
    expect(await (await asColleague.get(link)).text()).toContain("This invitation cannot be used");
    expect(await (await asAdmin.get(members)).text()).toContain(colleague.name);
  });

  it("refuses another organisation's admin, and ids of people who are not members here", async () => {
    const [adminA, adminB, memberB, joiner] = [await person(), await person(), await person({ name: "Bea Member" }), await person()];
    const orgA = await makeOrganisation({ members: [adminA], memberRole: "ADMIN" });
    const orgB = await makeOrganisation({ members: [adminB], memberRole: "ADMIN" });
    await db().membership.create({ data: { userId: memberB.id, organisationId: orgB.id } });
    const [asA, asB, asJoiner] = [await client(adminA), await client(adminB), await client(joiner)];
    const membersA = `/organisations/${orgA.slug}/members`;
    const membersB = `/organisations/${orgB.slug}/members`;
    // B's member's id through A's page: not a member here.
    expect((await asA.submitForm(membersA, { intent: "remove", userId: memberB.id })).status).toBe(404);
    // A on B's page: not an admin there.
    expect((await asA.submitForm(membersB, { intent: "remove", userId: memberB.id })).status).toBe(403);
    expect((await asA.submitForm(membersB, { intent: "role", userId: adminB.id, role: "MEMBER" })).status).toBe(403);
    expect(await (await asA.get(membersB)).text()).not.toContain(memberB.name);
    // Asking to join: POST only, then B approves; A cannot decide B's request with its id.
    expect((await asJoiner.get(`/organisations/${orgB.slug}/join`)).status).toBe(405);
    expect((await asJoiner.submitForm(`/organisations/${orgB.slug}/join`, {})).status).toBe(302);
    const request = await db().joinRequest.findFirstOrThrow({ where: { userId: joiner.id } });
    expect((await asA.submitForm(membersB, { intent: "approve", requestId: request.id })).status).toBe(403);
    expect((await asA.submitForm(membersA, { intent: "approve", requestId: request.id })).status).toBe(409);
    expect((await asB.submitForm(membersB, { intent: "approve", requestId: request.id })).status).toBe(302);
    // The last admin cannot leave: 409 with the reason.
    const leave = await asB.submitForm(membersB, { intent: "leave" });
    expect(leave.status).toBe(409);
    expect(await leave.text()).toContain("at least one administrator");
    expect((await asJoiner.submitForm(membersB, { intent: "leave" })).status).toBe(302);
    expect((await client(joiner)).cookies.size).toBeGreaterThan(0);
    expect((await asJoiner.get("/organisations/no-such-organisation/members")).status).toBe(404);
  });
});

describe("introductions", () => {
  it("are sent from a person's page, answered only by the recipient, addresses only after acceptance", async () => {
    const [sender, recipient, stranger] = [await person({ name: "Sofia Sender" }), await person({ name: "Rui Recipient" }), await person()];
    await makeDirectoryProfile(recipient);
    const [asSender, asRecipient, asStranger] = [await client(sender), await client(recipient), await client(stranger)];
    expect((await asSender.get(`/people/${recipient.id}/introduce`)).status).toBe(200);
    expect((await asSender.get(`/people/not-a-uuid/introduce`)).status).toBe(404);
    expect((await asSender.get(`/people/${sender.id}/introduce`)).status).toBe(400);
    const short = await asSender.submitForm(`/people/${recipient.id}/introduce`, { message: "hi" });
    expect(short.status).toBe(400);
    const message = "We are replicating your e-bus depot next year and would love to compare notes.";
    expect((await asSender.submitForm(`/people/${recipient.id}/introduce`, { message })).status).toBe(302);
    const intro = await db().introduction.findFirstOrThrow({ where: { senderId: sender.id } });
    const before = await (await asRecipient.get("/my/introductions")).text();
    expect(before).toContain("Sofia Sender");
    expect(before).not.toContain(sender.email);
    // Another person, with this introduction's id: not found.
    expect((await asStranger.submitForm("/my/introductions", { intent: "accept", introductionId: intro.id })).status).toBe(404);
    expect((await asSender.submitForm("/my/introductions", { intent: "accept", introductionId: intro.id })).status).toBe(404);
    expect((await asRecipient.submitForm("/my/introductions", { intent: "accept", introductionId: intro.id })).status).toBe(302);
    expect(await (await asRecipient.get("/my/introductions")).text()).toContain(sender.email);
    expect(await (await asSender.get("/my/introductions")).text()).toContain(recipient.email);
    // To an organisation: its representatives answer.
    const rep = await person();
    const organisation = await makeOrganisation({ members: [rep], memberRole: "REPRESENTATIVE" });
    expect((await asSender.get(`/organisations/${organisation.slug}/introduce`)).status).toBe(200);
    expect((await asSender.submitForm(`/organisations/${organisation.slug}/introduce`, { message })).status).toBe(302);
    expect(await (await (await client(rep)).get("/my/introductions")).text()).toContain("Sofia Sender");
  });
});
