// Published events as their page shows them are shared by every viewer and kept in memory until
// the database announces a change (app/platform/changes.server.ts); drafts, which only their team
// sees, are always read afresh.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findVisibleEvent } from "~/domain/events/events.server";
import { announceLocalWrite, startChangeListener, type ChangeListener } from "~/platform/changes.server";
import { db } from "~/platform/db.server";
import { changesDelivered } from "../support/changes";
import { makeEvent, makeUser } from "../support/factories";

let listener: ChangeListener;
beforeAll(async () => {
  listener = await startChangeListener(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await listener.stop();
});

const asViewer = (user: { id: string; email: string; name: string; roles: string[] }) =>
  ({ id: user.id, email: user.email, name: user.name, roles: user.roles, twoFactor: false }) as Parameters<typeof findVisibleEvent>[1];

/** Reads until two reads in a row give the same kept object (other tests' changes may drop it meanwhile). */
async function kept(slug: string) {
  for (let i = 0; i < 50; i++) {
    const first = await findVisibleEvent(slug, null);
    const second = await findVisibleEvent(slug, null);
    if (first && first === second) return first;
  }
  throw new Error(`${slug} was never kept`);
}

describe("the published event cache", () => {
  it("shares one read between viewers and shows a change once it is announced", async () => {
    const slug = `kept-${Date.now()}`;
    await makeEvent({ slug, title: "Kept Lighthouse Day", status: "PUBLISHED" });
    const event = await kept(slug);
    const viewer = asViewer(await makeUser({ name: "Vera Viewer" }));
    expect(await findVisibleEvent(slug, viewer)).toBe(event);

    await db().event.update({ where: { slug }, data: { title: "Renamed Lighthouse Day" } });
    await changesDelivered();
    expect((await findVisibleEvent(slug, viewer))?.title).toBe("Renamed Lighthouse Day");
  });

  it("a local write drops it at once, before the database's notice", async () => {
    const slug = `local-${Date.now()}`;
    await makeEvent({ slug, title: "Local Write Day", status: "PUBLISHED" });
    const event = await kept(slug);
    announceLocalWrite();
    expect(await findVisibleEvent(slug, null)).not.toBe(event);
  });

  it("never keeps a draft", async () => {
    const ownerRow = await makeUser({ name: "Dora Drafter", roles: ["ORGANISER"] });
    const owner = asViewer(ownerRow);
    const slug = `draft-${Date.now()}`;
    await makeEvent({ slug, title: "Draft Day", status: "DRAFT", owner: ownerRow });
    const first = await findVisibleEvent(slug, owner);
    expect(first?.title).toBe("Draft Day");
    expect(await findVisibleEvent(slug, owner)).not.toBe(first);
    expect(await findVisibleEvent(slug, null)).toBeNull();
  });
});
