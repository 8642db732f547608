// /unsubscribe/:token — the one-click way out of an optional email kind. A GET only asks (link
// scanners follow links); the POST turns the kind off. Mail clients POST here by themselves
// (RFC 8058 List-Unsubscribe-Post) without our CSRF token: the unguessable single-use token in
// the address is the proof, so this action deliberately does not go through readForm.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { NOTIFICATION_LABELS } from "~/domain/notifications/notification-kinds";
import { unsubscribeByToken, unsubscribeLinkKind } from "~/domain/notifications/notification-choices.server";

export const meta: MetaFunction = () => [{ title: "Unsubscribe — SCALE Events" }, { name: "referrer", content: "no-referrer" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const kind = await unsubscribeLinkKind(params.token);
  return { label: kind ? NOTIFICATION_LABELS[kind].label : null };
}

export async function action({ params }: ActionFunctionArgs) {
  const kind = await unsubscribeByToken(params.token);
  return { done: true, label: kind ? NOTIFICATION_LABELS[kind].label : null };
}

export default function Unsubscribe() {
  const { label } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="card form-card" aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">Unsubscribe</h1>
      {result ? (
        <div className="notice notice--success" role="status">
          {result.label ? `Done: you will no longer receive ${result.label.toLowerCase()}.` : "This link was already used or has expired; nothing changed."}
        </div>
      ) : label ? (
        <Form method="post">
          <p>
            Stop emails of this kind: <strong>{label.toLowerCase()}</strong>?
          </p>
          <button type="submit" className="button">
            Unsubscribe
          </button>
        </Form>
      ) : (
        <div className="notice notice--info" role="status">
          This link has expired or was already used.
        </div>
      )}
      <p style={{ marginTop: "1rem" }}>
        <Link to="/account">Choose which emails you receive</Link>
      </p>
    </section>
  );
}
