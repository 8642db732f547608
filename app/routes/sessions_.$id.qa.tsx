// Live Q&A of one session: server-rendered from the database, then live over Socket.IO.
// Named sessions_ so it renders standalone (not inside the session page, which has no Outlet).
// The action is the no-JavaScript path: the same domain calls as the socket, and the change is
// relayed to every connected client all the same.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { QaBoard } from "~/components/qa/qa-board";
import { metaT } from "~/components/ui/i18n";
import { translate } from "~/domain/kernel/i18n/translate";
import { resolveLanguage } from "~/web/i18n.server";
import { qaForm } from "~/domain/qa/qa-forms";
import { PollsPanel } from "~/components/engagement/polls-panel";
import { pollForm } from "~/domain/engagement/poll-forms";
import { applyPollForm, listPolls, myBallots as myPollBallots } from "~/domain/engagement/polls.server";
import { z } from "zod";
import type { SortMode } from "~/domain/qa/questions";
import { askQuestion, findQaSession, listQuestions, moderateQuestion, myVotes, toggleVote } from "~/domain/qa/questions.server";
import { formatRange } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";
import { domainFailure, formFailure, forwardActionHeaders, readForm } from "~/web/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: metaT(matches)("sessions.qa.metaTitle", { title: data.session.title }) }] : [{ title: metaT(matches)("sessions.qa.metaNotFound") }];

export const headers: HeadersFunction = forwardActionHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { session, access } = await orErrorResponse(findQaSession(params.id ?? "", user));
  const sort: SortMode = new URL(request.url).searchParams.get("sort") === "newest" ? "newest" : "votes";
  const base = {
    session: { ...session, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() },
    when: formatRange(session.startsAt, session.endsAt, session.event.timeZone),
    canModerate: access.moderator,
    participant: access.participant,
    sort,
  };
  if (!access.participant) return { ...base, questions: [], cursor: 0, myVotes: [] as string[], polls: [], myBallots: {} };
  const [list, votes, polls, ballots] = await Promise.all([
    listQuestions(session.id, { userId: user.id, moderator: access.moderator }),
    myVotes(session.id, user.id),
    listPolls(session.id, { moderator: access.moderator }),
    myPollBallots(session.id, user.id),
  ]);
  return { ...base, questions: list.questions, cursor: list.cursor, myVotes: votes, polls, myBallots: ballots };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // The Q&A's forms and the polls' forms post to this page (the no-JavaScript path).
  const form = await readForm(request, z.discriminatedUnion("intent", [...qaForm.options, ...pollForm.options]));
  if (!form.ok) return formFailure(form);
  const data = form.data;
  try {
    if (data.intent === "poll-vote" || data.intent === "poll-create" || data.intent === "poll-manage") {
      return json({ ok: true as const, notice: await applyPollForm(user, params.id ?? "", data) });
    }
    if (data.intent === "ask") {
      const { question } = await askQuestion(user, { sessionId: params.id ?? "", body: data.body, anonymous: data.anonymous === "true" });
      return json({
        ok: true as const,
        notice: translate(await resolveLanguage(request), question.status === "PENDING" ? "sessions.qa.pending" : "sessions.qa.posted"),
      });
    }
    if (data.intent === "vote") {
      const { voted } = await toggleVote(user, { questionId: data.questionId });
      return json({ ok: true as const, notice: translate(await resolveLanguage(request), voted ? "sessions.qa.voteCounted" : "sessions.qa.voteRemoved") });
    }
    await moderateQuestion(user, { questionId: data.questionId, action: data.action, body: data.body });
    return json({ ok: true as const, notice: "Done." });
  } catch (error) {
    const values =
      data.intent === "ask"
        ? { body: data.body }
        : data.intent === "poll-create"
          ? (Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as Record<string, string>)
          : {};
    return domainFailure(error, values);
  }
}

export default function SessionQaPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { session } = data;
  const { t } = useTranslation();
  return (
    <article className="qa-page">
      <p>
        <Link to={`/sessions/${session.id}`}>← {session.title}</Link>
      </p>
      <header className="qa-page__header">
        <h1>{t("sessions.qa.title")}</h1>
        <p className="qa-page__session">
          <strong>{session.title}</strong> · {session.event.title}
          <br />
          <span className="tz-note">
            {data.when} ({session.event.timeZone.replace(/_/g, " ")})
          </span>
        </p>
        {data.participant ? (
          <p className="qa-page__links">
            <Link to={`/sessions/${session.id}/qa/present`} className="button button--ghost button--small">
              {t("sessions.qa.presenterView")}
            </Link>
            {data.canModerate ? <span className="badge">You moderate this Q&amp;A{session.qaMode === "PREMODERATED" ? " · pre-moderated" : ""}</span> : null}
          </p>
        ) : null}
      </header>
      {data.participant ? (
        <PollsPanel
          sessionId={session.id}
          canModerate={data.canModerate}
          initial={{ polls: data.polls, myBallots: data.myBallots }}
          createErrors={actionData && !actionData.ok && actionData.values?.intent === "poll-create" ? actionData.fieldErrors : undefined}
          createValues={actionData && !actionData.ok && actionData.values?.intent === "poll-create" ? actionData.values : undefined}
        />
      ) : null}
      {data.participant ? (
        <QaBoard
          sessionId={session.id}
          timeZone={session.event.timeZone}
          qaMode={session.qaMode}
          canModerate={data.canModerate}
          initial={{ questions: data.questions, cursor: data.cursor, myVotes: data.myVotes }}
          sort={data.sort}
          actionResult={actionData ?? null}
        />
      ) : (
        <section className="empty-state">
          <h2>{t("sessions.qa.registeredOnly")}</h2>
          <p>{t("sessions.qa.registeredOnlyText", { title: session.event.title })}</p>
          <p>
            <Link className="button" to={`/events/${session.event.slug}`}>
              {t("sessions.qa.seeEvent")}
            </Link>
          </p>
        </section>
      )}
    </article>
  );
}
