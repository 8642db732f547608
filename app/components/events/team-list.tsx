// The rows of an event's Team page: who, role, since, and the controls the viewer may use on
// them (change role, remove after a confirmation). Owners' rows show no controls to organisers,
// and the last owner's row none at all: the server refuses those changes anyway.
import { Form, Link } from "@remix-run/react";
import { bindFields, CsrfField, FormError, SelectField } from "~/components/ui/forms";
import { TEAM_ROLE_LABELS, teamFormSchema, type TeamRole } from "~/domain/events/team-input";
import { formatDate } from "~/domain/kernel/time/zoned";

export interface TeamRowData {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
  since: string | Date;
}

export interface TeamViewer {
  id: string;
  admin: boolean;
  role: TeamRole | null;
  grantable: TeamRole[];
}

export interface TeamRowFailure {
  userId: string;
  formError?: string;
  fieldError?: string;
}

export function TeamRoleBadge({ role }: { role: TeamRole }) {
  return <span className={`badge team-badge team-badge--${role}`}>{TEAM_ROLE_LABELS[role]}</span>;
}

function lockedReason(member: TeamRowData, viewer: TeamViewer, owners: number): string | null {
  const ownerPower = viewer.admin || viewer.role === "OWNER";
  if (member.role === "OWNER" && !ownerPower) return "Only an owner can change an owner.";
  if (member.role === "OWNER" && owners <= 1) return "The only owner: make someone else an owner before changing or removing them.";
  return null;
}

export function TeamList({
  slug,
  timeZone,
  members,
  viewer,
  owners,
  confirmRemove,
  failure,
  busyUserId,
}: {
  slug: string;
  timeZone: string;
  members: TeamRowData[];
  viewer: TeamViewer;
  owners: number;
  confirmRemove: string | null;
  failure: TeamRowFailure | null;
  busyUserId: string | null;
}) {
  const roleFields = bindFields(teamFormSchema);
  return (
    <ul className="reg-admin-list team-list">
      {members.map((member) => {
        const self = member.userId === viewer.id;
        const locked = lockedReason(member, viewer, owners);
        const rowFailure = failure?.userId === member.userId ? failure : null;
        // An owner may be kept as owner by someone who cannot grant it; otherwise only grantable roles.
        const options = viewer.grantable.includes(member.role) ? viewer.grantable : [member.role, ...viewer.grantable];
        const selectId = `team-role-${member.userId}`;
        return (
          <li key={member.userId} className="card team-row" id={`member-${member.userId}`}>
            <div className="team-row__who">
              <strong>
                {member.name}
                {self ? <span className="tz-note"> (you)</span> : null}
              </strong>
              <a className="team-row__email" href={`mailto:${member.email}`}>
                {member.email}
              </a>
            </div>
            <div className="team-row__role">
              <TeamRoleBadge role={member.role} />
              <span className="tz-note">since {formatDate(new Date(member.since), timeZone)}</span>
            </div>
            {rowFailure?.formError ? (
              <div className="team-row__full">
                <FormError message={rowFailure.formError} />
              </div>
            ) : null}
            {locked ? (
              <p className="tz-note team-row__full">{locked}</p>
            ) : confirmRemove === member.userId ? (
              <Form method="post" className="team-row__full team-row__confirm" aria-label={`Remove ${member.name}`}>
                <CsrfField />
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="userId" value={member.userId} />
                <p>
                  {self
                    ? "Remove yourself from this team? You will lose access to its organiser pages."
                    : `Remove ${member.name} from the team? They lose access to this event's organiser pages at once.`}
                </p>
                <div className="button-row">
                  <button type="submit" className="button button--small reg-danger" disabled={busyUserId === member.userId}>
                    {busyUserId === member.userId ? "Removing…" : self ? "Yes, remove me" : "Yes, remove"}
                  </button>
                  <Link className="button button--small button--ghost" to={`/organise/events/${slug}/team`} preventScrollReset>
                    Keep
                  </Link>
                </div>
              </Form>
            ) : (
              <div className="team-row__actions team-row__full">
                <Form method="post" className="team-row__change">
                  <CsrfField />
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="userId" value={member.userId} />
                  <SelectField
                    label={`Role of ${member.name}`}
                    labelHidden
                    id={selectId}
                    {...roleFields.role}
                    defaultValue={member.role}
                    error={rowFailure?.fieldError}
                    options={options.map((role) => [role, TEAM_ROLE_LABELS[role]])}
                  />
                  <button type="submit" className="button button--small button--ghost" disabled={busyUserId === member.userId}>
                    Change role
                  </button>
                </Form>
                <Link className="button button--small button--danger" to={`?remove=${member.userId}#member-${member.userId}`} preventScrollReset>
                  {self ? "Leave…" : "Remove…"}
                </Link>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
