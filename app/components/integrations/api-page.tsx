// The sections of an event's "API & webhooks" page: API tokens, webhook endpoints with their
// recent deliveries (replayable), and the embed snippet. Forms post one intent each.
import { Form } from "@remix-run/react";
import { Notice } from "~/components/registration/status";
import { bindFields, ChoiceGroup, CsrfField, FormError, SelectField, TextField } from "~/components/ui/forms";
import { createTokenForm, createWebhookForm, WEBHOOK_TYPE_LABELS, WEBHOOK_TYPES, type WebhookType } from "~/domain/integrations/webhook-forms";
import { formatInstant } from "~/domain/kernel/time/zoned";

type Failure = { fieldErrors: Record<string, string>; values: Record<string, string>; formError?: string } | null;

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  access: "READ" | "READ_WRITE";
  eventId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface EndpointRow {
  id: string;
  url: string;
  types: string[];
  eventId: string | null;
  disabledAt: string | null;
  consecutiveFailures: number;
  deliveries: {
    id: string;
    type: string;
    status: string;
    attempts: number;
    createdAt: string;
    log: { at: string; responseCode: number | null; durationMs: number; ok: boolean; response: string }[];
  }[];
}

function ScopeField({
  organisationName,
  organisationAdmin,
  error,
  value,
  id,
}: {
  organisationName: string | null;
  organisationAdmin: boolean;
  error?: string;
  value?: string;
  id: string;
}) {
  const options: [string, string][] = [["event", "This event only"]];
  if (organisationName && organisationAdmin) options.push(["organisation", `Every event of ${organisationName}`]);
  return <SelectField label="Scope" id={id} name="scope" error={error} defaultValue={value ?? "event"} options={options} />;
}

const when = (iso: string | null, zone: string) => (iso ? formatInstant(new Date(iso), zone) : "never");

