// A matchmaking room, live: who is here (organisation, intents) with "Let's meet", the chat,
// and speed networking (the organiser starts rounds; everyone sees their partner, where to
// meet and a countdown). Chat works without JavaScript through the page's form; presence,
// meeting requests and rounds need the live connection.
import { Form } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { io, type Socket } from "socket.io-client";
import { bindFields, CsrfField, FormError, TextAreaField, TextField } from "~/components/ui/forms";
import { roomMessageForm } from "~/domain/rooms/room-forms";
import { formatCountdown, INTENT_LABELS, isVideoLink, MESSAGE_MAX, secondsLeft } from "~/domain/rooms/rooms";
import type { MessageView, PresenceProfile, RoundView } from "~/domain/rooms/rooms";
import { formatTime } from "~/domain/kernel/time/zoned";

interface Ack {
  ok: boolean;
  code?: string;
  message?: string;
  [key: string]: unknown;
}

export interface RoomLiveProps {
  roomId: string;
  me: string;
  timeZone: string;
  canModerate: boolean;
  initialMessages: MessageView[];
  initialRound: RoundView | null;
  actionResult?: { ok: boolean; notice?: string; formError?: string; values?: Record<string, string> } | null;
}

function mergeMessages(current: MessageView[], incoming: MessageView[]): MessageView[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1)).slice(-200);
}

