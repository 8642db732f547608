// The organiser's feedback page: certificate and survey settings, surveys with their questions,
// and each survey's results (NPS, rating distributions as SVG bars, choices, text answers).
import { Form } from "@remix-run/react";
import { bindFields, CsrfField, FieldSet, SelectField, TextAreaField, TextField } from "~/components/ui/forms";
import { engagementSettingsForm, surveyCreateForm, surveyQuestionForm } from "~/domain/engagement/feedback-forms";
import { SURVEY_KIND_LABELS, SURVEY_KINDS, type QuestionSummary, type SurveyQuestionRecord } from "~/domain/engagement/surveys";
import { BarChart } from "./poll-chart";

type Failure = { fieldErrors?: Record<string, string>; values?: Record<string, string> } | null;
const failureFor = (failure: Failure, intent: string, target?: string) =>
  failure?.values?.intent === intent && (target === undefined || failure.values.surveyId === target) ? failure : null;

export function SettingsForm({ settings, failure }: { settings: { certificateMinSharePct: number; feedbackDelayHours: number }; failure: Failure }) {
  const mine = failureFor(failure, "settings");
  const fields = bindFields(engagementSettingsForm, {
    errors: mine?.fieldErrors,
    values: mine?.values ?? { certificateMinSharePct: String(settings.certificateMinSharePct), feedbackDelayHours: String(settings.feedbackDelayHours) },
  });
  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">Certificates and feedback emails</h2>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="settings" />
        <div className="poll-create__row">
          <TextField
            label="Online attendance needed for a certificate (%)"
            {...fields.certificateMinSharePct}
            inputMode="numeric"
            hint="Share of the sessions' time. People who checked in always get one."
          />
          <TextField label="Send the feedback email (hours after the end)" {...fields.feedbackDelayHours} inputMode="numeric" />
        </div>
        <button type="submit" className="button">
          Save settings
        </button>
      </Form>
    </section>
  );
}

export function NewSurveyForm({ sessions, failure }: { sessions: { id: string; title: string }[]; failure: Failure }) {
  const mine = failureFor(failure, "create-survey");
  const fields = bindFields(surveyCreateForm, { errors: mine?.fieldErrors, values: mine?.values });
  return (
    <section className="card" aria-labelledby="new-survey-title">
      <h2 id="new-survey-title">New survey</h2>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="create-survey" />
        <TextField label="Title" {...fields.title} required maxLength={200} />
        <SelectField
          label="For"
          {...fields.sessionId}
          options={[["", "The whole event"] as const, ...sessions.map((s) => [s.id, `Session: ${s.title}`] as const)]}
        />
        <button type="submit" className="button">
          Create survey
        </button>
      </Form>
    </section>
  );
}

function AddQuestion({ surveyId, failure }: { surveyId: string; failure: Failure }) {
  const mine = failureFor(failure, "add-question", surveyId);
  const fields = bindFields(surveyQuestionForm, { errors: mine?.fieldErrors, values: mine?.values });
  return (
    <details className="poll-create" open={mine !== null}>
      <summary>Add a question</summary>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="intent" value="add-question" />
        <input type="hidden" name={fields.surveyId.name} value={surveyId} />
        <SelectField label="Kind" {...fields.kind} id={`kind-${surveyId}`} options={SURVEY_KINDS.map((k) => [k, SURVEY_KIND_LABELS[k]] as const)} />
        <TextField label="Question" {...fields.prompt} id={`prompt-${surveyId}`} required maxLength={300} />
        <TextAreaField label="Choices (for a choice question)" {...fields.options} id={`options-${surveyId}`} rows={3} hint="One per line." />
        <button type="submit" className="button button--small">
          Add question
        </button>
      </Form>
    </details>
  );
}

function QuestionResult({ q }: { q: QuestionSummary }) {
  return (
    <div className="survey-result">
      <h4>
        {q.prompt} <span className="tz-note">({q.answered} answered)</span>
      </h4>
      {q.kind === "NPS" ? (
        <p className="survey-result__nps">
          NPS <strong>{q.nps ?? "–"}</strong>
          {q.average !== null ? <span className="tz-note"> · average {q.average} of 10</span> : null}
        </p>
      ) : null}
      {q.kind === "RATING" && q.average !== null ? <p className="tz-note">Average {q.average} of 5</p> : null}
      {q.kind === "TEXT" ? (
        q.texts.length === 0 ? (
          <p className="tz-note">No answers yet.</p>
        ) : (
          <ul className="poll-answers">
            {q.texts.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        )
      ) : q.answered > 0 ? (
        <BarChart rows={q.labels.map((label, i) => ({ label, count: q.counts[i] }))} label={q.prompt} />
      ) : (
        <p className="tz-note">No answers yet.</p>
      )}
    </div>
  );
}

export interface SurveyCardData {
  id: string;
  title: string;
  sessionTitle: string | null;
  questions: SurveyQuestionRecord[];
  responses: number;
  invited: number;
  summary: QuestionSummary[];
}

export function SurveyCard({ survey, failure }: { survey: SurveyCardData; failure: Failure }) {
  return (
    <section className="card" aria-labelledby={`survey-${survey.id}`}>
      <h2 id={`survey-${survey.id}`}>{survey.title}</h2>
      <p className="tz-note">
        {survey.sessionTitle ? `Session: ${survey.sessionTitle}` : "Whole event"} · {survey.invited} invited · {survey.responses}{" "}
        {survey.responses === 1 ? "response" : "responses"}
      </p>
      {survey.questions.length === 0 ? (
        <p className="empty-state">No questions yet: add the first one below. Emails go out only for surveys with questions.</p>
      ) : null}
      <FieldSet legend="Results">
        {survey.summary.map((q) => (
          <QuestionResult key={q.id} q={q} />
        ))}
      </FieldSet>
      <AddQuestion surveyId={survey.id} failure={failure} />
    </section>
  );
}
