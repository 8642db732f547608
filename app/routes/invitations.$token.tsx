// /invitations/:token — an organisation's emailed invitation. GET shows it (using nothing);
// POST accepts it for the signed-in person it was sent to: single use, expiring, refused for
// another address (the link then still works for the right person).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, FormError } from "~/components/ui/forms";
import { MEMBERSHIP_ROLE_LABELS } from "~/domain/community/community-forms";
import { acceptInvitation, membersPath, viewInvitation } from "~/domain/community/membership.server";
import { getUser, requireUser } from "~/web/auth.server";
import { domainFailure, readForm } from "~/web/forms.server";
import { z } from "zod";

export const meta: MetaFunction = () => [{ title: "Invitation — SCALE Events" }, { name: "referrer", content: "no-referrer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [invitation, user] = await Promise.all([viewInvitation(params.token), getUser(request)]);
  const here = new URL(request.url).pathname;
  return { invitation, signedInAs: user?.email ?? null, here };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, z.object({}));
  if (!form.ok) return { ok: false as const, formError: "Reload the page and try again.", fieldErrors: {}, values: {} };
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
  if (!invitation) {
    return (
      <section className="card form-card" aria-labelledby="invitation-title">
        <h1 id="invitation-title">This invitation cannot be used</h1>
        <div className="notice notice--error" role="alert">
          This invitation link is no longer valid: it was used, withdrawn or has expired. Ask the organisation for a new one.
        </div>
      </section>
    );
  }
  const signIn = `/signin?redirectTo=${encodeURIComponent(here)}`;
  const signUp = `/signup?redirectTo=${encodeURIComponent(here)}`;
  return (
    <section className="card form-card stack" aria-labelledby="invitation-title">
      <h1 id="invitation-title">Join {invitation.organisation.name}</h1>
      <p>
        {invitation.inviterName} invites <strong>{invitation.email}</strong> to join {invitation.organisation.name} as{" "}
        {MEMBERSHIP_ROLE_LABELS[invitation.role].toLowerCase()}.
      </p>
      <FormError message={result && !result.ok ? result.formError : undefined} />
      {signedInAs === null ? (
        <p>
          <Link to={signIn}>Sign in</Link> or <Link to={signUp}>create an account</Link> with {invitation.email} to accept.
        </p>
      ) : signedInAs !== invitation.email ? (
        <p className="notice notice--info">
          You are signed in as {signedInAs}. This invitation is for {invitation.email}: sign out and sign in with that address to accept it.
        </p>
      ) : (
        <Form method="post">
          <CsrfField />
          <button type="submit" className="button">
            Accept and join
          </button>
        </Form>
      )}
    </section>
  );
}
