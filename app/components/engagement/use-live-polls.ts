// The live half of a session's polls, on the same Socket.IO connection as the Q&A: joins the
// session's poll room on every (re)connect and takes the whole current state from the database
// (polls are few), then applies each relayed poll change.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { acquireSocket, releaseSocket } from "~/components/qa/live-socket";
import type { AckResult, LiveStatus } from "~/components/qa/use-live-qa";
import type { Ballot, PollView } from "~/domain/engagement/polls";

export function upsertPoll(polls: PollView[], poll: PollView): PollView[] {
  const index = polls.findIndex((p) => p.id === poll.id);
  if (index === -1) return [...polls, poll];
  const next = polls.slice();
  next[index] = poll;
  return next;
}

export function useLivePolls(sessionId: string, initial: { polls: PollView[]; myBallots: Record<string, Ballot> }, options: { screen?: boolean } = {}) {
  const screen = options.screen === true;
  const [polls, setPolls] = useState<PollView[]>(initial.polls);
  const [myBallots, setMyBallots] = useState<Record<string, Ballot>>(initial.myBallots);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const socketRef = useRef<Socket | null>(null);

  // Server-rendered data after a form post (revalidation) replaces the state too.
  useEffect(() => {
    setPolls(initial.polls);
    setMyBallots(initial.myBallots);
  }, [initial.polls, initial.myBallots]);

  useEffect(() => {
    const socket = acquireSocket();
    socketRef.current = socket;
    const join = () => {
      socket.timeout(10_000).emit("poll:join", { sessionId, ...(screen ? { screen } : {}) }, (error: Error | null, reply: AckResult) => {
        if (error || !reply.ok) {
          setStatus(error ? "offline" : "error");
          return;
        }
        setPolls(reply.polls as PollView[]);
        setMyBallots(reply.myBallots as Record<string, Ballot>);
        setStatus("live");
      });
    };
    const offline = () => setStatus("offline");
    const changed = (change: { sessionId: string; poll: PollView }) => {
      if (change.sessionId === sessionId) setPolls((current) => upsertPoll(current, change.poll));
    };
    socket.on("connect", join);
    socket.on("disconnect", offline);
    socket.on("poll:changed", changed);
    if (socket.connected) join();
    return () => {
      socket.off("connect", join);
      socket.off("disconnect", offline);
      socket.off("poll:changed", changed);
      releaseSocket(socket);
      socketRef.current = null;
    };
  }, [sessionId, screen]);

  const emit = useCallback((event: string, payload: Record<string, unknown>): Promise<AckResult> => {
    const socket = socketRef.current;
    if (!socket || !socket.connected) return Promise.resolve({ ok: false, code: "OFFLINE", message: "Not connected. Trying again…" });
    return new Promise((resolve) => {
      socket.timeout(10_000).emit(event, payload, (error: Error | null, reply: AckResult) => {
        resolve(error ? { ok: false, code: "TIMEOUT", message: "The server did not answer. Try again." } : reply);
      });
    });
  }, []);

  const vote = useCallback(
    async (pollId: string, ballot: { choices?: string[]; rating?: number; text?: string }): Promise<AckResult> => {
      const reply = await emit("poll:vote", { pollId, ...ballot });
      if (reply.ok) setMyBallots((current) => ({ ...current, [pollId]: reply.ballot as Ballot }));
      return reply;
    },
    [emit],
  );

  const manage = useCallback(
    async (pollId: string, action: string, entry?: string): Promise<AckResult> => {
      const reply = await emit("poll:manage", { pollId, action, ...(entry ? { entry } : {}) });
      if (reply.ok) setPolls((current) => upsertPoll(current, reply.poll as PollView));
      return reply;
    },
    [emit],
  );

  return { polls, myBallots, status, connected: status === "live", vote, manage, emit };
}
