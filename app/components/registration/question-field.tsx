// One registration question as a labelled, accessible form control, drawn with the shared field
// frames. Field names follow answerFieldName() so parseAnswers reads them back; errors are tied
// with aria-describedby.
import { useId } from "react";
import { Choice, FieldError, FieldSet, TextAreaField, TextField } from "~/components/ui/forms";
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
  const requiredMark = question.required ? (
    <span className="reg-required" aria-hidden="true">
      {" "}
      *
    </span>
  ) : (
    <span className="field__hint"> (optional)</span>
  );
  const label = (
    <>
      {question.label}
      {requiredMark}
    </>
  );

  if (question.kind === "SINGLE_CHOICE" || question.kind === "MULTIPLE_CHOICE") {
    const type = question.kind === "SINGLE_CHOICE" ? "radio" : "checkbox";
    return (
      <FieldSet legend={label} id={id} className="field reg-choices" error={error}>
        {question.options.map((option, index) => (
          <Choice
            key={option}
            type={type}
            name={name}
            value={option}
            defaultChecked={values.includes(option)}
            required={type === "radio" && question.required && index === 0 ? true : undefined}
            aria-invalid={error ? true : undefined}
          >
            {option}
          </Choice>
        ))}
      </FieldSet>
    );
  }
  if (question.kind === "CHECKBOX") {
    return (
      <div className={`field${error ? " field--invalid" : ""}`}>
        <Choice
          id={id}
          name={name}
          defaultChecked={values.includes("on")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          required={question.required}
        >
          {label}
        </Choice>
        <FieldError id={id} error={error} />
      </div>
    );
  }
  const control = { label, id, name, error, defaultValue: values[0] ?? "", required: question.required };
  return question.kind === "LONG_TEXT" ? (
    <TextAreaField {...control} rows={4} maxLength={LONG_TEXT_MAX_LENGTH} />
  ) : (
    <TextField {...control} type="text" maxLength={SHORT_TEXT_MAX_LENGTH} />
  );
}
