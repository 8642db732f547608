// A session's polls on its Q&A page: the audience answers and watches results move; moderators
// prepare, launch and close polls, reveal or hide results and hide word-cloud entries. Every
// control is a real form posting to the page (works without JavaScript); with JavaScript the same
// forms go over the Q&A's socket.
import { Form } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { bindFields, CheckboxField, ChoiceGroup, CsrfField, SelectField, TextAreaField, TextField } from "~/components/ui/forms";
import { pollCreateForm, pollManageForm, pollVoteForm } from "~/domain/engagement/poll-forms";
import {
  acceptsBallots,
  kindHasOptions,
  kindIsText,
  POLL_KIND_LABELS,
  POLL_KINDS,
  TEXT_MAX,
  WORD_MAX,
  type Ballot,
  type PollView,
} from "~/domain/engagement/polls";
import type { AckResult } from "~/components/qa/use-live-qa";
import { PollResults } from "./poll-chart";
import { useLivePolls } from "./use-live-polls";

type Live = ReturnType<typeof useLivePolls>;
type Report = (reply: AckResult, success: string) => boolean;

const STATUS_LABELS = { DRAFT: "Prepared", OPEN: "Open", CLOSED: "Closed" } as const;

export interface PollsPanelProps {
  sessionId: string;
  canModerate: boolean;
  initial: { polls: PollView[]; myBallots: Record<string, Ballot> };
  createErrors?: Record<string, string>;
  createValues?: Record<string, string>;
}

