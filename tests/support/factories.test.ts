// The factories every integration test stands on: their defaults make valid rows the domain
// accepts, and a password is hashed as sign-up does, once per test file.
import { describe, expect, it } from "vitest";
import { signIn } from "~/domain/accounts/accounts.server";
import { registerForEvent } from "~/domain/registration/register.server";
import { db } from "~/platform/db.server";
import { makeEvent, makeRegistrations, makeTicketType, makeUser, makeUsers } from "./factories";

describe("test factories", () => {
  it("make people who sign in with their password and role, hashing each password once", async () => {
    const first = await makeUser({ name: "Ola Organiser", roles: ["ORGANISER"], password: "correct horse battery" });
    const second = await makeUser({ password: "correct horse battery" });
    const signedIn = await signIn({ email: first.email, password: "correct horse battery" });
    expect(signedIn).toMatchObject({ id: first.id, name: "Ola Organiser", roles: ["ORGANISER"] });
    expect(first.passwordHash).toMatch(/^\$argon2id\$/);
    expect(second.passwordHash).toBe(first.passwordHash);
    await expect(signIn({ email: (await makeUser()).email, password: "correct horse battery" })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("make an event people can register for, with its parts in order and its owner on the team", async () => {
    const owner = await makeUser({ roles: ["ORGANISER"] });
    const event = await makeEvent({
      owner,
      ticketTypes: [
        { name: "Late", position: 1 },
        { name: "Early", position: 0 },
      ],
      stops: [
        {
          city: "Helsinki",
          country: "FI",
          timeZone: "Europe/Helsinki",
          startsAt: new Date("2031-03-17T07:00:00Z"),
          endsAt: new Date("2031-03-17T16:00:00Z"),
          position: 1,
        },
        {
          city: "Lisbon",
          country: "PT",
          timeZone: "Europe/Lisbon",
          startsAt: new Date("2031-03-10T09:00:00Z"),
          endsAt: new Date("2031-03-10T18:00:00Z"),
          position: 0,
        },
      ],
    });
    expect(event.ticketTypes.map((t) => t.name)).toEqual(["Early", "Late"]);
    expect(event.stops.map((s) => s.city)).toEqual(["Lisbon", "Helsinki"]);
    expect(await db().eventOrganiser.findMany({ where: { eventId: event.id }, select: { userId: true, role: true } })).toEqual([
      { userId: owner.id, role: "OWNER" },
    ]);
    const ticket = await makeTicketType(event, { capacity: 1 });
    const result = await registerForEvent(await makeUser(), { eventSlug: event.slug, ticketTypeId: ticket.id, answers: {} });
    expect(result.registration.status).toBe("CONFIRMED");
  });

  it("make many people in creation order, and their registrations with real ticket codes", async () => {
    const people = await makeUsers(12, { prefix: "Crowd" });
    expect(people.map((p) => p.name)).toEqual(Array.from({ length: 12 }, (_, i) => `Crowd ${i}`));
    const event = await makeEvent({ ticketTypes: [{ name: "Standard" }] });
    await makeRegistrations(people, event.ticketTypes[0], { each: (i) => ({ status: i % 2 ? "WAITLISTED" : "CONFIRMED" }) });
    const rows = await db().registration.findMany({ where: { eventId: event.id }, select: { status: true, ticketCode: true } });
    expect(rows.filter((r) => r.status === "CONFIRMED")).toHaveLength(6);
    expect(rows.every((r) => /^[2-9A-Z]{5}-[2-9A-Z]{5}$/.test(r.ticketCode))).toBe(true);
  });
});
