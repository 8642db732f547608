// The live Q&A board: ask, vote, sort, and (for moderators) approve, edit, answer, highlight,
// dismiss. Every control is a real form that works without JavaScript; with JavaScript the same
// forms go over the socket and the list updates live. Question text is rendered as React text
// (escaped), never as HTML.
import { Form, Link } from "@remix-run/react";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { bindFields, CsrfField, FormError, TextAreaField } from "~/components/ui/forms";
import { askForm, moderateForm } from "~/domain/qa/qa-forms";
import { QUESTION_MAX, sortQuestions, visibleQuestions, type QuestionUpdate, type QuestionView, type SortMode } from "~/domain/qa/questions";
import { formatTime } from "~/domain/kernel/time/zoned";
import { useLiveQa, type AckResult } from "./use-live-qa";

export interface QaBoardProps {
  sessionId: string;
  timeZone: string;
  qaMode: "OPEN" | "PREMODERATED";
  canModerate: boolean;
  initial: { questions: QuestionUpdate[]; cursor: number; myVotes: string[] };
  sort: SortMode;
  actionResult?: { ok: boolean; notice?: string; formError?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | null;
}

const STATUS_LABELS: Record<QuestionView["status"], string> = {
  PENDING: "Awaiting moderation",
  VISIBLE: "Open",
  ANSWERED: "Answered",
  DISMISSED: "Dismissed",
};

export function QaBoard({ sessionId, timeZone, qaMode, canModerate, initial, sort: initialSort, actionResult }: QaBoardProps) {
  const live = useLiveQa(sessionId, initial);
  const [sort, setSort] = useState<SortMode>(initialSort);
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [body, setBody] = useState(actionResult && !actionResult.ok ? (actionResult.values?.body ?? "") : "");
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const questions = useMemo(() => sortQuestions(visibleQuestions(live.state), sort), [live.state, sort]);
  const open = questions.filter((q) => q.status !== "ANSWERED" && q.status !== "DISMISSED");
  const done = questions.filter((q) => q.status === "ANSWERED" || q.status === "DISMISSED");

  const report = (reply: AckResult, success: string) => {
    setNotice(reply.ok ? { kind: "success", text: success } : { kind: "error", text: reply.message ?? "That did not work." });
    return reply.ok;
  };

  async function onAsk(event: FormEvent<HTMLFormElement>) {
    if (!live.connected) return; // no socket: the form posts to the page
    event.preventDefault();
    setBusy(true);
    const reply = await live.emit("qa:ask", { sessionId, body, anonymous });
    setBusy(false);
    if (
      report(reply, qaMode === "PREMODERATED" && !canModerate ? "Thanks! Your question will appear once a moderator approves it." : "Your question was posted.")
    ) {
      setBody("");
      setAnonymous(false);
    }
  }

  const formError = notice?.kind === "error" ? notice.text : actionResult && !actionResult.ok ? actionResult.formError : undefined;
  const success = notice?.kind === "success" ? notice.text : actionResult?.ok ? actionResult.notice : undefined;
  const bodyError = actionResult && !actionResult.ok ? actionResult.fieldErrors?.body : undefined;

  return (
    <div className="qa-board">
      <p className={`qa-live qa-live--${live.status}`} role="status" aria-live="polite">
        {live.status === "live"
          ? "Live — updates appear automatically"
          : live.status === "connecting"
            ? "Connecting…"
            : live.status === "error"
              ? live.problem
              : "Offline — reconnecting; nothing you missed will be lost"}
      </p>
      <div aria-live="polite">
        {success ? (
          <div className="notice notice--success" role="status">
            {success}
          </div>
        ) : null}
        <FormError message={formError ?? undefined} />
      </div>

      <section className="card qa-ask" aria-labelledby="ask-heading">
        <h2 id="ask-heading">Ask a question</h2>
        <Form method="post" onSubmit={onAsk}>
          <CsrfField />
          <input type="hidden" name="intent" value="ask" />
          <TextAreaField
            label="Your question"
            id="qa-body"
            name={bindFields(askForm).body.name}
            rows={3}
            required
            maxLength={QUESTION_MAX}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            hintBelow
            hint={
              <>
                {[...body].length}/{QUESTION_MAX} characters.{qaMode === "PREMODERATED" ? " Questions appear after a moderator approves them." : ""}
              </>
            }
            error={bodyError}
          />
          <div className="qa-ask__row">
            <label className="checkbox">
              <input type="checkbox" name="anonymous" value="true" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
              Ask anonymously (moderators still see your name)
            </label>
            <button type="submit" className="button" disabled={busy}>
              {busy ? "Posting…" : "Post question"}
            </button>
          </div>
        </Form>
      </section>

      <div className="section-head">
        <h2 id="questions-heading">
          Questions <span className="qa-count">({open.length})</span>
        </h2>
        <nav aria-label="Sort questions" className="qa-sort">
          {(["votes", "newest"] as const).map((mode) => (
            <Link
              key={mode}
              to={`?sort=${mode}`}
              preventScrollReset
              replace
              className={`button button--small${sort === mode ? "" : " button--ghost"}`}
              aria-current={sort === mode ? "true" : undefined}
              onClick={(e) => {
                e.preventDefault();
                setSort(mode);
              }}
            >
              {mode === "votes" ? "Most votes" : "Newest"}
            </Link>
          ))}
        </nav>
      </div>

      {open.length === 0 ? (
        <div className="empty-state">
          <h3>No questions yet</h3>
          <p>Be the first to ask — the speakers answer the most voted ones.</p>
        </div>
      ) : (
        <ol className="qa-list" aria-labelledby="questions-heading">
          {open.map((q) => (
            <QuestionItem key={q.id} q={q} timeZone={timeZone} voted={live.myVotes.has(q.id)} live={live} canModerate={canModerate} report={report} />
          ))}
        </ol>
      )}

      {done.length > 0 ? (
        <details className="qa-done">
          <summary>
            Answered{canModerate ? " and dismissed" : ""} ({done.length})
          </summary>
          <ol className="qa-list">
            {done.map((q) => (
              <QuestionItem key={q.id} q={q} timeZone={timeZone} voted={live.myVotes.has(q.id)} live={live} canModerate={canModerate} report={report} />
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

function QuestionItem({
  q,
  timeZone,
  voted,
  live,
  canModerate,
  report,
}: {
  q: QuestionView;
  timeZone: string;
  voted: boolean;
  live: ReturnType<typeof useLiveQa>;
  canModerate: boolean;
  report: (reply: AckResult, success: string) => boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(q.body);
  useEffect(() => setDraft(q.body), [q.body]);
  const author = q.authorName ?? "Anonymous";

  async function submitLive(event: FormEvent<HTMLFormElement>, run: () => Promise<AckResult>, success: string) {
    if (!live.connected) return;
    event.preventDefault();
    const ok = report(await run(), success);
    if (ok) setEditing(false);
  }

  return (
    <li className={`qa-item${q.highlighted ? " qa-item--highlighted" : ""} qa-item--${q.status.toLowerCase()}`}>
      <Form method="post" className="qa-vote" onSubmit={(e) => submitLive(e, () => live.vote(q.id), voted ? "Vote removed." : "Vote counted.")}>
        <CsrfField />
        <input type="hidden" name="intent" value="vote" />
        <input type="hidden" name="questionId" value={q.id} />
        <button
          type="submit"
          className={`qa-vote__button${voted ? " qa-vote__button--on" : ""}`}
          aria-pressed={voted}
          disabled={q.status !== "VISIBLE"}
          aria-label={`${voted ? "Remove your vote from" : "Vote for"} this question (${q.votes} ${q.votes === 1 ? "vote" : "votes"})`}
        >
          <span aria-hidden="true">▲</span>
          <span className="qa-vote__count">{q.votes}</span>
        </button>
      </Form>
      <div className="qa-item__main">
        <div className="qa-item__meta">
          {q.highlighted ? <span className="badge qa-badge--highlight">On screen</span> : null}
          {q.status !== "VISIBLE" ? <span className={`badge qa-badge--${q.status.toLowerCase()}`}>{STATUS_LABELS[q.status]}</span> : null}
          <span>
            {q.mine ? `You${q.anonymous ? " (anonymous to others)" : ""}` : author}
            {canModerate && q.anonymous && !q.mine ? " · asked anonymously" : ""}
          </span>
          <span aria-hidden="true">·</span>
          <time dateTime={q.createdAt}>{formatTime(new Date(q.createdAt), timeZone)}</time>
          {q.edited ? <span className="tz-note">(edited)</span> : null}
        </div>
        <p className="qa-item__body">{q.body}</p>
        {canModerate ? (
          <div className="qa-moderate" role="group" aria-label="Moderate this question">
            {(
              [
                ["approve", "Approve", q.status === "PENDING"],
                ["highlight", "Put on screen", q.status === "VISIBLE" && !q.highlighted],
                ["unhighlight", "Take off screen", q.highlighted],
                ["answer", "Mark answered", q.status === "VISIBLE"],
                ["reopen", "Reopen", q.status === "ANSWERED" || q.status === "DISMISSED"],
                ["dismiss", "Dismiss", q.status !== "DISMISSED"],
              ] as const
            )
              .filter(([, , shown]) => shown)
              .map(([action, label]) => (
                <Form
                  key={action}
                  method="post"
                  className="inline-form"
                  onSubmit={(e) => submitLive(e, () => live.emit("qa:moderate", { questionId: q.id, action }), `${label}: done.`)}
                >
                  <CsrfField />
                  <input type="hidden" name="intent" value="moderate" />
                  <input type="hidden" name="questionId" value={q.id} />
                  <input type="hidden" name="action" value={action} />
                  <button type="submit" className={`button button--small${action === "dismiss" ? " button--danger" : " button--ghost"}`}>
                    {label}
                  </button>
                </Form>
              ))}
            {q.status !== "DISMISSED" ? (
              <details className="qa-edit" open={editing} onToggle={(e) => setEditing((e.target as HTMLDetailsElement).open)}>
                <summary className="button button--small button--ghost">Edit text</summary>
                <Form
                  method="post"
                  onSubmit={(e) => submitLive(e, () => live.emit("qa:moderate", { questionId: q.id, action: "edit", body: draft }), "Question edited.")}
                >
                  <CsrfField />
                  <input type="hidden" name="intent" value="moderate" />
                  <input type="hidden" name="questionId" value={q.id} />
                  <input type="hidden" name="action" value="edit" />
                  <TextAreaField
                    label="Corrected text"
                    id={`edit-${q.id}`}
                    name={bindFields(moderateForm).body.name}
                    rows={3}
                    maxLength={QUESTION_MAX}
                    value={draft}
                    onChange={(e) => setDraft(e.target.value)}
                  />
                  <button type="submit" className="button button--small">
                    Save text
                  </button>
                </Form>
              </details>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}
