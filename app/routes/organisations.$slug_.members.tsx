// /organisations/:slug/members — organisation admins invite people by email, approve or refuse
// requests to join, change roles and remove members; members see their role and may leave;
// anyone signed in may ask to join. The last administrator can neither leave nor be demoted.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { JoinOrganisationButton } from "~/components/community/join-button";
import { InviteForm, JoinRequests, MemberTable, PendingInvitations } from "~/components/community/members";
import { Notice } from "~/components/registration/status";
import { CsrfField, FormError } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { membersFormSchema } from "~/domain/community/community-forms";
import { changeMembership, decideJoinRequest, inviteMember, membersPage, membersPath, revokeInvitation } from "~/domain/community/membership.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? metaT(matches)("community.members.metaTitle", { name: data.organisation.name }) : metaT(matches)("community.members.metaFallback") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await orErrorResponse(membersPage(user, params.slug ?? ""));
  return {
    ...page,
    members: page.members.map((m) => ({ ...m, since: m.since.toISOString() })),
    requests: page.requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    invitations: page.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const form = await readForm(request, membersFormSchema);
  if (!form.ok) return formFailure(form);
  const data = form.data;
  const back = (done: string) => redirect(`${membersPath(slug)}?${done}=1`);
  try {
    switch (data.intent) {
      case "invite":
        return back((await inviteMember(user, slug, data)).sent ? "invited" : "already-invited");
      case "approve":
      case "refuse":
        await decideJoinRequest(user, slug, data.requestId, data.intent === "approve");
        return back(data.intent === "approve" ? "approved" : "refused");
      case "revoke":
        await revokeInvitation(user, slug, data.invitationId);
        return back("withdrawn");
      case "role":
        await changeMembership(user, slug, { kind: "role", userId: data.userId, role: data.role });
        return back("changed");
      case "remove":
        await changeMembership(user, slug, { kind: "remove", userId: data.userId });
        return back("removed");
      case "leave":
        await changeMembership(user, slug, { kind: "leave" });
        return redirect(`${membersPath(slug)}?left=1`);
    }
  } catch (error) {
    return domainFailure(error, data.intent === "invite" ? { intent: "invite", email: data.email, role: data.role } : { intent: data.intent });
  }
}

/** The query flag each action redirects with, and the key of its message. */
const DONE = {
  invited: "invited",
  "already-invited": "alreadyInvited",
  approved: "approved",
  refused: "refused",
  withdrawn: "withdrawn",
  changed: "changed",
  removed: "removed",
  left: "left",
  joined: "joined",
  requested: "requested",
  pending: "pending",
} as const;

export default function OrganisationMembers() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  // A new location (after a successful invitation) remounts the form, so it starts empty again.
  const location = useLocation();
  const done = (Object.keys(DONE) as (keyof typeof DONE)[]).find((key) => params.get(key));
  const { t } = useTranslation();
  const inviteFailed = result && result.values.intent === "invite" ? result : null;
  const { organisation, viewer } = data;
  return (
    <section className="stack" aria-labelledby="members-title">
      <h1 id="members-title">{t("community.members.title", { name: organisation.name })}</h1>
      {done ? <Notice tone="success">{t(`community.members.done.${DONE[done]}`)}</Notice> : null}
      {result && !inviteFailed ? <FormError message={result.formError ?? t("community.members.tryAgain")} /> : null}
      {viewer.role ? (
        <div className="card inline-form">
          <p>{t("community.members.youAre", { role: t(`community.membershipRolesInSentence.${viewer.role}`), name: organisation.name })}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button button--ghost button--small">
              {t("community.members.leave", { name: organisation.name })}
            </button>
          </Form>
        </div>
      ) : viewer.joinPending ? (
        <p className="notice notice--info">{t("community.members.joinPending")}</p>
      ) : (
        <div className="card stack">
          <p>{t("community.members.notMember", { name: organisation.name })}</p>
          <JoinOrganisationButton slug={organisation.slug} name={organisation.name} />
        </div>
      )}
      {viewer.manages ? (
        <div className="two-col">
          <div className="stack">
            <h2>{t("community.members.members")}</h2>
            <MemberTable members={data.members} viewerId={viewer.id} />
            <h2>{t("community.members.requests")}</h2>
            <JoinRequests requests={data.requests} />
          </div>
          <aside className="stack">
            <section className="card stack" aria-labelledby="invite-title">
              <h2 id="invite-title">{t("community.members.invite")}</h2>
              <FormError message={inviteFailed && Object.keys(inviteFailed.fieldErrors).length === 0 ? inviteFailed.formError : undefined} />
              <InviteForm key={location.key} errors={inviteFailed?.fieldErrors} values={inviteFailed?.values} />
              <PendingInvitations invitations={data.invitations} />
            </section>
          </aside>
        </div>
      ) : null}
    </section>
  );
}
