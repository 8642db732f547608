// Socket.IO test clients: connect with a session cookie, call with an acknowledgement, wait for
// a broadcast matching a predicate.
import { io as connect, type Socket } from "socket.io-client";

export function openSocket(baseUrl: string, cookie?: string): Promise<Socket> {
  const socket = connect(baseUrl, { transports: ["websocket"], extraHeaders: cookie ? { Cookie: cookie } : {}, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => reject(error));
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AckResponse = { ok: boolean; [key: string]: any };

export async function call(socket: Socket, event: string, payload?: unknown, timeoutMs = 10_000): Promise<AckResponse> {
  return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as AckResponse;
}

/** Resolves with the first `event` payload for which `match` is true. */
export function waitFor<T = unknown>(socket: Socket, event: string, match: (payload: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Collects every `event` payload until stopped. */
export function collect<T = unknown>(socket: Socket, event: string): { items: T[]; stop(): void } {
  const items: T[] = [];
  const listener = (payload: T) => items.push(payload);
  socket.on(event, listener);
  return { items, stop: () => socket.off(event, listener) };
}
