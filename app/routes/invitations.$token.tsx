// /invitations/:token — an organisation's emailed invitation. GET shows it (using nothing);
// POST accepts it for the signed-in person it was sent to: single use, expiring, refused for
// another address (the link then still works for the right person).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { CsrfField, FormError } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { translate } from "~/domain/kernel/i18n/translate";
import { acceptInvitation, membersPath, viewInvitation } from "~/domain/community/membership.server";
import { getUser, requireUser } from "~/web/auth.server";
import { domainFailure, readForm } from "~/web/forms.server";
import { resolveLanguage } from "~/web/i18n.server";
import { z } from "zod";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("community.invitation.metaTitle") }, { name: "referrer", content: "no-referrer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [invitation, user] = await Promise.all([viewInvitation(params.token), getUser(request)]);
  const here = new URL(request.url).pathname;
  return { invitation, signedInAs: user?.email ?? null, here };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, z.object({}));
  if (!form.ok) return { ok: false as const, formError: translate(await resolveLanguage(request), "community.invitation.reload"), fieldErrors: {}, values: {} };
  try {
    const joined = await acceptInvitation(user, params.token);
    return redirect(`${membersPath(joined.slug)}?joined=1`);
  } catch (error) {
    return domainFailure(error);
  }
}

export default function Invitation() {
  const { invitation, signedInAs, here } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!invitation) {
    return (
      <section className="card form-card" aria-labelledby="invitation-title">
        <h1 id="invitation-title">{t("community.invitation.unusableTitle")}</h1>
        <div className="notice notice--error" role="alert">
          {t("community.invitation.unusable")}
        </div>
      </section>
    );
  }
  const signIn = `/signin?redirectTo=${encodeURIComponent(here)}`;
  const signUp = `/signup?redirectTo=${encodeURIComponent(here)}`;
  return (
    <section className="card form-card stack" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("community.invitation.title", { name: invitation.organisation.name })}</h1>
      <p>
        <Trans
          i18nKey="community.invitation.invites"
          values={{
            inviter: invitation.inviterName,
            email: invitation.email,
            organisation: invitation.organisation.name,
            role: t(`community.membershipRolesInSentence.${invitation.role}`),
          }}
          components={{ strong: <strong /> }}
        />
      </p>
      <FormError message={result && !result.ok ? result.formError : undefined} />
      {signedInAs === null ? (
        <p>
          <Trans
            i18nKey="community.invitation.signInOrUp"
            values={{ email: invitation.email }}
            components={{ signin: <Link to={signIn} />, signup: <Link to={signUp} /> }}
          />
        </p>
      ) : signedInAs !== invitation.email ? (
        <p className="notice notice--info">{t("community.invitation.wrongAccount", { current: signedInAs, email: invitation.email })}</p>
      ) : (
        <Form method="post">
          <CsrfField />
          <button type="submit" className="button">
            {t("community.invitation.accept")}
          </button>
        </Form>
      )}
    </section>
  );
}
