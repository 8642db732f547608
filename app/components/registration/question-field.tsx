// One registration question as a labelled, accessible form control. Field names follow
// answerFieldName() so parseAnswers reads them back; errors are tied with aria-describedby.
import { useId } from "react";
import { answerFieldName, LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH } from "~/domain/registration/answers";

export interface QuestionView {
  id: string;
  label: string;
  kind: "SHORT_TEXT" | "LONG_TEXT" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "CHECKBOX";
  options: string[];
  required: boolean;
}

export function QuestionField({ question, error, values }: { question: QuestionView; error?: string; values: string[] }) {
  const id = useId();
  const name = answerFieldName(question.id);
  const errorId = `${id}-error`;
  const describedBy = error ? errorId : undefined;
  const requiredMark = question.required ? <span className="reg-required" aria-hidden="true"> *</span> : <span className="field__hint"> (optional)</span>;
  const errorText = error ? <p id={errorId} className="field__error" role="alert">{error}</p> : null;

  if (question.kind === "SINGLE_CHOICE" || question.kind === "MULTIPLE_CHOICE") {
    const type = question.kind === "SINGLE_CHOICE" ? "radio" : "checkbox";
    return (
      <fieldset className={`field reg-choices${error ? " field--invalid" : ""}`} aria-describedby={describedBy}>
        <legend>{question.label}{requiredMark}</legend>
        {question.options.map((option, index) => (
          <label key={option} className="reg-choice">
            <input type={type} name={name} value={option} defaultChecked={values.includes(option)} required={type === "radio" && question.required && index === 0 ? true : undefined} aria-invalid={error ? true : undefined} />
            <span>{option}</span>
          </label>
        ))}
        {errorText}
      </fieldset>
    );
  }
  if (question.kind === "CHECKBOX") {
    return (
      <div className={`field${error ? " field--invalid" : ""}`}>
        <label className="reg-choice" htmlFor={id}>
          <input id={id} type="checkbox" name={name} defaultChecked={values.includes("on")} aria-invalid={error ? true : undefined} aria-describedby={describedBy} required={question.required} />
          <span>{question.label}{requiredMark}</span>
        </label>
        {errorText}
      </div>
    );
  }
  const common = { id, name, defaultValue: values[0] ?? "", "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, required: question.required };
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{question.label}{requiredMark}</label>
      {question.kind === "LONG_TEXT" ? <textarea {...common} rows={4} maxLength={LONG_TEXT_MAX_LENGTH} /> : <input {...common} type="text" maxLength={SHORT_TEXT_MAX_LENGTH} />}
      {errorText}
    </div>
  );
}
