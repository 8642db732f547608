// /organise/events/:slug/api — API tokens, webhooks (with deliveries to replay) and the embed
// snippet of one event. A new token or webhook secret is shown once, in the action's answer,
// and never put in an address or stored in the clear.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EmbedSection, TokensSection, WebhooksSection } from "~/components/integrations/api-page";
import { Notice } from "~/components/registration/status";
import { loadApiPage, runApiPageIntent } from "~/domain/integrations/organiser.server";
import { apiPageForm } from "~/domain/integrations/webhook-forms";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `API & webhooks: ${data.event.title} — SCALE Events` : "API & webhooks — SCALE Events" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orErrorResponse(loadApiPage(user, params.slug ?? ""));
}

const DONE: Record<string, string> = {
  "token-created": "Token created.",
  "token-revoked": "Token revoked; it no longer works.",
  "webhook-created": "Endpoint added.",
  "webhook-deleted": "Endpoint deleted.",
  "webhook-enabled": "Endpoint turned on again.",
  replayed: "Delivery queued again.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  let values: Record<string, string> = {};
  try {
    const read = await readForm(request, apiPageForm);
    if (!read.ok) return formFailure(read);
    values = { intent: read.data.intent, ...("url" in read.data ? { url: read.data.url } : {}), ...("name" in read.data ? { name: read.data.name } : {}) };
    const outcome = await runApiPageIntent(user, params.slug ?? "", read.data);
    return json({ ok: true as const, ...outcome }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error, values);
  }
}

export default function ApiPage() {
  const { event, organisationAdmin, tokens, endpoints, snippet } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = result && !result.ok ? result : null;
  const intent = failed?.values.intent;
  const tokenFailure = failed && (intent === "create-token" || (!intent && "name" in failed.fieldErrors)) ? failed : null;
  const webhookFailure = failed && (intent === "create-webhook" || (!intent && ("url" in failed.fieldErrors || "types" in failed.fieldErrors))) ? failed : null;
  const done = result && result.ok ? result : null;
  return (
    <div className="stack api-page">
      {done ? <Notice tone="success">{DONE[done.done] ?? "Done."}</Notice> : null}
      {failed && !tokenFailure && !webhookFailure ? <Notice tone="error">{failed.formError ?? "Please check the form."}</Notice> : null}
      <TokensSection
        tokens={tokens}
        zone={event.timeZone}
        organisationName={event.organisationName}
        organisationAdmin={organisationAdmin}
        newToken={done?.token}
        failure={tokenFailure}
        busy={busy}
      />
      <WebhooksSection
        endpoints={endpoints}
        zone={event.timeZone}
        organisationName={event.organisationName}
        organisationAdmin={organisationAdmin}
        newSecret={done?.secret}
        failure={webhookFailure}
        busy={busy}
      />
      <EmbedSection snippet={snippet} />
    </div>
  );
}
