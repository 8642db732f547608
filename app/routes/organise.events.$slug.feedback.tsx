// /organise/events/:slug/feedback — certificate and feedback settings, the event's surveys (whole
// event or one session) with their questions, and their results; links to both CSV exports.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { NewSurveyForm, SettingsForm, SurveyCard } from "~/components/engagement/feedback-admin";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { Notice } from "~/components/registration/status";
import { FormError } from "~/components/ui/forms";
import { feedbackForm } from "~/domain/engagement/feedback-forms";
import { addSurveyQuestion, createSurvey, feedbackOverview, saveEngagementSettings } from "~/domain/engagement/surveys.server";
import { orErrorResponse } from "~/web/responses.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Feedback and certificates — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireStaffEvent(request, params.slug, "manage");
  const overview = await orErrorResponse(feedbackOverview(user, params.slug ?? ""));
  return { slug: overview.event.slug, settings: overview.settings, sessions: overview.sessions, surveys: overview.surveys };
}

const DONE = { settings: "settings", "create-survey": "survey", "add-question": "question" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event } = await requireStaffEvent(request, params.slug, "manage");
  const form = await readForm(request, feedbackForm);
  if (!form.ok) return formFailure(form);
  const data = form.data;
  try {
    if (data.intent === "settings") await saveEngagementSettings(user, event.slug, data);
    else if (data.intent === "create-survey") await createSurvey(user, event.slug, { title: data.title, sessionId: data.sessionId });
    else await addSurveyQuestion(user, event.slug, data);
    return redirect(`/organise/events/${event.slug}/feedback?saved=${DONE[data.intent]}`);
  } catch (error) {
    const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v ?? "")]));
    return domainFailure(error, values);
  }
}

const SAVED: Record<string, string> = { settings: "Settings saved.", survey: "Survey created. Add its questions below.", question: "Question added." };

export default function FeedbackPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() ?? null;
  const [params] = useSearchParams();
  const saved = SAVED[params.get("saved") ?? ""];
  return (
    <div className="stack">
      {saved && !failure ? <Notice tone="success">{saved}</Notice> : null}
      <FormError message={failure && !failure.ok ? failure.formError : undefined} />
      <p className="reg-actions">
        <a className="button button--ghost" href={`/organise/events/${data.slug}/feedback.csv`} download>
          Download feedback (CSV)
        </a>
        <a className="button button--ghost" href={`/organise/events/${data.slug}/polls.csv`} download>
          Download poll results (CSV)
        </a>
      </p>
      {data.surveys.length === 0 ? (
        <section className="empty-state">
          <h2>No surveys yet</h2>
          <p>Create a survey for the whole event or one session. Participants who checked in or attended online get its link by email after the end.</p>
        </section>
      ) : (
        data.surveys.map((survey) => <SurveyCard key={survey.id} survey={survey} failure={failure && !failure.ok ? failure : null} />)
      )}
      <NewSurveyForm sessions={data.sessions} failure={failure && !failure.ok ? failure : null} />
      <SettingsForm settings={data.settings} failure={failure && !failure.ok ? failure : null} />
    </div>
  );
}