export function PollsPanel({ sessionId, canModerate, initial, createErrors, createValues }: PollsPanelProps) {
  const live = useLivePolls(sessionId, initial);
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const report: Report = (reply, success) => {
    setNotice(reply.ok ? { kind: "success", text: success } : { kind: "error", text: reply.message ?? "That did not work." });
    return reply.ok;
  };
  const polls = live.polls.slice().sort((a, b) => order(a) - order(b));
  if (polls.length === 0 && !canModerate) return null;
  return (
    <section className="card polls" aria-labelledby="polls-heading">
      <h2 id="polls-heading">Polls</h2>
      <div aria-live="polite">
        {notice ? (
          <div className={`notice notice--${notice.kind === "success" ? "success" : "error"}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.text}
          </div>
        ) : null}
      </div>
      {polls.length === 0 ? <p className="empty-state">No polls yet. Prepare one below and launch it when the moment comes.</p> : null}
      <ol className="poll-list">
        {polls.map((poll) => (
          <li key={poll.id}>
            <PollCard poll={poll} ballot={live.myBallots[poll.id]} live={live} canModerate={canModerate} report={report} />
          </li>
        ))}
      </ol>
      {canModerate ? <CreatePoll errors={createErrors} values={createValues} /> : null}
    </section>
  );
}

/** Open polls first, then prepared ones, then closed; newest first within each. */
function order(poll: PollView): number {
  const rank = poll.status === "OPEN" ? 0 : poll.status === "DRAFT" ? 1 : 2;
  return rank * 1e15 - new Date(poll.openedAt ?? 0).getTime() / 1000;
}

export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function PollCard({ poll, ballot, live, canModerate, report }: { poll: PollView; ballot?: Ballot; live: Live; canModerate: boolean; report: Report }) {
  const now = useNow(poll.status === "OPEN" && poll.closesAt !== null);
  const open = acceptsBallots({ status: poll.status, closesAt: poll.closesAt }, new Date(now));
  const secondsLeft = poll.closesAt ? Math.max(0, Math.ceil((new Date(poll.closesAt).getTime() - now) / 1000)) : null;
  const mayAnswer = open && (!ballot || poll.allowChange);
  const headingId = `poll-${poll.id}`;
  return (
    <article className={`poll-card poll-card--${poll.status.toLowerCase()}`} aria-labelledby={headingId}>
      <header className="poll-card__header">
        <h3 id={headingId}>{poll.question}</h3>
        <p className="poll-card__meta">
          <span className="badge">{POLL_KIND_LABELS[poll.kind]}</span>{" "}
          <span className={`badge poll-status--${(open || poll.status !== "OPEN" ? poll.status : "CLOSED").toLowerCase()}`}>
            {open || poll.status !== "OPEN" ? STATUS_LABELS[poll.status] : "Time is up"}
          </span>{" "}
          {open && secondsLeft !== null ? <span className="badge">{secondsLeft} s left</span> : null}{" "}
          <span className="tz-note">
            {poll.total} {poll.total === 1 ? "answer" : "answers"}
          </span>
        </p>
      </header>
      {mayAnswer ? <VoteForm poll={poll} ballot={ballot} live={live} report={report} /> : null}
      {ballot && !mayAnswer ? <p className="poll-card__mine">Your answer: {describeBallot(poll, ballot)}</p> : null}
      {poll.status !== "DRAFT" || canModerate ? <PollResults poll={poll} /> : null}
      {canModerate ? <ModeratorControls poll={poll} live={live} report={report} /> : null}
    </article>
  );
}

function describeBallot(poll: PollView, ballot: Ballot): string {
  if (ballot.rating !== null) return `${ballot.rating} of 5`;
  if (ballot.text !== null) return ballot.text;
  return poll.options
    .filter((o) => ballot.choices.includes(o.id))
    .map((o) => o.label)
    .join(", ");
}

function VoteForm({ poll, ballot, live, report }: { poll: PollView; ballot?: Ballot; live: Live; report: Report }) {
  const fields = bindFields(pollVoteForm);
  const [busy, setBusy] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!live.connected) return; // no socket: the form posts to the page
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const payload = kindHasOptions(poll.kind)
      ? { choices: form.getAll(fields.choices.name).map(String) }
      : poll.kind === "RATING"
        ? { rating: Number(form.get(fields.rating.name)) }
        : { text: String(form.get(fields.text.name) ?? "") };
    setBusy(true);
    const reply = await live.vote(poll.id, payload);
    setBusy(false);
    if (report(reply, reply.changed ? "Your answer was changed." : "Thanks — your answer was counted.") && kindIsText(poll.kind)) event.currentTarget?.reset();
  }
  return (
    <Form method="post" className="poll-vote" onSubmit={onSubmit}>
      <CsrfField />
      <input type="hidden" name="intent" value="poll-vote" />
      <input type="hidden" name={fields.pollId.name} value={poll.id} />
      {kindHasOptions(poll.kind) ? (
        <ChoiceGroup
          legend="Your answer"
          name={fields.choices.name}
          type={poll.kind === "MULTIPLE" ? "checkbox" : "radio"}
          layout="list"
          options={poll.options.map((o) => [o.id, o.label] as const)}
          defaultValue={ballot?.choices}
          hint={poll.kind === "MULTIPLE" ? "Choose all that apply." : undefined}
        />
      ) : poll.kind === "RATING" ? (
        <ChoiceGroup
          legend="Your rating"
          name={fields.rating.name}
          type="radio"
          options={[1, 2, 3, 4, 5].map((n) => [String(n), `${n}`] as const)}
          defaultValue={ballot?.rating ? String(ballot.rating) : undefined}
          hint="1 = poor, 5 = excellent"
        />
      ) : (
        <TextField
          label={poll.kind === "WORD_CLOUD" ? "A word or two" : "Your answer"}
          name={fields.text.name}
          id={`poll-text-${poll.id}`}
          maxLength={poll.kind === "WORD_CLOUD" ? WORD_MAX : TEXT_MAX}
          required
          autoComplete="off"
        />
      )}
      <button type="submit" className="button button--small" disabled={busy}>
        {busy ? "Sending…" : ballot ? "Change my answer" : "Send answer"}
      </button>
    </Form>
  );
}

function ManageButton({
  poll,
  action,
  label,
  entry,
  live,
  report,
  ghost,
}: {
  poll: PollView;
  action: string;
  label: string;
  entry?: string;
  live: Live;
  report: Report;
  ghost?: boolean;
}) {
  const fields = bindFields(pollManageForm);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!live.connected) return;
    event.preventDefault();
    report(await live.manage(poll.id, action, entry), action === "launch" ? "The poll is live." : action === "close" ? "The poll is closed." : "Done.");
  }
  return (
    <Form method="post" onSubmit={onSubmit} className="poll-manage__form">
      <CsrfField />
      <input type="hidden" name="intent" value="poll-manage" />
      <input type="hidden" name={fields.pollId.name} value={poll.id} />
      <input type="hidden" name={fields.action.name} value={action} />
      {entry ? <input type="hidden" name={fields.entry.name} value={entry} /> : null}
      <button type="submit" className={`button button--small${ghost ? " button--ghost" : ""}`} aria-label={entry ? `${label} “${entry}”` : undefined}>
        {label}
      </button>
    </Form>
  );
}

function ModeratorControls({ poll, live, report }: { poll: PollView; live: Live; report: Report }) {
  const entries = kindIsText(poll.kind) ? (poll.results?.entries ?? []) : [];
  return (
    <div className="poll-manage">
      <div className="poll-manage__row">
        {poll.status === "DRAFT" ? <ManageButton poll={poll} action="launch" label="Launch poll" live={live} report={report} /> : null}
        {poll.status === "OPEN" ? <ManageButton poll={poll} action="close" label="Close poll" live={live} report={report} /> : null}
        {poll.showResults ? (
          <ManageButton poll={poll} action="hide-results" label="Hide results from the audience" live={live} report={report} ghost />
        ) : (
          <ManageButton poll={poll} action="show-results" label="Show results to the audience" live={live} report={report} ghost />
        )}
        <span className="tz-note">
          {poll.allowChange ? "Answers can be changed" : "One answer, final"} · {poll.anonymous ? "anonymous" : "names shown to moderators"}
        </span>
      </div>
      {entries.length > 0 ? (
        <details className="poll-manage__entries">
          <summary>Hide or show entries ({entries.length})</summary>
          <ul>
            {entries.map((e, i) => (
              <li key={`${e.text}-${i}`}>
                <span className={e.hidden ? "poll-answers__hidden" : undefined}>{e.text}</span>{" "}
                <ManageButton
                  poll={poll}
                  action={e.hidden ? "show-entry" : "hide-entry"}
                  label={e.hidden ? "Show" : "Hide"}
                  entry={e.text}
                  live={live}
                  report={report}
                  ghost
                />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function CreatePoll({ errors, values }: { errors?: Record<string, string>; values?: Record<string, string> }) {
  const fields = bindFields(pollCreateForm, { errors, values });
  return (
    <details className="poll-create" open={errors !== undefined}>
      <summary>Prepare a poll</summary>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="poll-create" />
        <SelectField label="Kind" {...fields.kind} options={POLL_KINDS.map((k) => [k, POLL_KIND_LABELS[k]] as const)} />
        <TextField label="Poll question" {...fields.question} required maxLength={300} />
        <TextAreaField label="Answers (choice and quiz polls)" {...fields.options} rows={4} hint="One answer per line, 2 to 10." />
        <div className="poll-create__row">
          <TextField label="Correct answer (quiz)" {...fields.correct} inputMode="numeric" hint="Its number in the list, e.g. 2." />
          <TextField label="Timer in seconds (quiz)" {...fields.timerSeconds} inputMode="numeric" hint="Default 30." />
        </div>
        <CheckboxField
          label="Show results to the audience"
          name={fields.showResults.name}
          value="true"
          defaultChecked={values ? values.showResults === "true" : true}
        />
        <CheckboxField
          label="Allow changing an answer until the poll closes"
          name={fields.allowChange.name}
          value="true"
          defaultChecked={values?.allowChange === "true"}
        />
        <CheckboxField
          label="Anonymous results (no names, even for moderators)"
          name={fields.anonymous.name}
          value="true"
          defaultChecked={values ? values.anonymous === "true" : true}
        />
        <CheckboxField label="Launch now" name={fields.launch.name} value="true" defaultChecked={values?.launch === "true"} />
        <button type="submit" className="button">
          Save poll
        </button>
      </Form>
    </details>
  );
}
