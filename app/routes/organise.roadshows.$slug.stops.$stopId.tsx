// Organiser page of one roadshow stop: grid of meetings per slot × table, CSV export, no-show
// marking, tables, hosts, and the auto-scheduler (run → proposal with score vs bound → confirm).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionNotice } from "~/components/meetings/meeting-parts";
import { ConfirmedMeetings, MeetingGrid, ProposalView } from "~/components/meetings/stop-organiser";
import { bindFields, CsrfField, TextField } from "~/components/ui/forms";
import { grantHosting } from "~/domain/meetings/roadshow.server";
import { addMeetingPoint } from "~/domain/meetings/availability.server";
import { scheduleAssignmentsSchema, stopOrganiserSchema } from "~/domain/meetings/meeting-forms";
import { markNoShow, organiserStopView } from "~/domain/meetings/organiser.server";
import { confirmStopSchedule, proposeStopSchedule, type StopProposal } from "~/domain/meetings/schedule.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Organise ${data.stop.city} — ${data.event.title}` : "Organise — SCALE Events" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return orErrorResponse(organiserStopView(user, params.slug ?? "", params.stopId));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request, stopOrganiserSchema);
  if (!form.ok) return formFailure({ ...form, formError: Object.values(form.fieldErrors)[0] ?? "That form could not be read." });
  const slug = params.slug ?? "";
  const data = form.data;
  try {
    switch (data.intent) {
      case "run-scheduler": {
        const started = Date.now();
        const proposal = await proposeStopSchedule(user, slug, params.stopId);
        return json({ ok: true as const, notice: `Proposal ready in ${Date.now() - started} ms: review it below, then confirm.`, proposal });
      }
      case "confirm-schedule": {
        let parsed: z.infer<typeof scheduleAssignmentsSchema>;
        try {
          parsed = scheduleAssignmentsSchema.parse(JSON.parse(data.assignments));
        } catch {
          return json(
            { ok: false as const, formError: "The proposal could not be read — run the scheduler again.", fieldErrors: {}, values: {} },
            { status: 400 },
          );
        }
        const ids = await confirmStopSchedule(user, slug, params.stopId, parsed);
        return json({ ok: true as const, notice: `${ids.length} meetings confirmed; invitations are on their way.` });
      }
      case "no-show":
        await markNoShow(user, slug, data.meetingId, data.noShow === "yes");
        return json({ ok: true as const, notice: data.noShow === "yes" ? "Marked as a no-show." : "No-show mark removed." });
      case "add-table":
        await addMeetingPoint(user, slug, params.stopId, data.name, data.onlineUrl);
        return json({ ok: true as const, notice: `Meeting point “${data.name}” added.` });
      case "allow-host": {
        const name = await grantHosting(user, slug, data.email);
        return json({ ok: true as const, notice: `${name} can now publish meeting slots.` });
      }
    }
  } catch (error) {
    return domainFailure(error, {});
  }
}

export default function OrganiseStopPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    { ok: boolean; notice?: string; formError?: string; fieldErrors?: Record<string, string>; proposal?: StopProposal } | undefined;
  const fields = bindFields(stopOrganiserSchema, { errors: result && !result.ok ? result.fieldErrors : {} });
  return (
    <article className="meetings-page">
      <p className="tz-note">
        <Link to={`/roadshows/${data.event.slug}`}>{data.event.title}</Link>
      </p>
      <header className="section-head section-head--top">
        <div>
          <h1>Meetings in {data.stop.city}</h1>
          <p className="tz-note">
            {data.stop.when} · times in {data.stop.timeZone.replace(/_/g, " ")} ({data.stop.zoneName}) · {data.counts.confirmed} confirmed,{" "}
            {data.counts.requested} pending
          </p>
        </div>
        <a className="button button--ghost" href={`/organise/roadshows/${data.event.slug}/stops/${data.stop.id}/meetings.csv`} download>
          Export CSV
        </a>
      </header>
      {data.stops.length > 1 ? (
        <nav aria-label="Roadshow stops" className="stop-tabs">
          {data.stops.map((s) => (
            <Link key={s.id} to={`/organise/roadshows/${data.event.slug}/stops/${s.id}`} aria-current={s.id === data.stop.id ? "page" : undefined}>
              {s.city}
            </Link>
          ))}
        </nav>
      ) : null}
      <ActionNotice data={result} />

      <section className="card" aria-labelledby="scheduler">
        <h2 id="scheduler">Auto-scheduler</h2>
        <p>
          Assigns mutually wanted meetings (must-meet first) to the hosts’ free slots and the stop’s tables, around the meetings already booked. Nothing changes
          until you confirm the proposal.
        </p>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="run-scheduler" />
          <button type="submit" className="button">
            Run the scheduler
          </button>
        </Form>
      </section>
      {result?.proposal ? <ProposalView proposal={result.proposal} /> : null}

      <MeetingGrid tables={data.tables} rows={data.rows} unplaced={data.unplaced} />
      <ConfirmedMeetings meetings={data.meetings} />

      <div className="two-col">
        <section className="card" aria-labelledby="tables">
          <h2 id="tables">Tables and meeting points</h2>
          {data.tables.length === 0 ? (
            <p className="empty-state">No tables yet.</p>
          ) : (
            <ul>
              {data.tables.map((t) => (
                <li key={t.id}>
                  {t.name}
                  {t.online ? " (online)" : ""}
                </li>
              ))}
            </ul>
          )}
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="add-table" />
            <TextField label="New table name" {...fields.name} required maxLength={80} />
            <TextField label="Online link (for an online meeting point)" {...fields.onlineUrl} type="url" />
            <button type="submit" className="button button--small">
              Add meeting point
            </button>
          </Form>
        </section>
        <section className="card" aria-labelledby="attending">
          <h2 id="attending">Attending ({data.guests.length})</h2>
          {data.guests.length === 0 ? (
            <p className="empty-state">
              No city or project has ticked this stop yet. They choose their stops on the roadshow page; booking a meeting here ticks it too.
            </p>
          ) : (
            <ul>
              {data.guests.map((g) => (
                <li key={g.id}>
                  {g.name}
                  {g.organisation ? <span className="tz-note"> · {g.organisation}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="hosts">
          <h2 id="hosts">Hosts</h2>
          {data.hosts.length === 0 ? (
            <p className="empty-state">No host has published slots here yet.</p>
          ) : (
            <ul>
              {data.hosts.map((h) => (
                <li key={h.id}>
                  {h.name}: {h.free} of {h.total} slots free
                </li>
              ))}
            </ul>
          )}
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="allow-host" />
            <TextField label="Allow a registered participant to host (e-mail)" {...fields.email} type="email" required />
            <button type="submit" className="button button--small button--ghost">
              Allow to host
            </button>
          </Form>
        </section>
      </div>
    </article>
  );
}
