// An event's team: adding people by their account's email, changing roles, removing them; who
// may do it; and the last owner, who stays even when two owners demote each other at once.
import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/kernel/errors";
import { judgeTeamChange } from "~/domain/events/team-input";
import { addTeamMember, changeTeamRole, getTeam, removeTeamMember } from "~/domain/events/team.server";
import { db } from "~/platform/db.server";
import { makeEvent, makeTeamMember, makeUser } from "../support/factories";
import { refusal } from "../support/refusal";

type Role = "OWNER" | "ORGANISER" | "MODERATOR" | "CHECKIN";

/** An event with one member per given role; returns the members in the same order. */
async function teamEvent(...roles: Role[]) {
  const event = await makeEvent();
  const members = [];
  for (const role of roles) {
    const user = await makeUser({ name: role.toLowerCase() });
    await makeTeamMember(event.id, user.id, role);
    members.push(user);
  }
  return { event, members };
}

async function roles(eventId: string) {
  const rows = await db().eventOrganiser.findMany({ where: { eventId }, select: { userId: true, role: true } });
  return new Map(rows.map((row) => [row.userId, row.role]));
}

describe("the rule", () => {
  it("lets managers act, keeps owners to owners and never drops the last owner", () => {
    expect(judgeTeamChange({ admin: false, role: "MODERATOR" }, { kind: "add", role: "CHECKIN" }, 1)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(judgeTeamChange({ admin: false, role: "ORGANISER" }, { kind: "add", role: "CHECKIN" }, 1)).toEqual({ ok: true });
    expect(judgeTeamChange({ admin: false, role: "ORGANISER" }, { kind: "add", role: "OWNER" }, 1)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(judgeTeamChange({ admin: false, role: "OWNER" }, { kind: "role", from: "OWNER", to: "ORGANISER", self: true }, 1)).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(judgeTeamChange({ admin: false, role: "OWNER" }, { kind: "role", from: "OWNER", to: "ORGANISER", self: true }, 2)).toEqual({ ok: true });
    expect(judgeTeamChange({ admin: true, role: null }, { kind: "remove", from: "OWNER", self: false }, 1)).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(judgeTeamChange({ admin: true, role: null }, { kind: "remove", from: "OWNER", self: false }, 2)).toEqual({ ok: true });
  });
});

describe("adding people", () => {
  it("adds an account by its email (any case) with a role, lists it and emails them once", async () => {
    const {
      event,
      members: [owner],
    } = await teamEvent("OWNER");
    const person = await makeUser({ name: "Door" });
    const added = await addTeamMember(owner, event.slug, { email: `  ${person.email.toUpperCase()} `, role: "CHECKIN" });
    expect(added).toMatchObject({ userId: person.id, role: "CHECKIN" });
    const team = await getTeam(owner, event.slug);
    expect(team.members.map((m) => [m.email, m.role])).toEqual([
      [owner.email, "OWNER"],
      [person.email, "CHECKIN"],
    ]);
    expect(team.viewer).toMatchObject({ role: "OWNER", admin: false });
    const emails = await db().outboxEmail.findMany({ where: { toAddress: person.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain("Check-in staff");
    expect(emails[0].textBody).toContain(`/organise/events/${event.slug}/check-in`);
    expect(emails[0].textBody).toContain("checks tickets in");
  });

  it("refuses an unknown email and someone already on the team with a field message, writing nothing", async () => {
    const {
      event,
      members: [owner, organiser],
    } = await teamEvent("OWNER", "ORGANISER");
    const unknown = await refusal(addTeamMember(owner, event.slug, { email: "nobody-here@example.eu", role: "ORGANISER" }));
    expect(unknown.code).toBe("VALIDATION");
    expect(unknown.fieldErrors?.email).toBe("No account uses that email — ask them to sign up first");
    const twice = await refusal(addTeamMember(owner, event.slug, { email: organiser.email, role: "MODERATOR" }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.fieldErrors?.email).toMatch(/already on the team \(as organiser\)/);
    expect((await roles(event.id)).get(organiser.id)).toBe("ORGANISER");
    expect(await db().outboxEmail.count({ where: { toAddress: organiser.email } })).toBe(0);
  });
});

describe("changing roles and removing people", () => {
  it("changes a role, removes a member, and says NOT_FOUND for a stranger or a malformed id", async () => {
    const {
      event,
      members: [owner, organiser, moderator],
    } = await teamEvent("OWNER", "ORGANISER", "MODERATOR");
    expect(await changeTeamRole(organiser, event.slug, { userId: moderator.id, role: "CHECKIN" })).toEqual({ changed: true });
    expect(await changeTeamRole(organiser, event.slug, { userId: moderator.id, role: "CHECKIN" })).toEqual({ changed: false });
    expect((await roles(event.id)).get(moderator.id)).toBe("CHECKIN");
    await removeTeamMember(owner, event.slug, { userId: moderator.id });
    expect((await roles(event.id)).has(moderator.id)).toBe(false);
    expect((await refusal(removeTeamMember(owner, event.slug, { userId: moderator.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(changeTeamRole(owner, event.slug, { userId: "not-a-uuid", role: "ORGANISER" }))).code).toBe("NOT_FOUND");
    // An organiser may leave.
    expect(await removeTeamMember(organiser, event.slug, { userId: organiser.id })).toEqual({ self: true });
    // The moderator was told of each change someone else made (once per change); nobody is
    // emailed about leaving on their own.
    const told = await db().outboxEmail.findMany({
      where: { toAddress: moderator.email },
      orderBy: { createdAt: "asc" },
      select: { subject: true, textBody: true },
    });
    expect(told.map((email) => email.subject)).toEqual([
      `Your role at ${event.title} is now Check-in staff`,
      `You are no longer on the team of ${event.title}`,
    ]);
    expect(told[1].textBody).toContain("Any registration of your own for the event is unchanged.");
    expect(await db().outboxEmail.count({ where: { toAddress: organiser.email } })).toBe(0);
  });

  it("keeps owners to owners: an organiser cannot grant, demote or remove an owner", async () => {
    const {
      event,
      members: [owner, organiser, other],
    } = await teamEvent("OWNER", "ORGANISER", "ORGANISER");
    expect((await refusal(changeTeamRole(organiser, event.slug, { userId: other.id, role: "OWNER" }))).code).toBe("FORBIDDEN");
    expect((await refusal(changeTeamRole(organiser, event.slug, { userId: organiser.id, role: "OWNER" }))).code).toBe("FORBIDDEN");
    expect((await refusal(changeTeamRole(organiser, event.slug, { userId: owner.id, role: "ORGANISER" }))).code).toBe("FORBIDDEN");
    expect((await refusal(removeTeamMember(organiser, event.slug, { userId: owner.id }))).code).toBe("FORBIDDEN");
    const newcomer = await makeUser({ name: "Newcomer" });
    expect((await refusal(addTeamMember(organiser, event.slug, { email: newcomer.email, role: "OWNER" }))).code).toBe("FORBIDDEN");
    await changeTeamRole(owner, event.slug, { userId: other.id, role: "OWNER" });
    expect((await roles(event.id)).get(other.id)).toBe("OWNER");
    expect((await getTeam(organiser, event.slug)).viewer.grantable).not.toContain("OWNER");
  });

  it("never removes or demotes the last owner, not even the owner themselves or an admin", async () => {
    const {
      event,
      members: [owner],
    } = await teamEvent("OWNER", "ORGANISER");
    const admin = await makeUser({ name: "Admin", roles: ["ADMIN"] });
    for (const attempt of [
      () => changeTeamRole(owner, event.slug, { userId: owner.id, role: "ORGANISER" }),
      () => removeTeamMember(owner, event.slug, { userId: owner.id }),
      () => changeTeamRole(admin, event.slug, { userId: owner.id, role: "CHECKIN" }),
      () => removeTeamMember(admin, event.slug, { userId: owner.id }),
    ]) {
      const error = await refusal(attempt());
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toMatch(/at least one owner/);
    }
    expect((await roles(event.id)).get(owner.id)).toBe("OWNER");
  });
});

describe("who may manage the team", () => {
  it("refuses attendees, moderators and check-in staff; admins may, owners included", async () => {
    const {
      event,
      members: [owner, moderator, door],
    } = await teamEvent("OWNER", "MODERATOR", "CHECKIN");
    const attendee = await makeUser({ name: "Attendee" });
    const target = await makeUser({ name: "Target" });
    for (const who of [attendee, moderator, door]) {
      expect((await refusal(getTeam(who, event.slug))).code).toBe("FORBIDDEN");
      expect((await refusal(addTeamMember(who, event.slug, { email: target.email, role: "CHECKIN" }))).code).toBe("FORBIDDEN");
      expect((await refusal(changeTeamRole(who, event.slug, { userId: door.id, role: "ORGANISER" }))).code).toBe("FORBIDDEN");
      expect((await refusal(removeTeamMember(who, event.slug, { userId: owner.id }))).code).toBe("FORBIDDEN");
    }
    // A draft stays private: NOT_FOUND for outsiders.
    const draft = await makeEvent({ status: "DRAFT", publishedAt: null });
    expect((await refusal(getTeam(attendee, draft.slug))).code).toBe("NOT_FOUND");

    const admin = await makeUser({ name: "Admin", roles: ["ADMIN"] });
    expect((await getTeam(admin, event.slug)).viewer).toMatchObject({ admin: true, role: null });
    await addTeamMember(admin, event.slug, { email: target.email, role: "OWNER" });
    await changeTeamRole(admin, event.slug, { userId: owner.id, role: "ORGANISER" });
    await removeTeamMember(admin, event.slug, { userId: moderator.id });
    const after = await roles(event.id);
    expect(after.get(target.id)).toBe("OWNER");
    expect(after.get(owner.id)).toBe("ORGANISER");
    expect(after.has(moderator.id)).toBe(false);
  });

  it("rechecks the actor's role under the lock: someone demoted a moment ago can no longer act", async () => {
    const {
      event,
      members: [owner, organiser, door],
    } = await teamEvent("OWNER", "ORGANISER", "CHECKIN");
    await changeTeamRole(owner, event.slug, { userId: organiser.id, role: "MODERATOR" });
    expect((await refusal(changeTeamRole(organiser, event.slug, { userId: door.id, role: "ORGANISER" }))).code).toBe("FORBIDDEN");
  });
});

describe("two owners at once", () => {
  const ROUNDS = 25;

  async function settled(...work: Promise<unknown>[]) {
    const results = await Promise.allSettled(work);
    for (const result of results) {
      if (result.status === "rejected" && !(result.reason instanceof DomainError)) throw result.reason;
    }
    return results.filter((result) => result.status === "fulfilled").length;
  }

  it("demoting each other at the same moment always leaves exactly one owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const {
        event,
        members: [a, b],
      } = await teamEvent("OWNER", "OWNER");
      const succeeded = await settled(
        changeTeamRole(a, event.slug, { userId: b.id, role: "ORGANISER" }),
        changeTeamRole(b, event.slug, { userId: a.id, role: "ORGANISER" }),
      );
      expect(succeeded, `round ${round}`).toBe(1);
      const after = [...(await roles(event.id)).values()];
      expect(
        after.filter((role) => role === "OWNER"),
        `round ${round}`,
      ).toHaveLength(1);
    }
  });

  it("removing each other, or both leaving, at the same moment always leaves exactly one owner", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const {
        event,
        members: [a, b],
      } = await teamEvent("OWNER", "OWNER");
      const each = round % 2 === 0;
      await settled(removeTeamMember(a, event.slug, { userId: each ? b.id : a.id }), removeTeamMember(b, event.slug, { userId: each ? a.id : b.id }));
      const after = [...(await roles(event.id)).values()];
      expect(after, `round ${round}`).toEqual(["OWNER"]);
    }
  });
});
