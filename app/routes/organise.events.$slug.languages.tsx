// /organise/events/:slug/languages — the event's own language, its title, summary and
// description in other languages ("Add a language"), and its sessions' titles in them. Visitors
// read their language where it exists, else the event's own (kernel/i18n/content.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DefaultLanguageForm, RemoveTranslationForm, SessionTitlesForm, TranslationForm, type Failure } from "~/components/events/translations-panel";
import { eventLanguagesForm, sessionTitlesOf } from "~/domain/events/translation-forms";
import { getEventLanguages, removeEventTranslation, saveEventTranslation, saveSessionTitles, setDefaultLanguage } from "~/domain/events/translations.server";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "~/domain/kernel/i18n/languages";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Languages: ${data.title} — SCALE Events` : "Languages — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orErrorResponse(getEventLanguages(user, params.slug ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const page = `/organise/events/${slug}/languages`;
  let values: Record<string, string> = {};
  try {
    const read = await readForm(request, eventLanguagesForm);
    if (!read.ok) return formFailure(read);
    const form = read.data;
    if (form.intent === "default-language") {
      values = { intent: form.intent, defaultLanguage: form.defaultLanguage };
      await setDefaultLanguage(user, slug, form.defaultLanguage);
      return redirect(`${page}?saved=default`);
    }
    if (form.intent === "translation") {
      values = { intent: form.intent, language: form.language, title: form.title, summary: form.summary ?? "", description: form.description ?? "" };
      await saveEventTranslation(user, slug, form.language, form);
      return redirect(`${page}?saved=${form.language}#language-${form.language}`);
    }
    if (form.intent === "remove") {
      await removeEventTranslation(user, slug, form.language);
      return redirect(`${page}?removed=${form.language}`);
    }
    const titles = sessionTitlesOf(form);
    values = { intent: form.intent, language: form.language, ...Object.fromEntries(titles) };
    await saveSessionTitles(user, slug, form.language, titles);
    return redirect(`${page}?saved=sessions-${form.language}#sessions-${form.language}`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error, values);
  }
}

export default function EventLanguages() {
  const event = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failed: Failure | null = result && !result.ok ? { fieldErrors: result.fieldErrors, values: result.values, formError: result.formError } : null;
  const failedFor = (intent: string, language?: string) =>
    failed && failed.values.intent === intent && (language === undefined || failed.values.language === language) ? failed : null;
  const own = event.defaultLanguage as Language;
  const translated = LANGUAGES.filter((code) => code !== own && event.translations[code]);
  const addable = LANGUAGES.filter((code) => code !== own && !event.translations[code]);
  const disabled = event.status === "CANCELLED";
  const saved = params.get("saved");
  const removed = params.get("removed") as Language | null;
  const addFailure = failed && failed.values.intent === "translation" && !translated.includes(failed.values.language as Language) ? failed : null;

  return (
    <div className="stack">
      <h2>Languages</h2>
      <p className="tz-note">
        Visitors read the event in their own language when you give it here, otherwise in the event's own language. Dates, times and the rest of the page are
        translated for them already.
      </p>
      {saved ? (
        <div className="notice notice--success" role="status">
          Saved.
        </div>
      ) : null}
      {removed && LANGUAGE_NAMES[removed] ? (
        <div className="notice notice--success" role="status">
          {LANGUAGE_NAMES[removed]} removed from the event and its sessions.
        </div>
      ) : null}
      <section className="card">
        <DefaultLanguageForm current={own} failure={failedFor("default-language")} disabled={disabled} />
        <p className="tz-note">
          Its text is edited in <Link to={`/organise/events/${event.slug}/settings`}>Settings</Link>.
        </p>
      </section>
      {translated.map((code) => (
        <section key={code} className="card stack" id={`language-${code}`} aria-labelledby={`language-${code}-title`}>
          <h3 id={`language-${code}-title`}>{LANGUAGE_NAMES[code]}</h3>
          <TranslationForm language={code} stored={event.translations[code]} failure={failedFor("translation", code)} disabled={disabled} />
          <RemoveTranslationForm language={code} disabled={disabled} />
        </section>
      ))}
      {addable.length > 0 && !disabled ? (
        <section className="card stack" aria-labelledby="add-language-title">
          <h3 id="add-language-title">Add a language</h3>
          <TranslationForm choices={addable} failure={addFailure} disabled={disabled} />
        </section>
      ) : null}
      {translated.length > 0 && event.sessions.length > 0
        ? translated.map((code) => (
            <section key={code} className="card stack" id={`sessions-${code}`} aria-labelledby={`sessions-${code}-title`}>
              <h3 id={`sessions-${code}-title`}>Session titles in {LANGUAGE_NAMES[code]}</h3>
              <SessionTitlesForm language={code} sessions={event.sessions} failure={failedFor("session-titles", code)} disabled={disabled} />
            </section>
          ))
        : null}
    </div>
  );
}
