// /organisations/:slug/members — organisation admins invite people by email, approve or refuse
// requests to join, change roles and remove members; members see their role and may leave;
// anyone signed in may ask to join. The last administrator can neither leave nor be demoted.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { JoinOrganisationButton } from "~/components/community/join-button";
import { InviteForm, JoinRequests, MemberTable, PendingInvitations } from "~/components/community/members";
import { Notice } from "~/components/registration/status";
import { CsrfField, FormError } from "~/components/ui/forms";
import { MEMBERSHIP_ROLE_LABELS, membersFormSchema } from "~/domain/community/community-forms";
import { changeMembership, decideJoinRequest, inviteMember, membersPage, membersPath, revokeInvitation } from "~/domain/community/membership.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Members: ${data.organisation.name} — SCALE Events` : "Members — SCALE Events" },
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

const DONE: Record<string, string> = {
  invited: "Invitation sent. The link works once, for 14 days.",
  "already-invited": "This address already has a pending invitation; we did not send another.",
  approved: "Request approved: they are now a member.",
  refused: "Request refused.",
  withdrawn: "Invitation withdrawn.",
  changed: "Role changed.",
  removed: "Member removed.",
  left: "You left the organisation.",
  joined: "Welcome: you are now a member.",
  requested: "Your request was sent to the organisation's administrators.",
  pending: "You already asked to join; the administrators have not decided yet.",
};

export default function OrganisationMembers() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  // A new location (after a successful invitation) remounts the form, so it starts empty again.
  const location = useLocation();
  const done = Object.keys(DONE).find((key) => params.get(key));
  const inviteFailed = result && result.values.intent === "invite" ? result : null;
  const { organisation, viewer } = data;
  return (
    <section className="stack" aria-labelledby="members-title">
      <h1 id="members-title">Members of {organisation.name}</h1>
      {done ? <Notice tone="success">{DONE[done]}</Notice> : null}
      {result && !inviteFailed ? <FormError message={result.formError ?? "Please try again."} /> : null}
      {viewer.role ? (
        <div className="card inline-form">
          <p>
            You are {MEMBERSHIP_ROLE_LABELS[viewer.role].toLowerCase()} of {organisation.name}.
          </p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button button--ghost button--small">
              Leave {organisation.name}
            </button>
          </Form>
        </div>
      ) : viewer.joinPending ? (
        <p className="notice notice--info">Your request to join is waiting for the administrators.</p>
      ) : (
        <div className="card stack">
          <p>You are not a member of {organisation.name}.</p>
          <JoinOrganisationButton slug={organisation.slug} name={organisation.name} />
        </div>
      )}
      {viewer.manages ? (
        <div className="two-col">
          <div className="stack">
            <h2>Members</h2>
            <MemberTable members={data.members} viewerId={viewer.id} />
            <h2>Requests to join</h2>
            <JoinRequests requests={data.requests} />
          </div>
          <aside className="stack">
            <section className="card stack" aria-labelledby="invite-title">
              <h2 id="invite-title">Invite a colleague</h2>
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
