// /my/introductions — introductions received (accept, decline, block the sender, report to the
// admins) and sent. Email addresses appear only on accepted introductions, for both sides.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReceivedIntroduction, SentIntroduction } from "~/components/community/introductions";
import { Notice } from "~/components/registration/status";
import { FormError } from "~/components/ui/forms";
import { metaT } from "~/components/ui/i18n";
import { introductionAnswerSchema } from "~/domain/community/community-forms";
import { answerIntroduction, blockSender, myIntroductions, reportIntroduction } from "~/domain/community/introductions.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("community.introductions.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { received, sent } = await myIntroductions(user);
  return {
    received: received.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    sent: sent.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, introductionAnswerSchema);
  if (!form.ok) return formFailure(form);
  const data = form.data;
  try {
    if (data.intent === "accept" || data.intent === "decline") await answerIntroduction(user, data.introductionId, data.intent === "accept");
    else if (data.intent === "block") await blockSender(user, data.introductionId);
    else await reportIntroduction(user, data.introductionId, data.reason);
    return redirect(`/my/introductions?done=${data.intent}#intro-${data.introductionId}`);
  } catch (error) {
    return domainFailure(error, { intent: data.intent, introductionId: data.introductionId });
  }
}

const DONE = ["sent", "accept", "decline", "block", "report"] as const;
const isDone = (value: string | null): value is (typeof DONE)[number] => DONE.some((done) => done === value);

export default function MyIntroductions() {
  const { received, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done") ?? (params.get("sent") ? "sent" : null);
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="intros-title">
      <h1 id="intros-title">{t("community.introductions.title")}</h1>
      {isDone(done) ? <Notice tone="success">{t(`community.introductions.done.${done}`)}</Notice> : null}
      <FormError message={result?.formError ?? (result ? Object.values(result.fieldErrors)[0] : undefined)} />
      <div className="two-col">
        <section className="stack" aria-labelledby="received-title">
          <h2 id="received-title">{t("community.introductions.received")}</h2>
          {received.length === 0 ? (
            <p className="empty-state">{t("community.introductions.receivedEmpty")}</p>
          ) : (
            <ul className="plain-list">
              {received.map((r) => (
                <ReceivedIntroduction key={r.id} intro={r} />
              ))}
            </ul>
          )}
        </section>
        <section className="stack" aria-labelledby="sent-title">
          <h2 id="sent-title">{t("community.introductions.sent")}</h2>
          {sent.length === 0 ? (
            <p className="empty-state">{t("community.introductions.sentEmpty")}</p>
          ) : (
            <ul className="plain-list">
              {sent.map((s) => (
                <SentIntroduction key={s.id} intro={s} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
