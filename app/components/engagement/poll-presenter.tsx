// The active poll on the big screen: the open poll launched last (else the one closed last), its
// results as a large chart, and for a closed quiz question the session's leaderboard (first names).
import { useEffect, useState } from "react";
import type { Ballot, PollView } from "~/domain/engagement/polls";
import { acceptsBallots, POLL_KIND_LABELS } from "~/domain/engagement/polls";
import { useNow } from "./polls-panel";
import { PollResults } from "./poll-chart";
import { useLivePolls } from "./use-live-polls";

export function activePoll(polls: PollView[]): PollView | null {
  const launched = polls.filter((p) => p.status !== "DRAFT" && p.openedAt);
  const latest = (list: PollView[]) => list.sort((a, b) => new Date(b.openedAt!).getTime() - new Date(a.openedAt!).getTime())[0] ?? null;
  return latest(launched.filter((p) => p.status === "OPEN")) ?? latest(launched.filter((p) => p.status === "CLOSED"));
}

interface Leaderboard {
  questions: number;
  entries: { rank: number; name: string; correct: number; seconds: number }[];
}

export function PollPresenter({ sessionId, initial }: { sessionId: string; initial: { polls: PollView[]; myBallots: Record<string, Ballot> } }) {
  const live = useLivePolls(sessionId, initial, { screen: true });
  const poll = activePoll(live.polls);
  const [board, setBoard] = useState<Leaderboard | null>(null);
  // A timed quiz question ends when its timer does, even before the moderator closes it.
  const now = useNow(poll?.status === "OPEN" && poll.closesAt !== null);
  const ended = poll !== null && !acceptsBallots(poll, new Date(now));
  const quizClosed = poll?.kind === "QUIZ" && ended ? poll.id : null;
  const { emit } = live;
  useEffect(() => {
    if (!quizClosed) return setBoard(null);
    void emit("poll:leaderboard", { sessionId }).then((reply) => setBoard(reply.ok ? (reply as unknown as Leaderboard) : null));
  }, [quizClosed, sessionId, emit]);
  if (!poll) return null;
  return (
    <section className="poll-present" aria-labelledby="poll-present-heading" aria-live="polite">
      <p className="qa-present__label">
        {POLL_KIND_LABELS[poll.kind]} ·{" "}
        {ended ? "closed" : poll.closesAt ? `vote now · ${Math.max(0, Math.ceil((new Date(poll.closesAt).getTime() - now) / 1000))} s left` : "vote now"} ·{" "}
        {poll.total} {poll.total === 1 ? "answer" : "answers"}
      </p>
      <h2 id="poll-present-heading" className="poll-present__question">
        {poll.question}
      </h2>
      <PollResults poll={poll} large />
      {board && board.entries.length > 0 ? (
        <div className="poll-present__board">
          <h3>Leaderboard · {board.questions} questions</h3>
          <ol>
            {board.entries.map((e, i) => (
              <li key={i}>
                {e.rank}. {e.name} — {e.correct} correct ({e.seconds} s)
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
