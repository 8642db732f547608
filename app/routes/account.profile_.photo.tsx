// /account/profile/photo — upload, replace or remove one's profile photo. The body may be larger
// than other forms' (app/web/upload-limits.ts); the image is checked and re-encoded by the domain.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/accounts/account-nav";
import { ImageUploadForm } from "~/components/network/image-upload";
import { metaT } from "~/components/ui/i18n";
import { translate } from "~/domain/kernel/i18n/translate";
import { imageForm } from "~/domain/network/network-forms";
import { loadMyProfile, removeProfilePhoto, setProfilePhoto } from "~/domain/network/profile.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure } from "~/web/forms.server";
import { resolveLanguage } from "~/web/i18n.server";
import { readUpload } from "~/web/uploads.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("network.photo.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const me = await loadMyProfile(user.id);
  return { name: me.name, photoId: me.profile.photoId };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const upload = await readUpload(request, imageForm, "photo");
  if (!upload.ok) return formFailure(upload);
  const language = await resolveLanguage(request);
  try {
    if (upload.data.intent === "remove") {
      await removeProfilePhoto(user.id);
      return { ok: true as const, message: translate(language, "network.photo.removed") };
    }
    await setProfilePhoto(user.id, upload.file);
    return { ok: true as const, message: translate(language, "network.photo.saved") };
  } catch (error) {
    return domainFailure(error);
  }
}

export default function ProfilePhoto() {
  const { name, photoId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="account-page stack" aria-labelledby="photo-title">
      <header>
        <h1 id="photo-title">{t("network.photo.title")}</h1>
        <AccountNav />
      </header>
      <div className="card stack">
        <ImageUploadForm label={t("network.photo.label")} field="photo" name={name} imageId={photoId} result={result} shape="round" />
      </div>
      <p>
        <Link to="/account/profile">{t("network.photo.back")}</Link>
      </p>
    </section>
  );
}
