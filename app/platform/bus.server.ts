// In-process publish/subscribe between the domain and the realtime layer. The domain publishes
// what it has committed; server/realtime relays it to sockets on every node through the
// Socket.IO adapter. The listeners live on globalThis because the server and the Remix build are
// two module graphs in one process: an action's event must reach the same io.

export interface Bus<T> {
  subscribe(listener: (event: T) => void): () => void;
  /** Never throws: what was committed stays committed even if a relay fails (clients catch up). */
  publish(event: T): void;
}

export function processBus<T>(name: string): Bus<T> {
  const key = Symbol.for(`scale-events.bus.${name}`);
  const holder = globalThis as typeof globalThis & Record<symbol, Set<(event: T) => void> | undefined>;
  const listeners = (holder[key] ??= new Set());
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // See above: a failing relay must not undo or fail the write that published.
        }
      }
    },
  };
}
