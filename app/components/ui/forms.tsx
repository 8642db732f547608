// The form kit: the CSRF field, the one labelled-field frame and the controls built on it, and
// the binding of a form's fields to its zod schema. The server reads a form with `readForm`
// (app/web/forms.server.ts) against a schema; a failure comes back as { fieldErrors, values,
// formError }. `bindFields(schema, …)` gives each field of that same schema its name, its error
// and the value to show, so the markup cannot name a field the schema does not read, and errors
// land next to the field they belong to — with or without JavaScript.
import { useEffect, useId, useState } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CSRF_FIELD_NAME } from "~/web/csrf";

/** Hidden CSRF field; every mutating <Form> includes it. */
export function CsrfField() {
  return <input type="hidden" name={CSRF_FIELD_NAME} value={useCsrfToken()} />;
}

// A visitor who arrived on a page from the shared cache of public pages (server/public-cache.ts)
// has no token in the page: the first form they meet asks for their own, once per page load.
let fetchedToken: Promise<string> | null = null;

/** The visitor's CSRF token: from the root loader, else fetched from /csrf-token. */
export function useCsrfToken(): string {
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  const [fetched, setFetched] = useState("");
  const fromPage = root?.csrfToken ?? "";
  useEffect(() => {
    if (fromPage) return;
    let live = true;
    fetchedToken ??= fetch("/csrf-token", { credentials: "same-origin" })
      .then((response) => response.json() as Promise<{ token?: string }>)
      .then((body) => body.token ?? "")
      .catch(() => {
        fetchedToken = null;
        return "";
      });
    void fetchedToken.then((token) => live && setFetched(token));
    return () => {
      live = false;
    };
  }, [fromPage]);
  return fromPage || fetched;
}

// ───────────────────────────── binding fields to a schema ─────────────────────────────

type FieldNamesOf<T> = T extends unknown ? Extract<keyof T, string> : never;
/** The form a schema reads: past a preprocessing step (z.preprocess), the schema it feeds. */
type FormInput<S> = S extends z.ZodPreprocess<infer Out> ? z.input<Out> : S extends z.ZodType ? z.input<S> : never;
/** Every field name a schema reads; for a union on `intent`, the fields of all its intents. */
export type FieldNames<S extends z.ZodType> = FieldNamesOf<FormInput<S>>;
export type FieldValue = string | readonly string[];

export interface BoundField<Name extends string = string> {
  name: Name;
  error?: string;
  defaultValue?: FieldValue;
}

export type BoundFields<S extends z.ZodType> = { [Name in FieldNames<S>]: BoundField<Name> };

function schemaFieldNames(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as z.ZodType[]).flatMap(schemaFieldNames))];
  if (schema instanceof z.ZodPipe) return [...schemaFieldNames(schema.in as z.ZodType), ...schemaFieldNames(schema.out as z.ZodType)];
  return [];
}

/**
 * Binds the fields of `schema` to a form: `<TextField label="Title" {...fields.title} />` gets the
 * schema's field name, the error the server reported for it and the value to show (`values`:
 * the stored values, or the ones typed before a refused submission).
 */
export function bindFields<S extends z.ZodType>(
  schema: S,
  state: { errors?: Record<string, string>; values?: Partial<Record<FieldNames<S>, FieldValue>> } = {},
): BoundFields<S> {
  const fields: Record<string, BoundField> = {};
  for (const name of schemaFieldNames(schema)) {
    fields[name] = { name, error: state.errors?.[name], defaultValue: (state.values as Partial<Record<string, FieldValue>> | undefined)?.[name] };
  }
  return fields as BoundFields<S>;
}

// ───────────────────────────── the field frame and its controls ─────────────────────────────

interface FieldFrame {
  label: React.ReactNode;
  error?: string;
  hint?: React.ReactNode;
  /** A fixed id for the control (its hint and error ids derive from it); generated otherwise. */
  id?: string;
  /** Extra classes for the frame. */
  frameClassName?: string;
  /** The hint below the control instead of above it (for a hint that explains the choices). */
  hintBelow?: boolean;
  /** A label for screen readers only, where the row around the control says what it is. */
  labelHidden?: boolean;
}

type ControlLink = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

function useFieldIds(id: string | undefined, hint: unknown, error: unknown) {
  const generated = useId();
  const base = id ?? generated;
  const describedBy = [hint ? `${base}-hint` : null, error ? `${base}-error` : null].filter(Boolean).join(" ") || undefined;
  return { base, describedBy };
}

function FieldHint({ id, hint }: { id: string; hint: React.ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="field__hint">
      {hint}
    </p>
  ) : null;
}

/** The announced error of a field or group (role="alert", tied to the control by its id). */
export function FieldError({ id, error }: { id?: string; error?: string }) {
  return error ? (
    <p id={id ? `${id}-error` : undefined} className="field__error" role="alert">
      {error}
    </p>
  ) : null;
}

/**
 * The one labelled-field frame: label, hint and error around a control, the error announced and
 * tied to the control with aria-describedby. `control` receives the attributes that link them.
 */
