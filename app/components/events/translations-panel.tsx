// The organiser's "Languages" page: one form per language the event is written in, an "Add a
// language" form, and the sessions' titles per language. Plain forms: works without JavaScript.
import { Form } from "@remix-run/react";
import { bindFields, CsrfField, FormError, SelectField, TextAreaField, TextField } from "~/components/ui/forms";
import { eventLanguagesForm, SESSION_FIELD_PREFIX } from "~/domain/events/translation-forms";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "~/domain/kernel/i18n/languages";
import type { EventTranslation } from "~/domain/kernel/i18n/content";
import { SUMMARY_MAX } from "~/domain/events/event-input";

export interface Failure {
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  formError?: string;
}

const options = (languages: readonly Language[]) => languages.map((code): [string, string] => [code, `${LANGUAGE_NAMES[code]} (${code})`]);

function Intent({ value }: { value: string }) {
  return (
    <>
      <CsrfField />
      <input type="hidden" name="intent" value={value} />
    </>
  );
}

export function DefaultLanguageForm({ current, failure, disabled }: { current: Language; failure: Failure | null; disabled: boolean }) {
  const fields = bindFields(eventLanguagesForm, { errors: failure?.fieldErrors, values: { defaultLanguage: failure?.values.defaultLanguage ?? current } });
  return (
    <Form method="post" className="stack">
      <Intent value="default-language" />
      <FormError message={failure?.formError} />
      <SelectField
        label="The event's own language"
        {...fields.defaultLanguage}
        options={options(LANGUAGES)}
        hint="The language of the title, summary and description in Settings; shown to anyone whose language has no translation."
        disabled={disabled}
      />
      <button type="submit" className="button button--small" disabled={disabled}>
        Save the event's language
      </button>
    </Form>
  );
}

/** One language's text: edit (an existing translation) or add (choose the language). */
export function TranslationForm({
  language,
  choices,
  stored,
  failure,
  disabled,
}: {
  language?: Language;
  choices?: Language[];
  stored?: EventTranslation;
  failure: Failure | null;
  disabled: boolean;
}) {
  const values = failure?.values ?? { title: stored?.title ?? "", summary: stored?.summary ?? "", description: stored?.description ?? "" };
  const fields = bindFields(eventLanguagesForm, { errors: failure?.fieldErrors, values });
  const idBase = `translation-${language ?? "new"}`;
  const name = language ? LANGUAGE_NAMES[language] : "the new language";
  return (
    <Form method="post" className="stack" lang={language}>
      <Intent value="translation" />
      <FormError message={failure?.formError} />
      {language ? (
        <input type="hidden" name="language" value={language} />
      ) : (
        <SelectField label="New language" id={`${idBase}-language`} {...fields.language} options={options(choices ?? [])} />
      )}
      <TextField label={`Title in ${name}`} id={`${idBase}-title`} {...fields.title} required maxLength={160} disabled={disabled} />
      <TextAreaField label={`Summary in ${name}`} id={`${idBase}-summary`} {...fields.summary} rows={2} maxLength={SUMMARY_MAX} disabled={disabled} />
      <TextAreaField
        label={`Description in ${name}`}
        id={`${idBase}-description`}
        {...fields.description}
        rows={6}
        hint="Left empty, the summary and description of the event's own language are shown."
        disabled={disabled}
      />
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={disabled}>
          {language ? `Save ${LANGUAGE_NAMES[language]}` : "Add this language"}
        </button>
      </div>
    </Form>
  );
}

export function RemoveTranslationForm({ language, disabled }: { language: Language; disabled: boolean }) {
  return (
    <Form method="post">
      <Intent value="remove" />
      <input type="hidden" name="language" value={language} />
      <button type="submit" className="button button--small button--ghost" disabled={disabled}>
        Remove {LANGUAGE_NAMES[language]}
      </button>
    </Form>
  );
}

export function SessionTitlesForm({
  language,
  sessions,
  failure,
  disabled,
}: {
  language: Language;
  sessions: Array<{ id: string; title: string; translations: Partial<Record<Language, { title: string }>> }>;
  failure: Failure | null;
  disabled: boolean;
}) {
  return (
    <Form method="post" className="stack" lang={language}>
      <Intent value="session-titles" />
      <input type="hidden" name="language" value={language} />
      <FormError message={failure?.formError} />
      {sessions.map((session) => {
        const name = `${SESSION_FIELD_PREFIX}${session.id}`;
        return (
          <TextField
            key={session.id}
            label={<span lang="">{session.title}</span>}
            id={`${language}-${name}`}
            name={name}
            defaultValue={failure?.values[name] ?? session.translations[language]?.title ?? ""}
            error={failure?.fieldErrors[name]}
            maxLength={160}
            hint={`In ${LANGUAGE_NAMES[language]}; empty: the session's own title is shown.`}
            disabled={disabled}
          />
        );
      })}
      <button type="submit" className="button button--small" disabled={disabled}>
        Save {LANGUAGE_NAMES[language]} session titles
      </button>
    </Form>
  );
}
