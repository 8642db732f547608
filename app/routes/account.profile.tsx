// /account/profile — what the person tells the network, their photo, and whether they are listed
// in the people directory and open to introductions (both off until ticked).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/accounts/account-nav";
import { Avatar } from "~/components/network/cards";
import { ProfileForm, type ProfileFormValues } from "~/components/network/profile-form";
import { FormError } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { translate } from "~/domain/kernel/i18n/translate";
import { profileForm } from "~/domain/network/network-forms";
import { loadMyProfile, saveProfile } from "~/domain/network/profile.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { resolveLanguage } from "~/web/i18n.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("network.profile.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const me = await loadMyProfile(user.id);
  const values: ProfileFormValues = {
    name: me.name,
    jobTitle: me.jobTitle ?? "",
    organisationId: me.profile.organisationId ?? "",
    organisationName: me.profile.organisationName ?? "",
    bio: me.profile.bio ?? "",
    country: me.profile.country ?? "",
    city: me.profile.city ?? "",
    languages: [...me.profile.languages],
    timeZone: me.timeZone ?? "",
    themes: [...me.profile.themes],
    intents: [...me.profile.intents],
    expertise: me.profile.expertise.join(", "),
    listed: me.profile.listed,
    openToIntroductions: me.profile.openToIntroductions,
  };
  return {
    id: user.id,
    values,
    photoId: me.profile.photoId,
    organisations: me.organisations,
    emailVerified: me.emailVerified,
    zones: Intl.supportedValuesOf("timeZone").filter((zone) => zone.startsWith("Europe/") || zone === "UTC"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, profileForm);
  if (!form.ok) return formFailure(form);
  try {
    await saveProfile(user.id, form.data);
    return { ok: true as const, message: translate(await resolveLanguage(request), "network.profile.saved") };
  } catch (error) {
    return domainFailure(error);
  }
}

export default function MyProfile() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const failure = result && !result.ok ? result : null;
  const values = failure ? echoed(data.values, failure.values) : data.values;
  return (
    <section className="account-page stack" aria-labelledby="profile-title">
      <header>
        <h1 id="profile-title">{t("network.profile.title")}</h1>
        <AccountNav />
      </header>
      <p className="tz-note">
        {t("network.profile.intro")}{" "}
        {data.values.listed ? <Link to={`/people/${data.id}`}>{t("network.profile.seeAsOthers")}</Link> : t("network.profile.notListed")}
      </p>
      <div className="card stack">
        <div className="image-upload">
          <Avatar name={data.values.name} imageId={data.photoId} size="l" />
          <Link to="/account/profile/photo" className="button button--ghost">
            {data.photoId ? t("network.profile.changePhoto") : t("network.profile.addPhoto")}
          </Link>
        </div>
      </div>
      <div className="card stack">
        {result?.ok ? (
          <div className="notice notice--success" role="status">
            {result.message}
          </div>
        ) : null}
        <FormError message={failure?.formError} />
        <ProfileForm
          key={failure ? "failed" : "saved"}
          values={values}
          errors={failure?.fieldErrors}
          organisations={data.organisations}
          zones={data.zones}
          emailVerified={data.emailVerified}
        />
      </div>
    </section>
  );
}

/** After a refused save, the values typed (checkbox groups come back as the last value only, so the stored ones stay). */
function echoed(stored: ProfileFormValues, typed: Record<string, string>): ProfileFormValues {
  const text = (key: keyof ProfileFormValues & string) => (typed[key] ?? stored[key]) as string;
  return {
    ...stored,
    name: text("name"),
    jobTitle: text("jobTitle"),
    organisationName: text("organisationName"),
    bio: text("bio"),
    city: text("city"),
    expertise: text("expertise"),
    listed: typed.listed === "on",
    openToIntroductions: typed.openToIntroductions === "on",
  };
}
