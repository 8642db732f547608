// Roles on request (verified email, one pending per role, decided once when two admins race)
// and introductions (limits, one pending per pair, blocks, reports, no address before acceptance).
import { describe, expect, it } from "vitest";
import { decideRoleRequest, listRoleRequests, requestRole } from "~/domain/community/role-requests.server";
import {
  answerIntroduction,
  blockSender,
  myIntroductions,
  NOT_TAKING_INTRODUCTIONS,
  reportIntroduction,
  requestIntroduction,
} from "~/domain/community/introductions.server";
import { onUserRolesChanged } from "~/domain/community/user-changes.server";
import { INTRODUCTIONS_PER_DAY } from "~/domain/community/community-forms";
import { db } from "~/platform/db.server";
import { makeDirectoryProfile, makeOrganisation, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

const investorAsk = { role: "INVESTOR" as const, organisationName: "Green Fund", reason: "We invest in e-mobility pilots.", expertise: [], cvUrl: undefined };
const MESSAGE = "We are replicating your e-bus depot in Aveiro next year and would love to compare notes.";

describe("roles on request", () => {
  it("needs a verified email and asks once per role", async () => {
    const unverified = await makeUser();
    await db().user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: null } });
    expect((await refusal(requestRole(unverified, investorAsk))).code).toBe("EMAIL_NOT_VERIFIED");
    const person = await makeUser();
    await requestRole(person, investorAsk);
    expect((await refusal(requestRole(person, investorAsk))).code).toBe("CONFLICT");
    const expert = await requestRole(person, {
      role: "EXPERT",
      organisationName: "TU Delft",
      reason: "Twenty years of transport modelling.",
      expertise: ["Mobility"],
      cvUrl: "https://cv.example/me.pdf",
    });
    expect(await db().roleRequest.findUniqueOrThrow({ where: { id: expert.id } })).toMatchObject({
      expertise: ["Mobility"],
      cvUrl: "https://cv.example/me.pdf",
    });
  });

  it("is decided once when two admins decide at once; the role takes effect and is announced", async () => {
    const [adminA, adminB] = [await makeUser({ roles: ["ADMIN"] }), await makeUser({ roles: ["ADMIN"] })];
    const announced: string[] = [];
    const stop = onUserRolesChanged((id) => announced.push(id));
    for (let round = 0; round < 4; round++) {
      const person = await makeUser();
      const { id } = await requestRole(person, investorAsk);
      const results = await Promise.allSettled([
        decideRoleRequest(adminA, id, true),
        decideRoleRequest(adminB, id, round % 2 === 0),
        decideRoleRequest(adminA, id, false),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected.map((r) => r.reason.code)).toEqual(["CONFLICT", "CONFLICT"]);
      const request = await db().roleRequest.findUniqueOrThrow({ where: { id } });
      const user = await db().user.findUniqueOrThrow({ where: { id: person.id } });
      expect(user.roles.includes("INVESTOR")).toBe(request.status === "APPROVED");
      expect(await db().auditEntry.count({ where: { subjectId: id, action: { in: ["role-request.approved", "role-request.refused"] } } })).toBe(1);
      // Both sides: the admins heard of the request, the person of the decision.
      expect(await db().outboxEmail.count({ where: { toAddress: person.email } })).toBe(2);
      if (request.status === "APPROVED") {
        expect(announced).toContain(person.id);
        expect(await db().auditEntry.findFirst({ where: { action: "user.roles-changed", subjectId: person.id } })).toMatchObject({
          before: { roles: ["ATTENDEE"] },
          after: { roles: ["ATTENDEE", "INVESTOR"] },
        });
      }
    }
    stop();
    expect(await db().outboxEmail.count({ where: { toAddress: adminA.email, subject: { startsWith: "Role request" } } })).toBe(4);
  });

  it("is decided by platform admins only", async () => {
    const person = await makeUser();
    const { id } = await requestRole(person, investorAsk);
    const organiser = await makeUser({ roles: ["ORGANISER"] });
    expect((await refusal(decideRoleRequest(organiser, id, true))).code).toBe("FORBIDDEN");
    expect((await refusal(decideRoleRequest(person, id, true))).code).toBe("FORBIDDEN");
    expect((await refusal(listRoleRequests(person, {}))).code).toBe("FORBIDDEN");
  });
});

/** Someone listed in the directory and open to introductions: the only people one can be introduced to. */
async function reachable(options: Parameters<typeof makeUser>[0] = {}) {
  const user = await makeUser(options);
  await makeDirectoryProfile(user);
  return user;
}

