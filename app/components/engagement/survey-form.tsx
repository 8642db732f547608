// The respondent's survey: every question optional, each kind its own labelled control (radios for
// ratings, NPS and choices; a text area for text). A plain form: it works without JavaScript.
import { Form } from "@remix-run/react";
import { ChoiceGroup, CsrfField, FormError, TextAreaField } from "~/components/ui/forms";
import type { SurveyQuestionRecord } from "~/domain/engagement/surveys";

export function SurveyForm({
  questions,
  failure,
}: {
  questions: SurveyQuestionRecord[];
  failure: { formError?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | null;
}) {
  const value = (id: string) => failure?.values?.[`q_${id}`];
  const error = (id: string) => failure?.fieldErrors?.[`q_${id}`];
  return (
    <Form method="post" className="stack">
      <CsrfField />
      <input type="hidden" name="intent" value="answer" />
      <FormError message={failure?.formError} />
      {questions.map((q) => {
        const name = `q_${q.id}`;
        if (q.kind === "TEXT")
          return <TextAreaField key={q.id} label={q.prompt} name={name} id={name} rows={3} maxLength={2000} defaultValue={value(q.id)} error={error(q.id)} />;
        const options =
          q.kind === "RATING"
            ? [1, 2, 3, 4, 5].map((n) => [String(n), String(n)] as const)
            : q.kind === "NPS"
              ? Array.from({ length: 11 }, (_, n) => [String(n), String(n)] as const)
              : q.options.map((o) => [o, o] as const);
        const hint = q.kind === "RATING" ? "1 = poor, 5 = excellent" : q.kind === "NPS" ? "0 = not at all likely, 10 = extremely likely" : undefined;
        return (
          <ChoiceGroup
            key={q.id}
            legend={q.prompt}
            name={name}
            type="radio"
            layout={q.kind === "CHOICE" ? "list" : "boxes"}
            options={options}
            defaultValue={value(q.id)}
            hint={hint}
            error={error(q.id)}
          />
        );
      })}
      <p>
        <button type="submit" className="button">
          Send feedback
        </button>
      </p>
    </Form>
  );
}
