// The realtime layer: authenticates each socket from the same session cookie as the pages,
// then hands connections to the capability handlers. Rules stay in app/domain.
import type { Server as HttpServer } from "node:http";
import type { Logger } from "pino";
import { Server, type Socket } from "socket.io";
import { findSessionUser, hashSessionToken, onSessionEnded, type SessionUser } from "../../app/domain/accounts/sessions.server";
import { currentSessionUser, onUserRolesChanged } from "../../app/domain/community/user-changes.server";
import { sessionTokenFromCookieHeader } from "../../app/web/auth.server";
import { installAdapter, type AdapterKind } from "./adapter";
import { ACK_REQUIRED, installQa, type SocketUser } from "./qa";
import { allowSameOrigin } from "./origin";
import { installRooms } from "./rooms";
import { installPolls } from "./polls";

export interface SocketData {
  user: SocketUser | null;
  /** Which session opened the socket (30 bits of its hash), so signing out can close it. */
  sessionKey?: number;
}

/**
 * 30 bits of a session's hash: a small integer, stored inside the socket's data object at no cost
 * (a string key costs ~40–110 bytes per idle connection). It only ever closes sockets: two sessions
 * sharing a key (about one chance in a million per sign-out with 2 000 sockets open) means one
 * extra socket reconnects, never that one acts for another.
 */
const sessionKeyOf = (sessionHash: string) => parseInt(sessionHash.slice(0, 8), 16) & 0x3fffffff;
const SESSION_ENDED = "session:ended";
const USER_CHANGED = "user:changed";

// Thousands of sockets hold a handful of distinct role lists: one frozen copy of each.
const roleLists = new Map<string, SessionUser["roles"]>();
function sharedRoles(roles: SessionUser["roles"]): SessionUser["roles"] {
  const key = roles.join(",");
  let shared = roleLists.get(key);
  if (!shared) roleLists.set(key, (shared = Object.freeze([...roles]) as SessionUser["roles"]));
  return shared;
}

export type RealtimeServer = Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

export async function attachRealtime(
  httpServer: HttpServer,
  options: { adapter: AdapterKind; redisUrl?: string; databaseUrl: string; logger: Logger },
): Promise<{ io: Server; close(): Promise<void> }> {
  const io = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Same origin only: the pages and the socket are served by this process. `cors` covers
    // polling from scripts; the handshake's Origin check also covers websockets.
    cors: { origin: false },
    allowRequest: allowSameOrigin((origin, host) =>
      options.logger.warn({ origin: origin.slice(0, 200), host: host?.slice(0, 200) }, "cross-origin socket handshake refused"),
    ),
  });
  const closeAdapter = await installAdapter(io, options.adapter, { REDIS_URL: options.redisUrl, DATABASE_URL: options.databaseUrl }, options.logger);

  io.use(async (socket, next) => {
    try {
      const token = await sessionTokenFromCookieHeader(socket.handshake.headers.cookie);
      const user = await findSessionUser(token);
      (socket.data as SocketData).user = user ? { id: user.id, name: user.name, roles: sharedRoles(user.roles) } : null;
      if (user && token) (socket.data as SocketData).sessionKey = sessionKeyOf(hashSessionToken(token));
      next();
    } catch (error) {
      options.logger.error({ err: error }, "socket authentication failed");
      next(new Error("AUTH_UNAVAILABLE"));
    }
  });

  const qa = installQa(io, options.logger);
  const rooms = installRooms(io, options.logger);
  const polls = installPolls(io, options.logger);
  // One catch-all per socket dispatches the capability events (shared listeners, `this` = socket)
  // and refuses unknown ones out loud: an acknowledgement with UNKNOWN_EVENT, else "error:event".
  const listeners: Record<string, (this: Socket, ...args: unknown[]) => void> = { ...qa.listeners, ...rooms.listeners, ...polls.listeners };
  // Lets a client confirm who the server thinks it is (and tests prove cookie auth).
  // It takes no payload; the acknowledgement is the last argument either way.
  listeners["session:whoami"] = function whoami(this: Socket, ...args: unknown[]) {
    const ack = args[args.length - 1];
    if (typeof ack !== "function") {
      this.emit("error:event", ACK_REQUIRED);
      return;
    }
    const user = (this.data as SocketData).user;
    ack(user ? { ok: true, user: { id: user.id, name: user.name, roles: user.roles } } : { ok: true, user: null });
  };
  function dispatch(this: Socket, event: string, ...args: unknown[]) {
    const listener = Object.hasOwn(listeners, event) ? listeners[event] : undefined;
    if (listener) return listener.apply(this, args);
    const reply = { ok: false, code: "UNKNOWN_EVENT", message: `Unknown event "${String(event).slice(0, 60)}".` };
    const ack = args[args.length - 1];
    if (typeof ack === "function") ack(reply);
    else this.emit("error:event", reply);
  }

  // Signing out closes the sockets opened with that session, wherever they are connected; a
  // socket must not keep receiving a signed-out person's broadcasts or act for them. Each node
  // looks through its own sockets (sign-outs are rare; a room per socket would cost every idle
  // connection memory) and tells the others through the adapter.
  const closeLocal = (sessionKey: unknown) => {
    if (typeof sessionKey !== "number") return;
    for (const socket of io.of("/").sockets.values()) {
      if ((socket.data as SocketData).sessionKey === sessionKey) socket.disconnect(true);
    }
  };
  io.on(SESSION_ENDED as never, closeLocal);
  const stopClosingEnded = onSessionEnded((sessionHash) => {
    const key = sessionKeyOf(sessionHash);
    closeLocal(key);
    if (options.adapter !== "memory") io.serverSideEmit(SESSION_ENDED, key);
  });

  // A person's roles changed (a role request approved, an admin's edit): every socket they have
  // open, on every node, re-reads them, so what the socket may do follows at once. A socket whose
  // person can no longer be read (suspended, erased) is closed.
  const refreshLocal = async (userId: unknown) => {
    if (typeof userId !== "string") return;
    const sockets = [...io.of("/").sockets.values()].filter((socket) => (socket.data as SocketData).user?.id === userId);
    if (sockets.length === 0) return;
    try {
      const user = await currentSessionUser(userId);
      for (const socket of sockets) {
        if (user) (socket.data as SocketData).user = user;
        else socket.disconnect(true);
      }
    } catch (error) {
      options.logger.error({ err: error }, "refreshing a socket's user failed; closing its sockets");
      for (const socket of sockets) socket.disconnect(true);
    }
  };
  io.on(USER_CHANGED as never, (userId: unknown) => void refreshLocal(userId));
  const stopRefreshing = onUserRolesChanged((userId) => {
    void refreshLocal(userId);
    if (options.adapter !== "memory") io.serverSideEmit(USER_CHANGED, userId);
  });

  // Every socket shares one frozen catch-all list instead of `socket.onAny(dispatch)`, which gives
  // each connection its own array (~180 bytes per idle socket). Socket.IO reads `_anyListeners`
  // (copying it) for each incoming event; frozen, a stray `socket.onAny` fails loudly instead of
  // adding a listener to every socket.
  const anyListeners = Object.freeze([dispatch]);
  io.on("connection", (socket) => {
    (socket as unknown as { _anyListeners: readonly unknown[] })._anyListeners = anyListeners;
  });

  return {
    io,
    async close() {
      stopClosingEnded();
      stopRefreshing();
      qa.close();
      rooms.close();
      polls.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closeAdapter();
    },
  };
}
