// One introduction on /my/introductions, received or sent. Addresses only once accepted.
import { Form } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { CsrfField, TextField } from "~/components/ui/forms";
import { day, introductionStatusKey } from "./labels";

interface Received {
  id: string;
  message: string;
  status: string;
  createdAt: string;
  toOrganisation: string | null;
  from: { id: string; name: string; jobTitle: string | null; email: string | null };
  blocked: boolean;
  reported: boolean;
}

export function ReceivedIntroduction({ intro }: { intro: Received }) {
  const { t } = useTranslation();
  return (
    <li className="card intro-card" id={`intro-${intro.id}`} aria-label={t("community.introductions.from", { name: intro.from.name })}>
      <span>
        <strong>{intro.from.name}</strong>
        {intro.from.jobTitle ? `, ${intro.from.jobTitle}` : ""}
        {intro.toOrganisation ? ` → ${intro.toOrganisation}` : ""} <span className="tz-note">{day(intro.createdAt)}</span>
      </span>
      <blockquote>{intro.message}</blockquote>
      <span className="badge">{t(introductionStatusKey(intro.status))}</span>
      {intro.from.email ? (
        <p>
          <Trans
            i18nKey="community.introductions.contact"
            values={{ email: intro.from.email }}
            components={{ linkto: <a href={`mailto:${intro.from.email}`}>{intro.from.email}</a> }}
          />
        </p>
      ) : null}
      <Form method="post" className="inline-form">
        <CsrfField />
        <input type="hidden" name="introductionId" value={intro.id} />
        {intro.status === "PENDING" ? (
          <>
            <button type="submit" name="intent" value="accept" className="button button--small">
              {t("community.introductions.accept")}
            </button>
            <button type="submit" name="intent" value="decline" className="button button--small button--ghost">
              {t("community.introductions.decline")}
            </button>
          </>
        ) : null}
        {intro.blocked ? (
          <span className="tz-note">{t("community.introductions.senderBlocked")}</span>
        ) : (
          <button type="submit" name="intent" value="block" className="button button--small button--ghost">
            {t("community.introductions.block", { name: intro.from.name })}
          </button>
        )}
      </Form>
      {intro.reported ? (
        <p className="tz-note">{t("community.introductions.reported")}</p>
      ) : (
        <details>
          <summary>{t("community.introductions.report")}</summary>
          <Form method="post" className="inline-form">
            <CsrfField />
            <input type="hidden" name="introductionId" value={intro.id} />
            <TextField label={t("community.introductions.whatIsWrong")} name="reason" id={`reason-${intro.id}`} maxLength={1000} />
            <button type="submit" name="intent" value="report" className="button button--small button--ghost">
              {t("community.introductions.sendReport")}
            </button>
          </Form>
        </details>
      )}
    </li>
  );
}

interface Sent {
  id: string;
  message: string;
  status: string;
  createdAt: string;
  to: string;
  contact: { name: string; email: string } | null;
}

export function SentIntroduction({ intro }: { intro: Sent }) {
  const { t } = useTranslation();
  return (
    <li className="card intro-card" id={`intro-${intro.id}`} aria-label={t("community.introductions.to", { name: intro.to })}>
      <span>
        <Trans i18nKey="community.introductions.toLine" values={{ name: intro.to }} components={{ strong: <strong /> }} />{" "}
        <span className="tz-note">{day(intro.createdAt)}</span>
      </span>
      <blockquote>{intro.message}</blockquote>
      <span className="badge">{t(introductionStatusKey(intro.status))}</span>
      {intro.contact ? (
        <p>
          {intro.contact.name}: <a href={`mailto:${intro.contact.email}`}>{intro.contact.email}</a>
        </p>
      ) : null}
    </li>
  );
}
