// The organisation members page's parts: members with their role, pending requests to join and
// invitations, the invitation form. Plain forms (no JavaScript needed); each posts an intent.
import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { bindFields, CsrfField, SelectField, TextField } from "~/components/ui/forms";
import { MEMBERSHIP_ROLES, inviteSchema, type MembershipRoleName } from "~/domain/community/community-forms";
import { day } from "./labels";

const roleOptions = (t: TFunction) => MEMBERSHIP_ROLES.map((role): [string, string] => [role, t(`community.membershipRoles.${role}`)]);

interface Member {
  userId: string;
  name: string;
  jobTitle: string | null;
  role: (typeof MEMBERSHIP_ROLES)[number];
  since: string;
}

export function MemberTable({ members, viewerId }: { members: Member[]; viewerId: string }) {
  const { t } = useTranslation();
  return (
    <div className="card admin-table-wrap">
      <table className="admin-table">
        <caption className="visually-hidden">{t("community.members.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("community.members.member")}</th>
            <th scope="col">{t("community.members.role")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("community.members.remove")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} id={`member-${m.userId}`}>
              <td>
                <strong>{m.name}</strong>
                {m.userId === viewerId ? t("community.members.you") : ""}
                <div className="tz-note">
                  {m.jobTitle ? `${m.jobTitle} · ` : ""}
                  {t("community.members.since", { date: day(m.since) })}
                </div>
              </td>
              <td>
                <Form method="post" className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="role" />
                  <input type="hidden" name="userId" value={m.userId} />
                  <SelectField
                    label={t("community.members.roleOf", { name: m.name })}
                    labelHidden
                    id={`role-${m.userId}`}
                    name="role"
                    defaultValue={m.role}
                    options={roleOptions(t)}
                  />
                  <button type="submit" className="button button--small button--ghost">
                    {t("community.members.changeRole")}
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
                      {t("community.members.removeName", { name: m.name })}
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
  const { t } = useTranslation();
  if (requests.length === 0) return <p className="empty-state">{t("community.members.noRequests")}</p>;
  return (
    <ul className="plain-list">
      {requests.map((r) => (
        <li key={r.id} className="intro-card">
          <span>
            <strong>{r.name}</strong>
            {r.jobTitle ? `, ${r.jobTitle}` : ""} <span className="tz-note">{t("community.members.askedOn", { date: day(r.createdAt) })}</span>
          </span>
          {r.message ? <blockquote>{r.message}</blockquote> : null}
          <Form method="post" className="inline-form">
            <CsrfField />
            <input type="hidden" name="requestId" value={r.id} />
            <button type="submit" name="intent" value="approve" className="button button--small">
              {t("community.members.approve", { name: r.name })}
            </button>
            <button type="submit" name="intent" value="refuse" className="button button--small button--ghost">
              {t("community.members.refuse")}
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}

export function PendingInvitations({ invitations }: { invitations: { id: string; email: string; role: string; expiresAt: string }[] }) {
  const { t } = useTranslation();
  if (invitations.length === 0) return null;
  return (
    <>
      <h3>{t("community.members.pendingInvitations")}</h3>
      <ul className="plain-list">
        {invitations.map((i) => (
          <li key={i.id} className="inline-form">
            <span>
              {i.email} · {t(`community.membershipRoles.${i.role as MembershipRoleName}`)} · {t("community.members.until", { date: day(i.expiresAt) })}
            </span>
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="invitationId" value={i.id} />
              <button type="submit" name="intent" value="revoke" className="button button--small button--ghost">
                {t("community.members.withdraw")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}

export function InviteForm({ errors, values }: { errors?: Record<string, string>; values?: Record<string, string> }) {
  const { t } = useTranslation();
  const fields = bindFields(inviteSchema, { errors, values: values ?? { role: "MEMBER" } });
  return (
    <Form method="post" className="stack" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="invite" />
      <TextField label={t("community.members.email")} {...fields.email} type="email" autoComplete="off" />
      <SelectField label={t("community.members.role")} {...fields.role} options={roleOptions(t)} />
      <button type="submit" className="button">
        {t("community.members.sendInvitation")}
      </button>
    </Form>
  );
}
