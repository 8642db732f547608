// The readable form of the OpenAPI document: every operation with its parameters, body and
// answers, rendered on the server from the same document /api/v1/openapi.json serves.

export interface DocOperation {
  method: string;
  path: string;
  summary: string;
  auth: "public" | "read" | "write";
  parameters: { name: string; in: string; required: boolean; description?: string; type: string }[];
  body: string | null;
  responses: { status: string; description: string; schema: string | null }[];
}

export interface DocSchema {
  name: string;
  description: string;
  fields: { name: string; type: string; required: boolean; description?: string }[];
}

const AUTH_LABEL = { public: "No token", read: "API token", write: "Read-write API token" } as const;

export function ApiDocs({ serverUrl, operations, schemas }: { serverUrl: string; operations: DocOperation[]; schemas: DocSchema[] }) {
  return (
    <section className="stack prose api-docs" aria-labelledby="api-title">
      <h1 id="api-title">SCALE Events API</h1>
      <p>
        Base address <code>{serverUrl}</code>. The machine-readable description is <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).
      </p>
      <ul>
        <li>
          Public events, agendas and roadshow stops need no token. Registrations, check-ins and meeting schedules need an organiser API token, sent as{" "}
          <code>Authorization: Bearer scale_…</code>. Organisers create tokens on their event&apos;s <strong>API &amp; webhooks</strong> page; a token is shown
          once.
        </li>
        <li>
          Lists are paged: pass the <code>next</code> of a page as <code>cursor</code> to get the following one (<code>next</code> is null on the last page).
        </li>
        <li>
          Every answer carries an <code>ETag</code>; send it back in <code>If-None-Match</code> and an unchanged answer is a bodiless <code>304</code>.
        </li>
        <li>
          Errors are RFC 9457 problem details (<code>application/problem+json</code>), with an <code>errors</code> list naming each invalid field.
        </li>
        <li>
          Writes accept an <code>Idempotency-Key</code> header: the same key and body replay the first answer (<code>Idempotent-Replayed: true</code>); the same
          key with another body is a 422.
        </li>
        <li>
          Requests are rate limited per token (and per address without one); a <code>429</code> says in <code>Retry-After</code> when to try again.
        </li>
      </ul>
      <h2>Operations</h2>
      {operations.map((op) => (
        <article key={`${op.method} ${op.path}`} className="card stack" aria-labelledby={`op-${op.method}-${op.path}`}>
          <h3 id={`op-${op.method}-${op.path}`}>
            <code>{`${op.method.toUpperCase()} ${op.path}`}</code>
          </h3>
          <p>
            {op.summary}. <span className="badge">{AUTH_LABEL[op.auth]}</span>
          </p>
          {op.parameters.length > 0 && (
            <table className="data-table">
              <caption>Parameters</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Type</th>
                  <th scope="col">Meaning</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <td>
                      <code>{p.name}</code>
                      {p.required ? " (required)" : ""}
                    </td>
                    <td>{p.in}</td>
                    <td>{p.type}</td>
                    <td>{p.description ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {op.body && (
            <p>
              Body: <a href={`#schema-${op.body}`}>{op.body}</a> (application/json)
            </p>
          )}
          <ul>
            {op.responses.map((r) => (
              <li key={r.status}>
                <code>{r.status}</code> {r.description}
                {r.schema ? (
                  <>
                    {" "}
                    — <a href={`#schema-${r.schema}`}>{r.schema}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </article>
      ))}
      <h2>Schemas</h2>
      {schemas.map((schema) => (
        <article key={schema.name} id={`schema-${schema.name}`} className="card stack" aria-label={schema.name}>
          <h3>{schema.name}</h3>
          {schema.description && <p>{schema.description}</p>}
          <table className="data-table">
            <caption>{schema.name} fields</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Type</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {schema.fields.map((f) => (
                <tr key={f.name}>
                  <td>
                    <code>{f.name}</code>
                    {f.required ? "" : " (optional)"}
                  </td>
                  <td>{f.type}</td>
                  <td>{f.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