export function Field({
  label,
  error,
  hint,
  id,
  frameClassName,
  hintBelow,
  labelHidden,
  control,
}: FieldFrame & { control: (link: ControlLink) => React.ReactNode }) {
  const { base, describedBy } = useFieldIds(id, hint, error);
  const link: ControlLink = { id: base, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
  return (
    <div className={`field${frameClassName ? ` ${frameClassName}` : ""}${error ? " field--invalid" : ""}`}>
      <label htmlFor={base} className={labelHidden ? "visually-hidden" : undefined}>
        {label}
      </label>
      {hintBelow ? null : <FieldHint id={base} hint={hint} />}
      {control(link)}
      {hintBelow ? <FieldHint id={base} hint={hint} /> : null}
      <FieldError id={base} error={error} />
    </div>
  );
}

/** `name` may be left out only for a control that is never posted (e.g. one read by a socket handler). */
type WithoutFrame<T> = Omit<T, "id" | "defaultValue"> & FieldFrame & { name?: string; defaultValue?: FieldValue };

type TextFieldProps = WithoutFrame<React.InputHTMLAttributes<HTMLInputElement>>;

/** A labelled input. */
export function TextField({ label, name, error, hint, id, frameClassName, hintBelow, labelHidden, ...input }: TextFieldProps) {
  const frame = { label, error, hint, id, frameClassName, hintBelow, labelHidden };
  return <Field {...frame} control={(link) => <input {...link} name={name} {...input} />} />;
}

type TextAreaFieldProps = WithoutFrame<React.TextareaHTMLAttributes<HTMLTextAreaElement>>;

/** A labelled textarea. */
export function TextAreaField({ label, name, error, hint, id, frameClassName, hintBelow, labelHidden, ...area }: TextAreaFieldProps) {
  const frame = { label, error, hint, id, frameClassName, hintBelow, labelHidden };
  return <Field {...frame} control={(link) => <textarea {...link} name={name} {...area} />} />;
}

interface SelectFieldProps extends WithoutFrame<Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "onChange">> {
  /** [value, label] options; or pass <option>/<optgroup> elements as children. */
  options?: ReadonlyArray<readonly [value: string, label: string]>;
  onChange?: (value: string) => void;
}

/** A labelled select over [value, label] options (or the options given as children). */
export function SelectField({
  label,
  name,
  error,
  hint,
  id,
  frameClassName,
  hintBelow,
  labelHidden,
  options,
  onChange,
  children,
  ...select
}: SelectFieldProps) {
  const frame = { label, error, hint, id, frameClassName, hintBelow, labelHidden };
  return (
    <Field
      {...frame}
      control={(link) => (
        <select {...link} name={name} onChange={onChange ? (event) => onChange(event.target.value) : undefined} {...select}>
          {options
            ? options.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))
            : children}
        </select>
      )}
    />
  );
}

type CheckboxFieldProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "defaultValue"> & {
  label: React.ReactNode;
  name: string;
  id?: string;
  error?: string;
};

/** A labelled single checkbox, the box before its label. */
export function CheckboxField({ label, name, id, error, ...input }: CheckboxFieldProps) {
  const { base, describedBy } = useFieldIds(id, undefined, error);
  return (
    <div className={`field field--check${error ? " field--invalid" : ""}`}>
      <input type="checkbox" id={base} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      <label htmlFor={base}>{label}</label>
      <FieldError id={base} error={error} />
    </div>
  );
}

interface FieldSetProps {
  legend: React.ReactNode;
  error?: string;
  hint?: React.ReactNode;
  /** A fixed id prefix for the hint and error ids; generated otherwise. */
  id?: string;
  /** The group's classes (the frame adds "field--invalid"). */
  className?: string;
  children: React.ReactNode;
}

/** The frame of a group of controls (checkboxes, radios): legend, hint, announced error. */
export function FieldSet({ legend, error, hint, id, className = "field", children }: FieldSetProps) {
  const { base, describedBy } = useFieldIds(id, hint, error);
  return (
    <fieldset className={`${className}${error ? " field--invalid" : ""}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <FieldHint id={base} hint={hint} />
      {children}
      <FieldError id={base} error={error} />
    </fieldset>
  );
}

function checkedValues(value: FieldValue | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === "string" ? value.split(",").filter(Boolean) : value;
}

/** One labelled checkbox or radio, the box before its label, one choice per line ("reg-choice"). */
export function Choice({
  children,
  type = "checkbox",
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type"> & { type?: "checkbox" | "radio"; name: string; children: React.ReactNode }) {
  return (
    <label className="reg-choice">
      <input type={type} {...input} /> <span>{children}</span>
    </label>
  );
}

interface ChoiceGroupProps extends Omit<FieldSetProps, "children" | "className"> {
  name: string;
  type?: "checkbox" | "radio";
  options: ReadonlyArray<readonly [value: string, label: React.ReactNode]>;
  /** The checked values: a list, or a comma-separated string as echoed after a refused submission. */
  defaultValue?: FieldValue;
  /** "boxes": compact checkboxes in a wrapping row; "list": one choice per line. */
  layout?: "boxes" | "list";
  /** Classes of the fieldset when they differ from the layout's. */
  className?: string;
  /** Shown above the choices (e.g. when there are none yet). */
  note?: React.ReactNode;
}

/** A labelled group of checkboxes or radios over [value, label] options. */
export function ChoiceGroup({ name, type = "checkbox", options, defaultValue, layout = "boxes", className, note, ...frame }: ChoiceGroupProps) {
  const checked = new Set(checkedValues(defaultValue));
  return (
    <FieldSet {...frame} className={className ?? (layout === "boxes" ? "field checkbox-group" : "field reg-choices")}>
      {note}
      {layout === "boxes" ? (
        <div className="checkbox-group__items">
          {options.map(([value, text]) => (
            <label key={value} className="checkbox">
              <input type={type} name={name} value={value} defaultChecked={checked.has(value)} />
              {text}
            </label>
          ))}
        </div>
      ) : (
        options.map(([value, text]) => (
          <Choice key={value} type={type} name={name} value={value} defaultChecked={checked.has(value)}>
            {text}
          </Choice>
        ))
      )}
    </FieldSet>
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
