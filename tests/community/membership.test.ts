// Membership of organisations on real PostgreSQL: invitations (one pending per address, even
// when raced; single use; expiring; only for the address invited), requests to join, the last
// administrator under concurrency, and the audit entry each change leaves.
import { describe, expect, it } from "vitest";
import { hashToken } from "~/domain/kernel/tokens.server";
import {
  acceptInvitation,
  changeMembership,
  decideJoinRequest,
  inviteMember,
  requestToJoin,
  revokeInvitation,
  viewInvitation,
} from "~/domain/community/membership.server";
import { db } from "~/platform/db.server";
import { makeOrganisation, makeUser, unique } from "../support/factories";
import { refusal } from "../support/refusal";

/** The token the invitation email carries, read from the outbox as the recipient would. */
async function invitationToken(email: string): Promise<string> {
  const mail = await db().outboxEmail.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: "desc" } });
  return /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail.textBody)![1];
}

async function orgWithAdmin() {
  const admin = await makeUser({ name: "Org Admin" });
  const organisation = await makeOrganisation({ members: [admin], memberRole: "ADMIN" });
  return { admin, organisation };
}

describe("invitations", () => {
  it("invites once while pending, even when many admins invite the same person at once", async () => {
    const { admin, organisation } = await orgWithAdmin();
    const second = await makeUser();
    await db().membership.create({ data: { userId: second.id, organisationId: organisation.id, role: "ADMIN" } });
    const email = `colleague-${unique()}@example.test`;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => inviteMember(i % 2 ? admin : second, organisation.slug, { email, role: "MEMBER" })));
    expect(results.filter((r) => r.sent)).toHaveLength(1);
    expect(await db().organisationInvitation.count({ where: { organisationId: organisation.id, email } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { toAddress: email } })).toBe(1);
    expect(await db().accountToken.count({ where: { purpose: "ORG_INVITATION", email } })).toBe(1);
    const invitation = await db().organisationInvitation.findFirstOrThrow({ where: { organisationId: organisation.id, email } });
    expect(await db().auditEntry.count({ where: { action: "invitation.sent", subjectId: invitation.id } })).toBe(1);
  });

  it("is accepted once by the invited address; a re-used, foreign or expired token is refused", async () => {
    const { admin, organisation } = await orgWithAdmin();
    const colleague = await makeUser({ name: "Colleague" });
    await db().user.update({ where: { id: colleague.id }, data: { emailVerifiedAt: null } });
    await inviteMember(admin, organisation.slug, { email: colleague.email, role: "REPRESENTATIVE" });
    const token = await invitationToken(colleague.email);
    expect(await viewInvitation(token)).toMatchObject({ email: colleague.email, organisation: { slug: organisation.slug } });

    const stranger = await makeUser();
    expect((await refusal(acceptInvitation(stranger, token))).code).toBe("FORBIDDEN");
    // The foreign attempt did not use the token up.
    expect(await acceptInvitation(colleague, token)).toEqual({ slug: organisation.slug, role: "REPRESENTATIVE" });
    expect((await refusal(acceptInvitation(colleague, token))).code).toBe("INVALID_TOKEN");
    // Following the emailed link proved the address.
    expect((await db().user.findUniqueOrThrow({ where: { id: colleague.id } })).emailVerifiedAt).not.toBeNull();
    expect(await db().membership.findUnique({ where: { userId_organisationId: { userId: colleague.id, organisationId: organisation.id } } })).toMatchObject({
      role: "REPRESENTATIVE",
    });
    expect(await db().auditEntry.count({ where: { action: "membership.joined-by-invitation", subjectId: `${organisation.id}:${colleague.id}` } })).toBe(1);

    const late = await makeUser();
    await inviteMember(admin, organisation.slug, { email: late.email, role: "MEMBER" });
    const lateToken = await invitationToken(late.email);
    await db().accountToken.updateMany({ where: { tokenHash: hashToken(lateToken) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await refusal(acceptInvitation(late, lateToken))).code).toBe("INVALID_TOKEN");
    expect((await refusal(acceptInvitation(late, "not-a-token"))).code).toBe("INVALID_TOKEN");
    // An expired invitation no longer blocks a new one.
    await db().organisationInvitation.updateMany({ where: { email: late.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await inviteMember(admin, organisation.slug, { email: late.email, role: "MEMBER" })).toEqual({ sent: true });
  });

  it("can be withdrawn, after which its link no longer works; only organisation admins invite", async () => {
    const { admin, organisation } = await orgWithAdmin();
    const person = await makeUser();
    await inviteMember(admin, organisation.slug, { email: person.email, role: "MEMBER" });
    const token = await invitationToken(person.email);
    const invitation = await db().organisationInvitation.findFirstOrThrow({ where: { email: person.email } });
    const member = await makeUser();
    await db().membership.create({ data: { userId: member.id, organisationId: organisation.id } });
    expect((await refusal(revokeInvitation(member, organisation.slug, invitation.id))).code).toBe("FORBIDDEN");
    expect((await refusal(inviteMember(member, organisation.slug, { email: "x@example.test", role: "ADMIN" }))).code).toBe("FORBIDDEN");
    await revokeInvitation(admin, organisation.slug, invitation.id);
    expect((await refusal(acceptInvitation(person, token))).code).toBe("INVALID_TOKEN");
    // Another organisation's admin cannot withdraw it either.
    const other = await orgWithAdmin();
    expect((await refusal(revokeInvitation(other.admin, organisation.slug, invitation.id))).code).toBe("FORBIDDEN");
  });
});

describe("requests to join", () => {
  it("asks once, is decided once by an organisation admin, and is audited", async () => {
    const { admin, organisation } = await orgWithAdmin();
    const person = await makeUser();
    expect(await requestToJoin(person, organisation.slug, "We run the Porto pilot.")).toEqual({ created: true });
    expect(await requestToJoin(person, organisation.slug)).toEqual({ created: false });
    const request = await db().joinRequest.findFirstOrThrow({ where: { userId: person.id } });
    const outsider = await makeUser();
    expect((await refusal(decideJoinRequest(outsider, organisation.slug, request.id, true))).code).toBe("FORBIDDEN");
    // Another organisation's admin, with this request's id, through their own organisation: not found there.
    const other = await orgWithAdmin();
    expect((await refusal(decideJoinRequest(other.admin, other.organisation.slug, request.id, true))).code).toBe("CONFLICT");
    const results = await Promise.allSettled([
      decideJoinRequest(admin, organisation.slug, request.id, true),
      decideJoinRequest(admin, organisation.slug, request.id, false),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const decided = await db().joinRequest.findUniqueOrThrow({ where: { id: request.id } });
    const member = await db().membership.findUnique({ where: { userId_organisationId: { userId: person.id, organisationId: organisation.id } } });
    expect(decided.status === "APPROVED").toBe(member !== null);
    expect(await db().auditEntry.count({ where: { subjectType: "join-request", subjectId: request.id, action: { startsWith: "membership.join-" } } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { toAddress: person.email } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { toAddress: admin.email } })).toBe(1);
  });
});

describe("the last administrator", () => {
  it("cannot leave or be demoted; two admins leaving at once leave one behind", async () => {
    const { admin, organisation } = await orgWithAdmin();
    expect((await refusal(changeMembership(admin, organisation.slug, { kind: "leave" }))).code).toBe("CONFLICT");
    expect((await refusal(changeMembership(admin, organisation.slug, { kind: "role", userId: admin.id, role: "MEMBER" }))).code).toBe("CONFLICT");

    const second = await makeUser();
    await db().membership.create({ data: { userId: second.id, organisationId: organisation.id, role: "ADMIN" } });
    const results = await Promise.allSettled([
      changeMembership(admin, organisation.slug, { kind: "leave" }),
      changeMembership(second, organisation.slug, { kind: "leave" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().membership.count({ where: { organisationId: organisation.id, role: "ADMIN" } })).toBe(1);
  });

  it("survives two admins demoting each other at once, many times over", async () => {
    for (let round = 0; round < 5; round++) {
      const { admin, organisation } = await orgWithAdmin();
      const second = await makeUser();
      await db().membership.create({ data: { userId: second.id, organisationId: organisation.id, role: "ADMIN" } });
      await Promise.allSettled([
        changeMembership(admin, organisation.slug, { kind: "role", userId: second.id, role: "MEMBER" }),
        changeMembership(second, organisation.slug, { kind: "role", userId: admin.id, role: "MEMBER" }),
        changeMembership(admin, organisation.slug, { kind: "remove", userId: second.id }),
      ]);
      expect(await db().membership.count({ where: { organisationId: organisation.id, role: "ADMIN" } })).toBeGreaterThanOrEqual(1);
    }
  });

  it("members leave, admins change roles and remove, and each change is audited with before and after", async () => {
    const { admin, organisation } = await orgWithAdmin();
    const [a, b] = [await makeUser(), await makeUser()];
    await db().membership.createMany({ data: [a, b].map((u) => ({ userId: u.id, organisationId: organisation.id })) });
    expect((await refusal(changeMembership(a, organisation.slug, { kind: "remove", userId: b.id }))).code).toBe("FORBIDDEN");
    await changeMembership(admin, organisation.slug, { kind: "role", userId: a.id, role: "REPRESENTATIVE" });
    await changeMembership(admin, organisation.slug, { kind: "remove", userId: b.id });
    await changeMembership(a, organisation.slug, { kind: "leave" });
    const entries = await db().auditEntry.findMany({
      where: { subjectType: "membership", subjectId: { startsWith: organisation.id } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ["membership.role-changed", { role: "MEMBER" }, { role: "REPRESENTATIVE" }],
      ["membership.removed", { role: "MEMBER" }, null],
      ["membership.left", { role: "REPRESENTATIVE" }, null],
    ]);
  });
});
