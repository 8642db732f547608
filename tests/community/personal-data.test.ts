// The community's personal data in the GDPR export and erasure: role requests, join requests,
// invitations, introductions, blocks and memberships are exported, then erased with the account.
import { describe, expect, it } from "vitest";
import { requestRole } from "~/domain/community/role-requests.server";
import { blockSender, requestIntroduction } from "~/domain/community/introductions.server";
import { inviteMember, requestToJoin } from "~/domain/community/membership.server";
import { exportPersonalData } from "~/domain/privacy/export.server";
import { eraseAccount } from "~/domain/privacy/erasure.server";
import { db } from "~/platform/db.server";
import { makeDirectoryProfile, makeOrganisation, makeUser } from "../support/factories";

const MESSAGE = "We are replicating your e-bus depot next year and would love to compare notes.";

describe("community data and GDPR", () => {
  it("is exported to its owner and erased with the account", async () => {
    const [person, other, orgAdmin] = [await makeUser({ name: "Paula Person" }), await makeUser({ name: "Otto Other" }), await makeUser()];
    await Promise.all([makeDirectoryProfile(person), makeDirectoryProfile(other)]);
    const organisation = await makeOrganisation({ members: [orgAdmin], memberRole: "ADMIN", name: "Porto Municipality" });
    const joined = await makeOrganisation({ members: [person], name: "Joined Org" });
    await requestRole(person, {
      role: "EXPERT",
      organisationName: "TU Delft",
      reason: "Transport modelling.",
      expertise: ["Mobility"],
      cvUrl: "https://cv.example/p.pdf",
    });
    await requestToJoin(person, organisation.slug, "Let me in");
    await inviteMember(orgAdmin, organisation.slug, { email: person.email, role: "MEMBER" });
    await requestIntroduction(person, { userId: other.id }, MESSAGE);
    const received = await requestIntroduction(other, { userId: person.id }, MESSAGE);
    await blockSender(person, received.id);

    const data = await exportPersonalData(person.id);
    expect(data.community.roleRequests[0]).toMatchObject({ role: "EXPERT", cvUrl: "https://cv.example/p.pdf", expertise: ["Mobility"] });
    expect(data.community.joinRequests[0]).toMatchObject({ organisation: "Porto Municipality", message: "Let me in" });
    expect(data.community.invitationsReceived[0]).toMatchObject({ organisation: "Porto Municipality", status: "PENDING" });
    expect(data.community.introductionsSent[0]).toMatchObject({ to: "Otto Other", message: MESSAGE });
    expect(data.community.introductionsReceived[0]).toMatchObject({ from: "Otto Other" });
    expect(data.community.blocked[0]).toMatchObject({ person: "Otto Other" });
    expect(data.organisations).toEqual([{ organisation: "Joined Org", role: "MEMBER" }]);
    expect(JSON.stringify(data)).not.toContain(other.email);

    const email = person.email;
    await eraseAccount(person.id);
    expect(await db().roleRequest.count({ where: { userId: person.id } })).toBe(0);
    expect(await db().joinRequest.count({ where: { userId: person.id } })).toBe(0);
    expect(await db().organisationInvitation.count({ where: { email } })).toBe(0);
    expect(await db().introduction.count({ where: { OR: [{ senderId: person.id }, { recipientId: person.id }] } })).toBe(0);
    expect(await db().introductionBlock.count({ where: { blockerId: person.id } })).toBe(0);
    expect(await db().membership.count({ where: { userId: person.id, organisationId: joined.id } })).toBe(0);
    // The audit log keeps no address: nothing in it names the erased email.
    const entries = await db().auditEntry.findMany();
    expect(JSON.stringify(entries.map((e) => [e.before, e.after]))).not.toContain(email);
  });
});
