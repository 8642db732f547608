// /feedback/:token — the emailed feedback survey. The link is the person's (a different signed-in
// person is refused), works once, and the response and the link's use are recorded together.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { SurveyForm } from "~/components/engagement/survey-form";
import { surveyAnswerForm } from "~/domain/engagement/feedback-forms";
import { openSurvey, submitSurvey } from "~/domain/engagement/surveys.server";
import { getUser } from "~/web/auth.server";
import { orErrorResponse } from "~/web/responses.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Your feedback — SCALE Events" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (new URL(request.url).searchParams.get("thanks") === "1") return { thanks: true as const, survey: null };
  const survey = await orErrorResponse(openSurvey(params.token ?? "", await getUser(request)));
  return { thanks: false as const, survey };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request, surveyAnswerForm);
  if (!form.ok) return formFailure(form);
  try {
    await submitSurvey(params.token ?? "", await getUser(request), form.data);
  } catch (error) {
    return domainFailure(error, Object.fromEntries(Object.entries(form.data).map(([k, v]) => [k, String(v)])));
  }
  return redirect(`/feedback/${params.token}?thanks=1`);
}

export default function FeedbackSurveyPage() {
  const { survey } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() ?? null;
  const [params] = useSearchParams();
  if (!survey || params.get("thanks") === "1") {
    return (
      <article className="account-page">
        <h1>Thank you!</h1>
        <div className="notice notice--success" role="status">
          Your feedback was recorded. The organisers read every answer.
        </div>
        <p>
          <Link to="/my/registrations">Your registrations</Link>
        </p>
      </article>
    );
  }
  return (
    <article className="account-page">
      <p className="tz-note">{survey.sessionTitle ? `${survey.sessionTitle} · ${survey.eventTitle}` : survey.eventTitle}</p>
      <h1>{survey.title}</h1>
      <p>Every question is optional. Your answers go to the event&apos;s organisers.</p>
      <SurveyForm questions={survey.questions} failure={failure && !failure.ok ? failure : null} />
    </article>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : "This feedback link could not be opened.";
  return (
    <article className="account-page">
      <h1>Feedback</h1>
      <div className="notice notice--error" role="alert">
        {message}
      </div>
      <p>
        <Link to="/">SCALE Events</Link>
      </p>
    </article>
  );
}
