// The organisation members page's parts: members with their role, pending requests to join and
// invitations, the invitation form. Plain forms (no JavaScript needed); each posts an intent.
import { Form } from "@remix-run/react";
import { bindFields, CsrfField, SelectField, TextField } from "~/components/ui/forms";
import { MEMBERSHIP_ROLE_LABELS, MEMBERSHIP_ROLES, inviteSchema } from "~/domain/community/community-forms";
import { day } from "./labels";

const roleOptions = MEMBERSHIP_ROLES.map((role): [string, string] => [role, MEMBERSHIP_ROLE_LABELS[role]]);

interface Member {
  userId: string;
  name: string;
  jobTitle: string | null;
  role: (typeof MEMBERSHIP_ROLES)[number];
  since: string;
}

export function MemberTable({ members, viewerId }: { members: Member[]; viewerId: string }) {
  return (
    <div className="card admin-table-wrap">
      <table className="admin-table">
        <caption className="visually-hidden">Members and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} id={`member-${m.userId}`}>
              <td>
                <strong>{m.name}</strong>
                {m.userId === viewerId ? " (you)" : ""}
                <div className="tz-note">
                  {m.jobTitle ? `${m.jobTitle} · ` : ""}since {day(m.since)}
                </div>
              </td>
              <td>
                <Form method="post" className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="userId" value={m.userId} />
                  <SelectField label={`Role of ${m.name}`} labelHidden id={`role-${m.userId}`} name="role" defaultValue={m.role} options={roleOptions} />
                  <button type="submit" className="button button--small button--ghost">
                    Change role
                  </button>
                </Form>
              </td>
              <td>
                {m.userId === viewerId ? null : (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" className="button button--small button--ghost">
                      Remove {m.name}
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function JoinRequests({ requests }: { requests: { id: string; name: string; jobTitle: string | null; message: string | null; createdAt: string }[] }) {
  if (requests.length === 0) return <p className="empty-state">No requests to join are waiting.</p>;
  return (
    <ul className="plain-list">
      {requests.map((r) => (
        <li key={r.id} className="intro-card">
          <span>
            <strong>{r.name}</strong>
            {r.jobTitle ? `, ${r.jobTitle}` : ""} <span className="tz-note">asked {day(r.createdAt)}</span>
          </span>
          {r.message ? <blockquote>{r.message}</blockquote> : null}
          <Form method="post" className="inline-form">
            <CsrfField />
            <input type="hidden" name="requestId" value={r.id} />
            <button type="submit" name="intent" value="approve" className="button button--small">
              Approve {r.name}
            </button>
            <button type="submit" name="intent" value="refuse" className="button button--small button--ghost">
              Refuse
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

export function PendingInvitations({ invitations }: { invitations: { id: string; email: string; role: string; expiresAt: string }[] }) {
  if (invitations.length === 0) return null;
  return (
    <>
      <h3>Pending invitations</h3>
      <ul className="plain-list">
        {invitations.map((i) => (
          <li key={i.id} className="inline-form">
            <span>
              {i.email} · {MEMBERSHIP_ROLE_LABELS[i.role as keyof typeof MEMBERSHIP_ROLE_LABELS]} · until {day(i.expiresAt)}
            </span>
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="invitationId" value={i.id} />
              <button type="submit" name="intent" value="revoke" className="button button--small button--ghost">
                Withdraw
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}

export function InviteForm({ errors, values }: { errors?: Record<string, string>; values?: Record<string, string> }) {
  const fields = bindFields(inviteSchema, { errors, values: values ?? { role: "MEMBER" } });
  return (
    <Form method="post" className="stack" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="invite" />
      <TextField label="Email address" {...fields.email} type="email" autoComplete="off" />
      <SelectField label="Role" {...fields.role} options={roleOptions} />
      <button type="submit" className="button">
        Send invitation
      </button>
    </Form>
  );
}
