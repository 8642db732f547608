// Committed room changes are published here; server/realtime/rooms.ts relays them to sockets on
// every node. On globalThis because the server and the Remix build are two module graphs.
import type { MessageView, RoundView } from "./rooms";

export type RoomEvent =
  | { type: "message"; roomId: string; message: MessageView }
  | { type: "contact"; roomId: string; message: MessageView; to: string[] }
  | { type: "round"; roomId: string; round: RoundView };

type Listener = (event: RoomEvent) => void;
const key = Symbol.for("scale-events.rooms-bus");
type WithBus = typeof globalThis & { [key]?: Set<Listener> };

function listeners(): Set<Listener> {
  const holder = globalThis as WithBus;
  holder[key] ??= new Set();
  return holder[key];
}

export function onRoomEvent(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function publishRoomEvent(event: RoomEvent): void {
  for (const listener of listeners()) {
    try {
      listener(event);
    } catch {
      // Committed already; clients reload the room state on reconnect.
    }
  }
}
