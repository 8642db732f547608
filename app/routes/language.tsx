// /language — the switcher at the foot of every page. GET (visitors): remember the language in
// the `lang` cookie and go back. POST (signed in, CSRF-checked): also save it on the account,
// which outranks the cookie. An unknown language changes nothing; it is never an error.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { languageSwitchSchema } from "~/domain/accounts/account-forms";
import { setLocale } from "~/domain/accounts/settings.server";
import { toLanguage } from "~/domain/kernel/i18n/languages";
import { getUser, safeRedirect } from "~/web/auth.server";
import { formFailure, readForm } from "~/web/forms.server";
import { languageCookie } from "~/web/i18n.server";

function back(redirectTo: string | null | undefined, lang: string | null | undefined): Response {
  const language = toLanguage(lang);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (language) headers.set("Set-Cookie", languageCookie(language));
  return redirect(safeRedirect(redirectTo, "/"), { headers });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const parsed = languageSwitchSchema.safeParse({ lang: params.get("lang") ?? undefined, redirectTo: params.get("redirectTo") ?? undefined });
  return back(parsed.success ? parsed.data.redirectTo : null, parsed.success ? parsed.data.lang : null);
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request, languageSwitchSchema);
  if (!form.ok) return formFailure(form);
  const language = toLanguage(form.data.lang);
  const user = await getUser(request);
  if (user && language) await setLocale(user.id, language);
  return back(form.data.redirectTo, form.data.lang);
}
