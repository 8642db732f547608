// Committed room changes are published here; server/realtime/rooms.ts relays them to sockets on
// every node. Clients reload the room state on reconnect.
import { processBus } from "~/platform/bus.server";
import type { MessageView, RoundView } from "./rooms";

export type RoomEvent =
  | { type: "message"; roomId: string; message: MessageView }
  | { type: "contact"; roomId: string; message: MessageView; to: string[] }
  | { type: "round"; roomId: string; round: RoundView };

const bus = processBus<RoomEvent>("rooms");

export const onRoomEvent = bus.subscribe;
export const publishRoomEvent = bus.publish;