export function RoomLive({ roomId, me, timeZone, canModerate, initialMessages, initialRound, actionResult }: RoomLiveProps) {
  const [people, setPeople] = useState<PresenceProfile[] | null>(null);
  const [messages, setMessages] = useState<MessageView[]>(initialMessages);
  const [round, setRound] = useState<RoundView | null>(initialRound);
  const [status, setStatus] = useState<"connecting" | "live" | "offline" | "error">("connecting");
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [body, setBody] = useState("");
  const [minutes, setMinutes] = useState("5");
  const [now, setNow] = useState(() => new Date());
  const socketRef = useRef<Socket | null>(null);

  useEffect(() => setMessages((current) => mergeMessages(current, initialMessages)), [initialMessages]);

  useEffect(() => {
    const socket = io({ transports: ["websocket"], reconnectionDelayMax: 5000 });
    socketRef.current = socket;
    socket.on("connect", () => {
      socket.timeout(10_000).emit("rooms:join", { roomId }, (error: Error | null, reply: Ack) => {
        if (error) return setStatus("offline");
        if (!reply.ok) {
          setStatus("error");
          setNotice({ kind: "error", text: reply.message ?? "Could not enter the room." });
          return;
        }
        setPeople(reply.people as PresenceProfile[]);
        setMessages((current) => mergeMessages(current, reply.messages as MessageView[]));
        setRound(reply.round as RoundView | null);
        setStatus("live");
      });
    });
    socket.on("disconnect", () => setStatus("offline"));
    socket.on("connect_error", () => setStatus("offline"));
    socket.on("rooms:presence", (p: { roomId: string; people: PresenceProfile[] }) => p.roomId === roomId && setPeople(p.people));
    socket.on("rooms:message", (m: MessageView) => m.roomId === roomId && setMessages((current) => mergeMessages(current, [m])));
    socket.on("rooms:contact", (m: MessageView) => {
      if (m.roomId === roomId) setMessages((current) => mergeMessages(current, [m]));
      if (m.recipientId === me) setNotice({ kind: "success", text: `${m.authorName} would like to meet you.` });
    });
    socket.on("rooms:round", (r: RoundView) => r.roomId === roomId && setRound(r));
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, [roomId, me]);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);

  const emit = useCallback((event: string, payload: Record<string, unknown>): Promise<Ack> => {
    const socket = socketRef.current;
    if (!socket?.connected) return Promise.resolve({ ok: false, message: "Not connected. Trying again…" });
    return new Promise((resolve) =>
      socket
        .timeout(10_000)
        .emit(event, payload, (error: Error | null, reply: Ack) => resolve(error ? { ok: false, message: "The server did not answer. Try again." } : reply)),
    );
  }, []);

  const report = (reply: Ack, success: string) => {
    setNotice(reply.ok ? { kind: "success", text: success } : { kind: "error", text: reply.message ?? "That did not work." });
    return reply.ok;
  };

  async function onSend(event: FormEvent<HTMLFormElement>) {
    if (status !== "live") return; // posts to the page instead
    event.preventDefault();
    const reply = await emit("rooms:message", { roomId, body });
    if (reply.ok) {
      setBody("");
      setNotice(null);
    } else report(reply, "");
  }

  const left = round ? secondsLeft(round, now) : 0;
  const running = round !== null && left > 0;
  const myPair = round?.pairs.find((p) => p.a.id === me || p.b?.id === me) ?? null;
  const partner = myPair ? (myPair.a.id === me ? myPair.b : myPair.a) : null;
  const error = notice?.kind === "error" ? notice.text : actionResult && !actionResult.ok ? actionResult.formError : undefined;
  const success = notice?.kind === "success" ? notice.text : actionResult?.ok ? actionResult.notice : undefined;

  return (
    <div className="room">
      <p className={`qa-live qa-live--${status}`} role="status" aria-live="polite">
        {status === "live" ? "Live" : status === "connecting" ? "Connecting…" : status === "error" ? "Not connected" : "Offline — reconnecting…"}
      </p>
      <div aria-live="polite">
        {success ? (
          <div className="notice notice--success" role="status">
            {success}
          </div>
        ) : null}
        <FormError message={error ?? undefined} />
      </div>

      <section className="card room-round" aria-labelledby="round-heading">
        <h2 id="round-heading">Speed networking</h2>
        {round === null ? (
          <p className="tz-note">No round yet. When the organiser starts one, everyone here is paired for a few minutes.</p>
        ) : running ? (
          <>
            <p className="room-round__timer">
              Round {round.number} · <span aria-label={`${left} seconds left`}>{formatCountdown(left)}</span> left
            </p>
            {myPair ? (
              partner ? (
                <p className="room-round__mine">
                  You meet <strong>{partner.name}</strong> —{" "}
                  {isVideoLink(myPair.place) ? (
                    <a href={myPair.place} target="_blank" rel="noreferrer">
                      join your video room
                    </a>
                  ) : (
                    <strong>{myPair.place}</strong>
                  )}
                </p>
              ) : (
                <p className="room-round__mine">You have a bye this round — the next round pairs you first.</p>
              )
            ) : canModerate ? (
              <p className="tz-note">Organisers run the rounds and are not paired.</p>
            ) : (
              <p className="tz-note">You were not in the room when this round started; you will be paired in the next one.</p>
            )}
            <details>
              <summary>All pairs ({round.pairs.filter((p) => p.b).length})</summary>
              <ul className="room-round__pairs">
                {round.pairs.map((p) => (
                  <li key={p.position}>{p.b ? `${p.a.name} & ${p.b.name} — ${isVideoLink(p.place) ? "video room" : p.place}` : `${p.a.name} — bye`}</li>
                ))}
              </ul>
            </details>
          </>
        ) : (
          <p className="tz-note">Round {round.number} is over. Waiting for the next round.</p>
        )}
        {canModerate ? (
          <div className="room-round__controls">
            <form
              className="room-round__start"
              onSubmit={async (e) => {
                e.preventDefault();
                const reply = await emit("rooms:round:start", { roomId, minutes: Number(minutes) });
                report(reply, `Round ${(reply.round as RoundView | undefined)?.number ?? ""} started.`);
              }}
            >
              <TextField
                label="Minutes per round"
                id="round-minutes"
                type="number"
                min={1}
                max={60}
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
              <button type="submit" className="button" disabled={status !== "live" || running}>
                Start {round ? "next " : ""}round
              </button>
            </form>
            {running ? (
              <button type="button" className="button button--ghost" onClick={async () => report(await emit("rooms:round:end", { roomId }), "Round ended.")}>
                End round now
              </button>
            ) : null}
            <p className="field__hint">
              Pairs the participants present now, preferring shared themes and intents and never repeating an earlier pair while a new one is possible.
            </p>
          </div>
        ) : null}
      </section>

      <div className="room__grid">
        <section className="card" aria-labelledby="people-heading">
          <h2 id="people-heading">Here now {people ? <span className="qa-count">({people.length})</span> : null}</h2>
          {people === null ? (
            <p className="tz-note">{status === "connecting" ? "Connecting…" : "Who is here appears once the live connection is up (it needs JavaScript)."}</p>
          ) : people.length <= 1 ? (
            <p className="tz-note">Only you so far. Others appear here as they arrive.</p>
          ) : null}
          {people && people.length > 0 ? (
            <ul className="room-people">
              {people.map((p) => (
                <li key={p.userId}>
                  <div>
                    <strong>{p.userId === me ? `${p.name} (you)` : p.name}</strong>
                    {p.staff ? <span className="badge">Organiser</span> : null}
                    <div className="tz-note">{[p.jobTitle, p.organisation].filter(Boolean).join(", ")}</div>
                    {p.intents.length ? (
                      <div className="badges">
                        {p.intents.map((i) => (
                          <span key={i} className="badge badge--theme">
                            {INTENT_LABELS[i] ?? i}
                          </span>
                        ))}
                      </div>
                    ) : null}
                  </div>
                  {p.userId !== me ? (
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      onClick={async () => {
                        const reply = await emit("rooms:meet", { roomId, userId: p.userId });
                        const result = reply.result as { kind?: string; message?: MessageView } | undefined;
                        if (result?.message) setMessages((current) => mergeMessages(current, [result.message!]));
                        report(
                          reply,
                          result?.kind === "meeting"
                            ? `Meeting requested: ${result.message?.body ?? ""} ${p.name} gets the request to accept.`
                            : `We told ${p.name} you would like to meet. Continue in the chat.`,
                        );
                      }}
                    >
                      Let&apos;s meet
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section className="card room-chat" aria-labelledby="chat-heading">
          <h2 id="chat-heading">Chat</h2>
          {messages.length === 0 ? (
            <p className="tz-note">No messages yet. Say hello!</p>
          ) : (
            <ol className="room-chat__log" aria-live="polite">
              {messages.map((m) => (
                <li key={m.id} className={`room-chat__msg room-chat__msg--${m.kind.toLowerCase()}`}>
                  <div className="room-chat__meta">
                    <strong>{m.kind === "SYSTEM" ? "Organiser" : m.authorName}</strong>
                    {m.kind === "CONTACT" ? <span className="badge">Private: {m.authorId === me ? `to ${m.recipientName ?? ""}` : "to you"}</span> : null}
                    <time dateTime={m.createdAt}>{formatTime(new Date(m.createdAt), timeZone)}</time>
                  </div>
                  <p>{m.body}</p>
                </li>
              ))}
            </ol>
          )}
          <Form method="post" onSubmit={onSend} className="room-chat__form">
            <CsrfField />
            <input type="hidden" name="intent" value="message" />
            <TextAreaField
              label="Message"
              id="chat-body"
              name={bindFields(roomMessageForm).body.name}
              rows={2}
              required
              maxLength={MESSAGE_MAX}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
            <button type="submit" className="button">
              Send
            </button>
          </Form>
        </section>
      </div>
    </div>
  );
}
