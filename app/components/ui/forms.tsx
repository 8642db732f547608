import { useId } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { CSRF_FIELD_NAME } from "~/web/csrf";

/** Hidden CSRF field; every mutating <Form> includes it. */
export function CsrfField() {
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name={CSRF_FIELD_NAME} value={root?.csrfToken ?? ""} />;
}

interface FieldFrame {
  label: string;
  error?: string;
  hint?: string;
}

/**
 * The one labelled-field frame: label, hint and error around a control, the error announced and
 * tied to the control with aria-describedby. `control` receives the attributes that link them.
 */
function Field({ label, error, hint, control }: FieldFrame & { control: (link: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="field__hint">{hint}</p> : null}
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? <p id={`${id}-error`} className="field__error" role="alert">{error}</p> : null}
    </div>
  );
}

interface TextFieldProps extends React.InputHTMLAttributes<HTMLInputElement>, FieldFrame {
  name: string;
}

/** A labelled input. */
export function TextField({ label, name, error, hint, ...input }: TextFieldProps) {
  return <Field label={label} error={error} hint={hint} control={(link) => <input {...link} name={name} {...input} />} />;
}

interface TextAreaFieldProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement>, FieldFrame {
  name: string;
}

/** A labelled textarea. */
export function TextAreaField({ label, name, error, hint, ...area }: TextAreaFieldProps) {
  return <Field label={label} error={error} hint={hint} control={(link) => <textarea {...link} name={name} {...area} />} />;
}

interface SelectFieldProps extends Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "onChange">, FieldFrame {
  name: string;
  options: Array<[value: string, label: string]>;
  onChange?: (value: string) => void;
}

/** A labelled select over [value, label] options. */
export function SelectField({ label, name, error, hint, options, onChange, ...select }: SelectFieldProps) {
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      control={(link) => (
        <select {...link} name={name} onChange={onChange ? (event) => onChange(event.target.value) : undefined} {...select}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>{text}</option>
          ))}
        </select>
      )}
    />
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="notice notice--error" role="alert">
      {message}
    </div>
  );
}
