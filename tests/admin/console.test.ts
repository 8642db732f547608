// The admin console on real PostgreSQL: the audit log refuses UPDATE and DELETE in the database,
// roles and suspension (sessions deleted, sign-in refused), organisations created, edited and
// merged keeping memberships and history, all audited.
import { describe, expect, it } from "vitest";
import { signIn } from "~/domain/accounts/accounts.server";
import { createSession, findSessionUser } from "~/domain/accounts/sessions.server";
import { listAudit, recordAudit } from "~/domain/audit/audit.server";
import {
  consoleFigures,
  createOrganisation,
  mergeOrganisations,
  restoreUser,
  searchUsers,
  setUserRoles,
  suspendUser,
  updateOrganisation,
} from "~/domain/admin/console.server";
import { db } from "~/platform/db.server";
import { makeEvent, makeOrganisation, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

describe("the audit log", () => {
  it("is append-only in the database: UPDATE, DELETE and TRUNCATE are refused whoever asks", async () => {
    await recordAudit(db(), { actorId: null, action: "test.appended", subjectType: "user", subjectId: "x", after: { n: 1n, at: new Date(0) } });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "test.appended" } });
    expect(entry.after).toEqual({ n: "1", at: "1970-01-01T00:00:00.000Z" });
    await expect(db().auditEntry.update({ where: { id: entry.id }, data: { action: "test.rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEntry" SET "after" = NULL`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect(await db().auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ action: "test.appended" });
  });

  it("lists newest first, filtered and paged, for admins", async () => {
    for (let i = 0; i < 60; i++) await recordAudit(db(), { actorId: null, action: "test.paged", subjectType: "organisation", subjectId: `s${i}` });
    const first = await listAudit({ action: "test.paged" });
    expect(first.paging).toMatchObject({ total: 60, pages: 2, page: 1 });
    expect(first.items[0].subjectId).toBe("s59");
    expect((await listAudit({ action: "test.paged", page: 2 })).items).toHaveLength(10);
    expect((await listAudit({ id: "s7" })).items.map((i) => i.subjectId)).toEqual(["s7"]);
  });
});

describe("people", () => {
  it("an admin changes roles (audited); nobody else may; an admin keeps their own admin role", async () => {
    const admin = await makeUser({ roles: ["ADMIN"] });
    const person = await makeUser({ name: "Findable Person" });
    expect((await refusal(setUserRoles(person, person.id, ["ADMIN"]))).code).toBe("FORBIDDEN");
    expect(await setUserRoles(admin, person.id, ["EXPERT"])).toEqual({ changed: true });
    expect(await setUserRoles(admin, person.id, ["EXPERT", "ATTENDEE"])).toEqual({ changed: false });
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).roles.sort()).toEqual(["ATTENDEE", "EXPERT"]);
    expect((await refusal(setUserRoles(admin, admin.id, []))).code).toBe("CONFLICT");
    expect((await searchUsers(admin, { q: "findable" })).items.map((u) => u.id)).toEqual([person.id]);
    expect(await db().auditEntry.count({ where: { action: "user.roles-changed", subjectId: person.id, actorId: admin.id } })).toBe(1);
  });

  it("suspension ends every session and refuses sign-in with a clear message; restoring lets the person back", async () => {
    const admin = await makeUser({ roles: ["ADMIN"] });
    const person = await makeUser({ password: "a-long-enough-password" });
    const { token } = await createSession(person.id, 1);
    expect(await findSessionUser(token)).not.toBeNull();
    expect(await suspendUser(admin, person.id)).toEqual({ sessionsEnded: 1 });
    expect(await findSessionUser(token)).toBeNull();
    const refused = await refusal(signIn({ email: person.email, password: "a-long-enough-password" }));
    expect(refused).toMatchObject({ code: "ACCOUNT_SUSPENDED" });
    expect(refused.message).toMatch(/suspended/);
    expect((await refusal(suspendUser(admin, person.id))).code).toBe("CONFLICT");
    expect((await refusal(suspendUser(admin, admin.id))).code).toBe("CONFLICT");
    expect((await refusal(suspendUser(person, admin.id))).code).toBe("FORBIDDEN");
    await restoreUser(admin, person.id);
    expect((await signIn({ email: person.email, password: "a-long-enough-password" })).id).toBe(person.id);
    expect((await db().auditEntry.findMany({ where: { subjectId: person.id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
      "user.suspended",
      "user.restored",
    ]);
    expect((await consoleFigures(admin)).users).toBeGreaterThanOrEqual(2);
  });
});

describe("organisations", () => {
  const fields = { name: "City of Aveiro", kind: "FELLOW_CITY" as const, country: "PT", website: "https://aveiro.example" };

  it("are created and edited by admins, with a unique address name", async () => {
    const admin = await makeUser({ roles: ["ADMIN"] });
    const created = await createOrganisation(admin, { ...fields, slug: `aveiro-${Date.now()}` });
    expect((await refusal(createOrganisation(admin, { ...fields, slug: created.slug }))).fieldErrors).toHaveProperty("slug");
    await updateOrganisation(admin, created.id, { ...fields, name: "Aveiro Municipality", slug: created.slug });
    expect((await db().organisation.findUniqueOrThrow({ where: { id: created.id } })).name).toBe("Aveiro Municipality");
    const member = await makeUser();
    expect((await refusal(updateOrganisation(member, created.id, { ...fields, slug: created.slug }))).code).toBe("FORBIDDEN");
    expect((await db().auditEntry.findMany({ where: { subjectId: created.id } })).map((e) => e.action).sort()).toEqual([
      "organisation.created",
      "organisation.edited",
    ]);
  });

  it("merge moves memberships (higher role wins), events and requests to the survivor in one transaction", async () => {
    const admin = await makeUser({ roles: ["ADMIN"] });
    const [both, onlyDup, requester] = [await makeUser(), await makeUser(), await makeUser()];
    const survivor = await makeOrganisation({ members: [both] });
    const duplicate = await makeOrganisation({ members: [onlyDup] });
    await db().membership.create({ data: { userId: both.id, organisationId: duplicate.id, role: "ADMIN" } });
    const event = await makeEvent({ organisationId: duplicate.id });
    await db().joinRequest.create({ data: { organisationId: duplicate.id, userId: requester.id } });
    await db().joinRequest.create({ data: { organisationId: survivor.id, userId: requester.id } });
    const result = await mergeOrganisations(admin, duplicate.id, survivor.id);
    expect(result.moved).toMatchObject({ memberships: 2, events: 1, joinRequests: 1 });
    expect(await db().organisation.findUnique({ where: { id: duplicate.id } })).toBeNull();
    const members = await db().membership.findMany({ where: { organisationId: survivor.id }, orderBy: { userId: "asc" } });
    expect(new Map(members.map((m) => [m.userId, m.role]))).toEqual(
      new Map([
        [both.id, "ADMIN"],
        [onlyDup.id, "MEMBER"],
      ]),
    );
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).organisationId).toBe(survivor.id);
    expect(await db().joinRequest.count({ where: { organisationId: survivor.id, userId: requester.id, status: "PENDING" } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "organisation.merged", subjectId: survivor.id } })).toBe(1);
    expect((await refusal(mergeOrganisations(admin, survivor.id, survivor.id))).code).toBe("VALIDATION");
    expect((await refusal(mergeOrganisations(both, survivor.id, duplicate.id))).code).toBe("FORBIDDEN");
  });
});
