// /organise/events/:slug/questions — the registration questions: add, edit, reorder, delete.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { Notice } from "~/components/registration/status";
import { bindFields, Choice, CsrfField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/forms";
import { QUESTION_KIND_LABELS, QUESTION_KINDS, questionFormSchema } from "~/domain/registration/organiser-input";
import { createQuestion, deleteQuestion, listQuestions, moveQuestion, updateQuestion } from "~/domain/registration/organiser.server";
import { domainFailure, formFailure, readForm, zodFieldErrors } from "~/web/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  return { questions: await listQuestions(event.id) };
}

const actionSchema = z
  .object({
    intent: z.enum(["create", "update", "delete", "up", "down"]),
    questionId: z.string().uuid({ error: "This question does not exist. Reload the page and try again." }).optional(),
  })
  .passthrough();

export async function action({ request, params }: ActionFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "manage");
  try {
    const form = await readForm(request, actionSchema);
    if (!form.ok) return formFailure(form);
    const { intent, questionId } = form.data;
    // Every intent but "create" acts on one question: without its id there is nothing to do.
    if (intent !== "create" && !questionId) {
      return formFailure({
        ok: false,
        formError: "Which question? Reload the page and try again.",
        fieldErrors: { questionId: "Missing question." },
        values: {},
      });
    }
    if (intent === "create" || intent === "update") {
      const parsed = questionFormSchema.safeParse(form.data);
      if (!parsed.success) {
        const values: Record<string, string> = {};
        for (const [k, v] of form.form) if (typeof v === "string") values[k] = v;
        return formFailure({ ok: false, fieldErrors: zodFieldErrors(parsed.error), values: { ...values, target: questionId ?? "new" } });
      }
      if (intent === "create") await createQuestion(event.id, parsed.data);
      else await updateQuestion(event.id, questionId!, parsed.data);
      return { ok: true as const, message: intent === "create" ? "Question added." : "Question saved." };
    }
    if (intent === "delete") await deleteQuestion(event.id, questionId!);
    else await moveQuestion(event.id, questionId!, intent);
    return { ok: true as const, message: intent === "delete" ? "Question deleted." : "Order saved." };
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
}

interface QuestionValues {
  label?: string;
  kind?: string;
  options?: string;
  required?: boolean;
}

function QuestionFields({ prefix, values, errors }: { prefix: string; values: QuestionValues; errors: Record<string, string> }) {
  const fields = bindFields(questionFormSchema, { errors, values: { label: values.label, kind: values.kind ?? "SHORT_TEXT", options: values.options } });
  return (
    <>
      <TextField label="Question" {...fields.label} maxLength={300} required />
      <div className="reg-form-row">
        <SelectField label="Answer" id={`${prefix}-kind`} {...fields.kind} options={QUESTION_KINDS.map((k) => [k, QUESTION_KIND_LABELS[k]])} />
        <div className="field reg-choices reg-choices--inline">
          <Choice name={fields.required.name} defaultChecked={values.required}>
            Required
          </Choice>
        </div>
      </div>
      <TextAreaField
        label={
          <>
            Options <span className="field__hint">(choices only — one per line)</span>
          </>
        }
        id={`${prefix}-options`}
        {...fields.options}
        rows={3}
      />
    </>
  );
}

export default function Questions() {
  const { questions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const failed = result && !result.ok ? result : null;
  const target = failed?.values.target;
  const errorsFor = (id: string) => (target === id ? (failed?.fieldErrors ?? {}) : {});
  const valuesFor = (id: string): QuestionValues | null =>
    target === id && failed
      ? { label: failed.values.label, kind: failed.values.kind, options: failed.values.options, required: failed.values.required === "on" }
      : null;
  return (
    <div className="two-col">
      <section className="stack" aria-labelledby="questions-title">
        <h2 id="questions-title">Registration questions</h2>
        {result?.ok && result.message ? <Notice tone="success">{result.message}</Notice> : null}
        <FormError message={failed?.formError} />
        {questions.length === 0 ? (
          <div className="empty-state">
            <h3>No questions</h3>
            <p>Attendees only choose a ticket. Add questions such as organisation, dietary needs or consent.</p>
          </div>
        ) : (
          <ol className="reg-questions-list">
            {questions.map((q, index) => (
              <li key={q.id} className="card">
                <details open={target === q.id}>
                  <summary>
                    <strong>{q.label}</strong>{" "}
                    <span className="tz-note">
                      · {QUESTION_KIND_LABELS[q.kind]}
                      {q.required ? " · required" : ""}
                      {q.options.length ? ` · ${q.options.join(", ")}` : ""}
                      {q._count.answers ? ` · ${q._count.answers} answers` : ""}
                    </span>
                  </summary>
                  <Form method="post" noValidate className="reg-decide__form">
                    <CsrfField />
                    <input type="hidden" name="questionId" value={q.id} />
                    <QuestionFields
                      prefix={q.id}
                      values={valuesFor(q.id) ?? { label: q.label, kind: q.kind, options: q.options.join("\n"), required: q.required }}
                      errors={errorsFor(q.id)}
                    />
                    <div className="reg-actions">
                      <button type="submit" name="intent" value="update" className="button button--small" disabled={busy}>
                        Save
                      </button>
                      <button type="submit" name="intent" value="delete" className="button button--small reg-danger" disabled={busy}>
                        Delete{q._count.answers ? ` (and its ${q._count.answers} answers)` : ""}
                      </button>
                    </div>
                  </Form>
                </details>
                <Form method="post" className="reg-order">
                  <CsrfField />
                  <input type="hidden" name="questionId" value={q.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="up"
                    className="button button--small button--ghost"
                    disabled={busy || index === 0}
                    aria-label={`Move “${q.label}” up`}
                  >
                    ↑
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="down"
                    className="button button--small button--ghost"
                    disabled={busy || index === questions.length - 1}
                    aria-label={`Move “${q.label}” down`}
                  >
                    ↓
                  </button>
                </Form>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="new-question">
        <h2 id="new-question">Add a question</h2>
        <Form method="post" noValidate key={result?.ok ? questions.length : "form"}>
          <CsrfField />
          <QuestionFields prefix="new" values={valuesFor("new") ?? {}} errors={errorsFor("new")} />
          <button type="submit" name="intent" value="create" className="button" disabled={busy}>
            Add question
          </button>
        </Form>
      </section>
    </div>
  );
}
