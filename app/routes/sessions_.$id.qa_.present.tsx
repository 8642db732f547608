// Presenter view of a session's Q&A for the big screen: the highlighted question and the top
// five, live. Standalone route (sessions_ … qa_) so it nests in neither the session nor the Q&A page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { QaPresenter } from "~/components/qa/presenter";
import { PollPresenter } from "~/components/engagement/poll-presenter";
import { listPolls } from "~/domain/engagement/polls.server";
import { findQaSession, listQuestions } from "~/domain/qa/questions.server";
import { requireUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Q&A on screen: ${data.session.title} — SCALE Events` }] : [{ title: "Q&A not found — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { session, access } = await orErrorResponse(findQaSession(params.id ?? "", user));
  if (!access.participant) throw new Response("The Q&A of this session is open to its registered attendees and organisers.", { status: 403 });
  // The screen is public in the room: it shows what attendees see (no pending questions, no anonymous names).
  const [list, polls] = await Promise.all([listQuestions(session.id, { userId: null, moderator: false }), listPolls(session.id, { moderator: false })]);
  return { session: { id: session.id, title: session.title, eventTitle: session.event.title }, questions: list.questions, cursor: list.cursor, polls };
}

export default function QaPresenterPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <article className="qa-present-page">
      <header className="qa-present-page__header">
        <p className="tz-note">
          <Link to={`/sessions/${data.session.id}/qa`}>← Back to the Q&amp;A</Link>
        </p>
        <h1>{data.session.title}</h1>
        <p className="tz-note">
          {data.session.eventTitle} · ask at /sessions/{data.session.id}/qa
        </p>
      </header>
      <PollPresenter sessionId={data.session.id} initial={{ polls: data.polls, myBallots: {} }} />
      <QaPresenter sessionId={data.session.id} initial={{ questions: data.questions, cursor: data.cursor, myVotes: [] }} />
    </article>
  );
}
