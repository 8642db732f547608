// A write a test makes straight into the database reaches the server's in-memory copies (pages,
// feeds, events, roles) as another node's write does: through the database's NOTIFY, a moment
// after it commits. Before a request that must see such a write, a test waits for that moment.
//
// PostgreSQL delivers notifications to a listener in commit order, so once a marker sent now has
// arrived, every change committed before it has arrived too. The marker is a `user:` notice for
// a person who does not exist: it drops nothing from any cache.
import { randomUUID } from "node:crypto";
import { changeFeedGeneration, onDataChange } from "~/platform/changes.server";
import { db } from "~/platform/db.server";

export async function changesDelivered(timeoutMs = 5_000): Promise<void> {
  // Without a connected listener nothing is served from memory, so there is nothing to wait for.
  if (changeFeedGeneration() === null) return;
  const marker = randomUUID();
  let stop = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no change notice arrived within ${timeoutMs} ms`)), timeoutMs);
      const unsubscribe = onDataChange((change) => {
        if (change.scope === "user" && change.id === marker) resolve();
      });
      stop = () => {
        clearTimeout(timer);
        unsubscribe();
      };
      db().$executeRaw`SELECT pg_notify('scale_changes', ${`user:${marker}`})`.catch(reject);
    });
  } finally {
    stop();
  }
}
