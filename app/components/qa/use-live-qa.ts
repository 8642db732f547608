// The live half of the Q&A pages: a Socket.IO connection (websocket transport, so no sticky
// sessions are needed) that joins the session with the last cursor it has, merges the catch-up
// and every live change, and rejoins with its cursor after any drop or server restart.
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { Socket } from "socket.io-client";
import { acquireSocket, releaseSocket } from "./live-socket";
import { applyCatchUp, applyChange, initialClientState, type QaChangeView, type QaClientState, type QuestionUpdate } from "~/domain/qa/questions";

type Action = { type: "change"; change: QaChangeView } | { type: "catch-up"; questions: QuestionUpdate[]; cursor: number };

function reducer(state: QaClientState, action: Action): QaClientState {
  return action.type === "change" ? applyChange(state, action.change) : applyCatchUp(state, action.questions, action.cursor);
}

export type LiveStatus = "connecting" | "live" | "offline" | "error";

export interface AckResult {
  ok: boolean;
  code?: string;
  message?: string;
  [key: string]: unknown;
}

export function useLiveQa(sessionId: string, initial: { questions: QuestionUpdate[]; cursor: number; myVotes: string[] }) {
  const [state, dispatch] = useReducer(reducer, undefined, () => initialClientState(initial.questions, initial.cursor));
  const [myVotes, setMyVotes] = useState<Set<string>>(() => new Set(initial.myVotes));
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [problem, setProblem] = useState<string | null>(null);
  const socketRef = useRef<Socket | null>(null);
  const cursorRef = useRef(state.cursor);
  cursorRef.current = state.cursor;

  // Server-rendered data that changes after a no-JS-style form post (revalidation) is merged too.
  useEffect(() => {
    dispatch({ type: "catch-up", questions: initial.questions, cursor: initial.cursor });
    setMyVotes(new Set(initial.myVotes));
  }, [initial.questions, initial.cursor, initial.myVotes]);

  const joinRef = useRef<() => void>(() => {});

  // A change that arrived ahead of a gap (one broadcast lost or still travelling through another
  // node) waits in `pending`; if the gap is not filled within two seconds, catch up from the cursor.
  const hasGap = state.pending.length > 0;
  useEffect(() => {
    if (!hasGap) return;
    const timer = setTimeout(() => joinRef.current(), 2000);
    return () => clearTimeout(timer);
  }, [hasGap]);

  useEffect(() => {
    const socket = acquireSocket();
    socketRef.current = socket;
    const join = () => {
      socket.timeout(10_000).emit("qa:join", { sessionId, cursor: cursorRef.current }, (error: Error | null, reply: AckResult) => {
        if (error) {
          setStatus("offline");
          return;
        }
        if (!reply.ok) {
          setStatus("error");
          setProblem(reply.message ?? "Could not join the live Q&A.");
          return;
        }
        dispatch({ type: "catch-up", questions: reply.questions as QuestionUpdate[], cursor: reply.cursor as number });
        setMyVotes(new Set(reply.myVotes as string[]));
        setStatus("live");
        setProblem(null);
      });
    };
    joinRef.current = () => {
      if (socket.connected) join();
    };
    const offline = () => setStatus("offline");
    const changed = (change: QaChangeView) => {
      if (change.sessionId === sessionId) dispatch({ type: "change", change });
    };
    socket.on("connect", join);
    socket.on("disconnect", offline);
    socket.on("connect_error", offline);
    socket.on("qa:changed", changed);
    // The shared connection may already be open (the polls acquired it first).
    if (socket.connected) join();
    return () => {
      socket.off("connect", join);
      socket.off("disconnect", offline);
      socket.off("connect_error", offline);
      socket.off("qa:changed", changed);
      releaseSocket(socket);
      socketRef.current = null;
    };
  }, [sessionId]);

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
    async (questionId: string): Promise<AckResult> => {
      const reply = await emit("qa:vote", { questionId });
      if (reply.ok) {
        setMyVotes((current) => {
          const next = new Set(current);
          if (reply.voted) next.add(questionId);
          else next.delete(questionId);
          return next;
        });
      }
      return reply;
    },
    [emit],
  );

  return { state, myVotes, status, problem, emit, vote, connected: status === "live" };
}
