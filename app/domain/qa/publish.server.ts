// Committed Q&A changes are published here; the realtime layer (server/realtime/qa.ts) relays them
// to sockets through the Socket.IO adapter. The bus lives on globalThis because the server and the
// Remix build are two module graphs in one process: an action's change must reach the same io.
import type { QaChange } from "./questions";

type Listener = (change: QaChange) => void;
const key = Symbol.for("scale-events.qa-bus");
type WithBus = typeof globalThis & { [key]?: Set<Listener> };

function listeners(): Set<Listener> {
  const holder = globalThis as WithBus;
  holder[key] ??= new Set();
  return holder[key];
}

export function onQaChange(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function publishQaChange(change: QaChange): void {
  for (const listener of listeners()) {
    try {
      listener(change);
    } catch {
      // A failing relay must not undo a committed change; clients catch up from their cursor.
    }
  }
}
