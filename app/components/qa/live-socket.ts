// One Socket.IO connection per page, shared by the live Q&A and the session's polls: both
// acquire it, and the last to let go closes it. Websocket transport only (no sticky sessions).
import { io, type Socket } from "socket.io-client";

let shared: { socket: Socket; holders: number } | null = null;

export function acquireSocket(): Socket {
  if (!shared) shared = { socket: io({ transports: ["websocket"], reconnectionDelayMax: 5000 }), holders: 0 };
  shared.holders += 1;
  return shared.socket;
}

export function releaseSocket(socket: Socket): void {
  if (!shared || shared.socket !== socket) return;
  shared.holders -= 1;
  if (shared.holders === 0) {
    socket.disconnect();
    shared = null;
  }
}