export function TokensSection(props: {
  tokens: TokenRow[];
  zone: string;
  organisationName: string | null;
  organisationAdmin: boolean;
  newToken?: string;
  failure: Failure;
  busy: boolean;
}) {
  const { tokens, zone, newToken, failure } = props;
  const fields = bindFields(createTokenForm, { errors: failure?.fieldErrors, values: failure?.values });
  return (
    <section className="card stack" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="tz-note">
        Other systems read this event&apos;s registrations, check-ins and meeting schedules through the <a href="/api/v1/docs">REST API</a> with a token. A
        token is shown once; keep it in your system&apos;s secret store.
      </p>
      {newToken ? (
        <Notice tone="success">
          Your new token (copy it now, it will not be shown again):{" "}
          <code className="secret-value" data-testid="new-token">
            {newToken}
          </code>
        </Notice>
      ) : null}
      {tokens.length === 0 ? (
        <p>No tokens yet.</p>
      ) : (
        <div className="outbox-table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Access</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>
                    {t.name} <code>{t.prefix}…</code>
                    <br />
                    <span className="tz-note">{t.eventId ? "this event" : "the organisation"}</span>
                  </td>
                  <td>{t.access === "READ" ? "Read-only" : "Read-write"}</td>
                  <td>{when(t.lastUsedAt, zone)}</td>
                  <td>
                    {t.revokedAt ? (
                      <span className="tz-note">Revoked</span>
                    ) : (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="revoke-token" />
                        <input type="hidden" name="tokenId" value={t.id} />
                        <button type="submit" className="button button--small button--danger" aria-label={`Revoke ${t.name}`}>
                          Revoke
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Form method="post" className="stack" noValidate>
        <h3>New token</h3>
        <CsrfField />
        <input type="hidden" name="intent" value="create-token" />
        <FormError message={failure?.formError} />
        <TextField label="Name" {...fields.name} required hint="E.g. the CRM that will use it." />
        <SelectField
          label="Access"
          id="token-access"
          {...fields.access}
          defaultValue={fields.access.defaultValue ?? "READ"}
          options={[
            ["READ", "Read-only"],
            ["READ_WRITE", "Read-write (may check people in)"],
          ]}
        />
        <ScopeField id="token-scope" organisationName={props.organisationName} organisationAdmin={props.organisationAdmin} error={fields.scope.error} />
        <button type="submit" className="button" disabled={props.busy}>
          Create token
        </button>
      </Form>
    </section>
  );
}

export function WebhooksSection(props: {
  endpoints: EndpointRow[];
  zone: string;
  organisationName: string | null;
  organisationAdmin: boolean;
  newSecret?: string;
  failure: Failure;
  busy: boolean;
}) {
  const { endpoints, zone, newSecret, failure } = props;
  const fields = bindFields(createWebhookForm, { errors: failure?.fieldErrors, values: failure?.values });
  return (
    <section className="card stack" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p className="tz-note">
        We POST a signed JSON message to your HTTPS address when something happens. Verify the <code>Scale-Signature</code> header (HMAC-SHA256 of{" "}
        <code>timestamp.body</code> with the endpoint&apos;s secret); failed deliveries are retried with growing pauses.
      </p>
      {newSecret ? (
        <Notice tone="success">
          The endpoint&apos;s signing secret (copy it now, it will not be shown again):{" "}
          <code className="secret-value" data-testid="new-secret">
            {newSecret}
          </code>
        </Notice>
      ) : null}
      {endpoints.length === 0 ? <p>No webhook endpoints yet.</p> : null}
      {endpoints.map((e) => (
        <article key={e.id} className="stack webhook-endpoint" aria-label={`Endpoint ${e.url}`}>
          <h3 className="webhook-endpoint__url">
            <code>{e.url}</code>
          </h3>
          <p className="tz-note">
            {e.eventId ? "This event" : "The organisation"} · {e.types.map((t) => WEBHOOK_TYPE_LABELS[t as WebhookType] ?? t).join(", ")}
            {e.disabledAt ? ` · disabled after ${e.consecutiveFailures} failures in a row` : ""}
          </p>
          <div className="inline-form">
            {e.disabledAt ? (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="enable-webhook" />
                <input type="hidden" name="endpointId" value={e.id} />
                <button type="submit" className="button button--small">
                  Turn on again
                </button>
              </Form>
            ) : null}
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="delete-webhook" />
              <input type="hidden" name="endpointId" value={e.id} />
              <button type="submit" className="button button--small button--danger" aria-label={`Delete endpoint ${e.url}`}>
                Delete
              </button>
            </Form>
          </div>
          {e.deliveries.length === 0 ? (
            <p className="tz-note">No deliveries yet.</p>
          ) : (
            <div className="outbox-table-wrap">
              <table className="data-table">
                <caption>Recent deliveries</caption>
                <thead>
                  <tr>
                    <th scope="col">Event</th>
                    <th scope="col">Status</th>
                    <th scope="col">Last attempt</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {e.deliveries.map((d) => {
                    const last = d.log[0];
                    return (
                      <tr key={d.id}>
                        <td>
                          {d.type}
                          <br />
                          <span className="tz-note">{when(d.createdAt, zone)}</span>
                        </td>
                        <td>
                          {d.status.toLowerCase()} · {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                        </td>
                        <td>
                          {last ? (
                            <>
                              {last.responseCode ? `HTTP ${last.responseCode}` : "no answer"} in {last.durationMs} ms
                              {last.response ? <span className="tz-note webhook-response"> {last.response.slice(0, 120)}</span> : null}
                            </>
                          ) : (
                            "—"
                          )}
                        </td>
                        <td>
                          <Form method="post">
                            <CsrfField />
                            <input type="hidden" name="intent" value="replay" />
                            <input type="hidden" name="deliveryId" value={d.id} />
                            <button type="submit" className="button button--small button--ghost" aria-label={`Replay ${d.type} delivery`}>
                              Replay
                            </button>
                          </Form>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
      <Form method="post" className="stack" noValidate>
        <h3>New endpoint</h3>
        <CsrfField />
        <input type="hidden" name="intent" value="create-webhook" />
        <FormError message={failure?.formError} />
        <TextField label="Address (https://…)" {...fields.url} type="url" required />
        <ChoiceGroup
          legend="Send"
          name="types"
          error={fields.types.error}
          options={WEBHOOK_TYPES.map((t) => [t, WEBHOOK_TYPE_LABELS[t]])}
          defaultValue={fields.types.defaultValue}
        />
        <ScopeField id="webhook-scope" organisationName={props.organisationName} organisationAdmin={props.organisationAdmin} error={fields.scope.error} />
        <button type="submit" className="button" disabled={props.busy}>
          Add endpoint
        </button>
      </Form>
    </section>
  );
}

export function EmbedSection({ snippet }: { snippet: string }) {
  return (
    <section className="card stack" aria-labelledby="embed-title">
      <h2 id="embed-title">Show SCALE events on your website</h2>
      <p className="tz-note">
        Paste this into any page: a light, accessible list of upcoming events, without cookies. Change <code>kind</code>, <code>theme</code> or add{" "}
        <code>city</code> in the address to filter it.
      </p>
      <label className="field" htmlFor="embed-snippet">
        <span className="field__label">Embed snippet</span>
        <textarea id="embed-snippet" readOnly rows={4} value={snippet} className="embed-snippet" />
      </label>
    </section>
  );
}
