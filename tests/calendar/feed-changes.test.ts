// The personal feed served from memory: once the lookup query has confirmed a copy, polls cost
// no query until the database announces a change that may touch it (NOTIFY from the triggers of
// migration 20261206071500_change_notifications). A registration, an event edit and a revoked
// link each show on the very next poll after their notice arrives; without a listener nothing is
// served from memory.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearPersonalFeedCache, personalFeedByToken, personalFeedStats, regenerateFeedToken } from "~/domain/calendar/personal-feed.server";
import { changeFeedGeneration, startChangeListener, type ChangeListener } from "~/platform/changes.server";
import { db } from "~/platform/db.server";
import { changesDelivered } from "../support/changes";
import { makeRegistration, makeUser } from "../support/factories";
import { makeCalendarEvent } from "./fixtures";

let listener: ChangeListener;

beforeAll(async () => {
  listener = await startChangeListener(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await listener.stop();
});

/** Polls until a poll is served from memory (other tests' changes may unconfirm the copy meanwhile). */
async function settled(token: string) {
  for (let i = 0; i < 50; i++) {
    const result = await poll(token);
    if (result.fromMemory) return result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("never served from memory");
}

async function poll(token: string) {
  const before = personalFeedStats();
  const document = await personalFeedByToken(token);
  const after = personalFeedStats();
  return { document, fromMemory: after.memoryHits > before.memoryHits };
}

describe("the personal feed from memory", () => {
  it("serves repeated polls without a query, and shows a new registration and an event edit at once", async () => {
    clearPersonalFeedCache();
    const { event, ticketType } = await makeCalendarEvent({
      slug: "feed-memory",
      title: "Tampere mobility day",
      startsAt: new Date("2031-07-01T07:00:00Z"),
      endsAt: new Date("2031-07-01T15:00:00Z"),
    });
    const user = await makeUser({ name: "Polly Poller" });
    const { token } = await regenerateFeedToken(user.id);

    const first = await poll(token);
    expect(first.fromMemory).toBe(false);
    expect(first.document?.body).not.toContain("Tampere mobility day");
    const second = await settled(token);
    expect(second.document?.etag).toBe(first.document?.etag);

    await makeRegistration(user, ticketType);
    await changesDelivered();
    const registered = await poll(token);
    expect(registered.fromMemory).toBe(false);
    expect(registered.document?.body).toContain("Tampere mobility day");
    await settled(token);

    await db().event.update({ where: { id: event.id }, data: { title: "Tampere mobility and energy day" } });
    await changesDelivered();
    const edited = await poll(token);
    expect(edited.fromMemory).toBe(false);
    expect(edited.document?.body).toContain("Tampere mobility and energy day");
  });

  it("a revoked link stops working on the next poll after its notice", async () => {
    const user = await makeUser({ name: "Rita Revoker" });
    const { token } = await regenerateFeedToken(user.id);
    await settled(token);
    await regenerateFeedToken(user.id);
    await changesDelivered();
    expect((await poll(token)).document).toBeNull();
  });

  it("serves nothing from memory while no listener is connected", async () => {
    const user = await makeUser({ name: "Nina Nolisten" });
    const { token } = await regenerateFeedToken(user.id);
    await listener.stop();
    expect(changeFeedGeneration()).toBeNull();
    await poll(token);
    expect((await poll(token)).fromMemory).toBe(false);
    listener = await startChangeListener(process.env.DATABASE_URL!);
    expect(changeFeedGeneration()).not.toBeNull();
  });
});
