import { useId } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { CSRF_FIELD_NAME } from "~/utils/csrf";

/** Hidden CSRF field; every mutating <Form> includes it. */
export function CsrfField() {
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name={CSRF_FIELD_NAME} value={root?.csrfToken ?? ""} />;
}

interface TextFieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({ label, name, error, hint, ...input }: TextFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="field__hint">{hint}</p> : null}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? <p id={`${id}-error`} className="field__error" role="alert">{error}</p> : null}
    </div>
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
