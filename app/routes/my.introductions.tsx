// /my/introductions — introductions received (accept, decline, block the sender, report to the
// admins) and sent. Email addresses appear only on accepted introductions, for both sides.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ReceivedIntroduction, SentIntroduction } from "~/components/community/introductions";
import { Notice } from "~/components/registration/status";
import { FormError } from "~/components/ui/forms";
import { introductionAnswerSchema } from "~/domain/community/community-forms";
import { answerIntroduction, blockSender, myIntroductions, reportIntroduction } from "~/domain/community/introductions.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Your introductions — SCALE Events" }];

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

const DONE: Record<string, string> = {
  sent: "Your request was sent. You will see their answer here and by email.",
  accept: "Accepted: you can now see each other's email address.",
  decline: "Declined. They were told politely, nothing more.",
  block: "Blocked: this person cannot send you introduction requests any more.",
  report: "Thank you: the platform admins will look into it.",
};

export default function MyIntroductions() {
  const { received, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done") ?? (params.get("sent") ? "sent" : null);
  return (
    <section className="stack" aria-labelledby="intros-title">
      <h1 id="intros-title">Your introductions</h1>
      {done && DONE[done] ? <Notice tone="success">{DONE[done]}</Notice> : null}
      <FormError message={result?.formError ?? (result ? Object.values(result.fieldErrors)[0] : undefined)} />
      <div className="two-col">
        <section className="stack" aria-labelledby="received-title">
          <h2 id="received-title">Received</h2>
          {received.length === 0 ? (
            <p className="empty-state">Nobody has asked you for an introduction yet.</p>
          ) : (
            <ul className="plain-list">
              {received.map((r) => (
                <ReceivedIntroduction key={r.id} intro={r} />
              ))}
            </ul>
          )}
        </section>
        <section className="stack" aria-labelledby="sent-title">
          <h2 id="sent-title">Sent</h2>
          {sent.length === 0 ? (
            <p className="empty-state">You have not asked for an introduction yet. Find people and organisations in the directory.</p>
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
