// /organise/events/:slug/team — who runs the event: owners and organisers add people by the
// email of their account, change roles and remove people. The rules (only owners touch owners,
// the last owner stays) are enforced in team.server.ts under a lock on the event row.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { TeamAddForm, TeamRolesHelp } from "~/components/events/team-add-form";
import { TeamList, type TeamRowFailure } from "~/components/events/team-list";
import { Notice } from "~/components/registration/status";
import { hasRole } from "~/domain/accounts/accounts.server";
import { TEAM_MANAGER_ROLES, TEAM_ROLE_LABELS, teamFormSchema } from "~/domain/events/team-input";
import { addTeamMember, changeTeamRole, getTeam, removeTeamMember, teamHomePath } from "~/domain/events/team.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Team: ${data.event.title} — SCALE Events` : "Team — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orErrorResponse(getTeam(user, params.slug ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const page = `/organise/events/${slug}/team`;
  let values: Record<string, string> = {};
  try {
    const read = await readForm(request, teamFormSchema);
    if (!read.ok) return formFailure(read);
    const form = read.data;
    if (form.intent === "add") {
      values = { intent: "add", email: form.email, role: form.role };
      const added = await addTeamMember(user, slug, form);
      return redirect(`${page}?added=${encodeURIComponent(added.name)}&as=${added.role}`);
    }
    values = { intent: form.intent, userId: form.userId, ...(form.intent === "role" ? { role: form.role } : {}) };
    if (form.intent === "role") {
      const result = await changeTeamRole(user, slug, form);
      const demotedSelf = form.userId === user.id && !TEAM_MANAGER_ROLES.includes(form.role) && !hasRole(user, "ADMIN");
      if (demotedSelf) return redirect(teamHomePath(slug, form.role));
      return redirect(`${page}?${result.changed ? "changed" : "unchanged"}=1#member-${form.userId}`);
    }
    const removed = await removeTeamMember(user, slug, form);
    if (removed.self && !hasRole(user, "ADMIN")) return redirect("/organise?left=1");
    return redirect(`${page}?removed=1`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error, values);
  }
}

export default function Team() {
  const { event, members, viewer, owners } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  // A new location (after a successful add) remounts the add form, so it starts empty again.
  const location = useLocation();
  const failed = result && !result.ok ? result : null;
  const intent = failed?.values.intent ?? (failed?.fieldErrors.email ? "add" : undefined);
  const addFailed = failed && (intent === "add" || intent === undefined) ? failed : null;
  const rowFailure: TeamRowFailure | null =
    failed && (intent === "role" || intent === "remove") && failed.values.userId
      ? { userId: failed.values.userId, formError: failed.formError, fieldError: failed.fieldErrors.role }
      : null;
  const pending = navigation.state === "submitting" ? navigation.formData : undefined;
  const busyUserId = pending && pending.get("intent") !== "add" ? String(pending.get("userId") ?? "") : null;
  const addedAs = params.get("as");
  const confirmRemove = rowFailure?.formError ? null : params.get("remove");

  return (
    <div className="two-col team-page">
      <section className="stack" aria-labelledby="team-title">
        <h2 id="team-title">
          Team <span className="tz-note team-count">{members.length === 1 ? "1 person" : `${members.length} people`}</span>
        </h2>
        {params.get("added") ? (
          <Notice tone="success">
            {params.get("added")} was added
            {addedAs && addedAs in TEAM_ROLE_LABELS ? ` as ${TEAM_ROLE_LABELS[addedAs as keyof typeof TEAM_ROLE_LABELS].toLowerCase()}` : ""} and emailed a
            link.
          </Notice>
        ) : null}
        {params.get("changed") ? <Notice tone="success">Role changed.</Notice> : null}
        {params.get("unchanged") ? <Notice tone="info">That was already their role; nothing changed.</Notice> : null}
        {params.get("removed") ? <Notice tone="success">Removed from the team.</Notice> : null}
        {failed && !addFailed && !rowFailure ? <Notice tone="error">{failed.formError ?? "Please try again."}</Notice> : null}
        {members.length <= 1 ? (
          <p className="tz-note">
            {members.length === 0 ? "Nobody is on this team yet." : "Only one person runs this event so far."} Add colleagues with the form: organisers to share
            the work, moderators for live Q&amp;A, check-in staff for the door.
          </p>
        ) : null}
        {members.length > 0 ? (
          <TeamList
            slug={event.slug}
            timeZone={event.timeZone}
            members={members}
            viewer={viewer}
            owners={owners}
            confirmRemove={confirmRemove}
            failure={rowFailure}
            busyUserId={busyUserId}
          />
        ) : null}
        {viewer.admin && viewer.role === null ? <p className="tz-note">You are not on this team; as an administrator you can still manage it.</p> : null}
      </section>

      <aside className="stack">
        <section className="card team-add-card" aria-labelledby="team-add-title">
          <h2 id="team-add-title">Add a person</h2>
          <TeamAddForm
            key={location.key}
            grantable={viewer.grantable}
            errors={addFailed?.fieldErrors ?? {}}
            values={addFailed?.values ?? {}}
            formError={addFailed && Object.keys(addFailed.fieldErrors).length === 0 ? addFailed.formError : undefined}
            submitting={pending?.get("intent") === "add"}
          />
        </section>
        <section className="card team-roles-card" aria-labelledby="team-roles-title">
          <h2 id="team-roles-title">Roles</h2>
          <TeamRolesHelp />
        </section>
      </aside>
    </div>
  );
}
