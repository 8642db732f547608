// The big screen: the highlighted question, large, and the five most voted open questions,
// updating live. Anonymous authors stay anonymous here whoever runs the screen.
import { useMemo } from "react";
import { presenterSelection, visibleQuestions, type QuestionUpdate } from "~/domain/qa/questions";
import { useLiveQa } from "./use-live-qa";

export function QaPresenter({ sessionId, initial }: { sessionId: string; initial: { questions: QuestionUpdate[]; cursor: number; myVotes: string[] } }) {
  const live = useLiveQa(sessionId, initial);
  const { highlighted, top } = useMemo(() => presenterSelection(visibleQuestions(live.state), 5), [live.state]);
  const name = (q: { authorName: string | null; anonymous: boolean }) => (q.anonymous || !q.authorName ? "Anonymous" : q.authorName);
  return (
    <div className="qa-present" aria-live="polite">
      <section className="qa-present__now" aria-labelledby="now-heading">
        <h2 id="now-heading" className="qa-present__label">
          Now answering
        </h2>
        {highlighted ? (
          <figure className="qa-present__highlight">
            <blockquote>{highlighted.body}</blockquote>
            <figcaption>
              {name(highlighted)} · {highlighted.votes} {highlighted.votes === 1 ? "vote" : "votes"}
            </figcaption>
          </figure>
        ) : (
          <p className="qa-present__waiting">The moderator has not put a question on screen yet.</p>
        )}
      </section>
      <section aria-labelledby="top-heading">
        <h2 id="top-heading" className="qa-present__label">
          Most voted
        </h2>
        {top.length === 0 ? (
          <p className="qa-present__waiting">No open questions yet.</p>
        ) : (
          <ol className="qa-present__top">
            {top.map((q) => (
              <li key={q.id}>
                <span className="qa-present__votes" aria-label={`${q.votes} votes`}>
                  {q.votes}
                </span>
                <span className="qa-present__text">{q.body}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className={`qa-live qa-live--${live.status}`} role="status">
        {live.status === "live" ? "Live" : live.status === "connecting" ? "Connecting…" : live.status === "error" ? live.problem : "Reconnecting…"}
      </p>
    </div>
  );
}