describe("introductions", () => {
  it("reach only people listed in the directory who chose to take them", async () => {
    const sender = await makeUser();
    const [unlisted, closed, open] = [await makeUser(), await makeUser(), await makeUser()];
    await makeDirectoryProfile(unlisted, { listed: false, openToIntroductions: true });
    await makeDirectoryProfile(closed, { listed: true, openToIntroductions: false });
    await makeDirectoryProfile(open);
    const withoutProfile = await makeUser();
    expect((await refusal(requestIntroduction(sender, { userId: withoutProfile.id }, MESSAGE))).code).toBe("NOT_FOUND");
    expect((await refusal(requestIntroduction(sender, { userId: unlisted.id }, MESSAGE))).code).toBe("NOT_FOUND");
    const refused = await refusal(requestIntroduction(sender, { userId: closed.id }, MESSAGE));
    expect(refused).toMatchObject({ code: "CONFLICT", message: NOT_TAKING_INTRODUCTIONS });
    await requestIntroduction(sender, { userId: open.id }, MESSAGE);
    expect(await db().introduction.count({ where: { senderId: sender.id } })).toBe(1);
  });

  it("hides addresses until accepted, then shows both; one pending per pair", async () => {
    const [sender, recipient] = [await makeUser({ name: "Sender" }), await reachable({ name: "Recipient" })];
    const { id } = await requestIntroduction(sender, { userId: recipient.id }, MESSAGE);
    expect((await refusal(requestIntroduction(sender, { userId: recipient.id }, MESSAGE))).code).toBe("CONFLICT");
    expect((await refusal(requestIntroduction(sender, { userId: sender.id }, MESSAGE))).code).toBe("VALIDATION");
    const before = await myIntroductions(recipient);
    expect(before.received[0]).toMatchObject({ id, from: { name: "Sender", email: null } });
    expect((await myIntroductions(sender)).sent[0]).toMatchObject({ contact: null });
    expect(JSON.stringify(before)).not.toContain(sender.email);

    // Someone else, with this introduction's id, can neither answer, block nor report it.
    const stranger = await makeUser();
    expect((await refusal(answerIntroduction(stranger, id, true))).code).toBe("NOT_FOUND");
    expect((await refusal(blockSender(stranger, id))).code).toBe("NOT_FOUND");
    expect((await refusal(reportIntroduction(stranger, id, "spam"))).code).toBe("NOT_FOUND");
    expect((await refusal(answerIntroduction(sender, id, true))).code).toBe("NOT_FOUND");

    await answerIntroduction(recipient, id, true);
    expect((await refusal(answerIntroduction(recipient, id, false))).code).toBe("CONFLICT");
    expect((await myIntroductions(recipient)).received[0].from.email).toBe(sender.email);
    expect((await myIntroductions(sender)).sent[0].contact).toEqual({ name: "Recipient", email: recipient.email });
    const accepted = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: sender.email } });
    expect(accepted.textBody).toContain(recipient.email);
    // Answered, so a new request to the same person may be sent again.
    await requestIntroduction(sender, { userId: recipient.id }, MESSAGE);
  });

  it("tells a declined sender politely, nothing more; a block refuses further requests the same way", async () => {
    const [sender, recipient] = [await makeUser(), await reachable({ name: "Mayor Office" })];
    const first = await requestIntroduction(sender, { userId: recipient.id }, MESSAGE);
    await answerIntroduction(recipient, first.id, false);
    const declined = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: sender.email } });
    expect(declined.textBody).toContain("not able to take up");
    expect(declined.textBody).not.toContain(recipient.email);
    const second = await requestIntroduction(sender, { userId: recipient.id }, MESSAGE);
    await blockSender(recipient, second.id);
    await reportIntroduction(recipient, second.id, "Sales pitch, not an introduction.");
    expect(await db().introduction.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "DECLINED" });
    const refused = await refusal(requestIntroduction(sender, { userId: recipient.id }, MESSAGE));
    expect(refused.message).toMatch(/not taking introduction requests/);
    expect(await db().introductionReport.count({ where: { introductionId: second.id } })).toBe(1);
  });

  it("limits a sender per day, counting only requests really sent", async () => {
    const sender = await makeUser();
    const recipients = await Promise.all(Array.from({ length: INTRODUCTIONS_PER_DAY + 1 }, () => reachable()));
    const results = await Promise.allSettled(recipients.map((r) => requestIntroduction(sender, { userId: r.id }, MESSAGE)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(INTRODUCTIONS_PER_DAY);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => r.reason.code)).toEqual(["RATE_LIMITED"]);
    expect(await db().introduction.count({ where: { senderId: sender.id } })).toBe(INTRODUCTIONS_PER_DAY);
  });

  it("reaches an organisation through its representatives and admins, who answer for it", async () => {
    const [rep, admin, member, sender] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
    const organisation = await makeOrganisation({ members: [member] });
    await db().membership.createMany({
      data: [
        { userId: rep.id, organisationId: organisation.id, role: "REPRESENTATIVE" },
        { userId: admin.id, organisationId: organisation.id, role: "ADMIN" },
      ],
    });
    const { id } = await requestIntroduction(sender, { organisationSlug: organisation.slug }, MESSAGE);
    expect(await db().outboxEmail.count({ where: { toAddress: { in: [rep.email, admin.email] } } })).toBe(2);
    expect(await db().outboxEmail.count({ where: { toAddress: member.email } })).toBe(0);
    expect((await myIntroductions(member)).received).toHaveLength(0);
    expect((await refusal(answerIntroduction(member, id, true))).code).toBe("NOT_FOUND");
    await answerIntroduction(rep, id, true);
    expect((await myIntroductions(sender)).sent[0].contact).toEqual({ name: rep.name, email: rep.email });
    const empty = await makeOrganisation();
    expect((await refusal(requestIntroduction(sender, { organisationSlug: empty.slug }, MESSAGE))).code).toBe("CONFLICT");
  });
});
