// The organiser's timetable editor: a day view (rooms or tracks as columns, time as rows) with
// drag and drop, keyboard and form editing, live conflicts, and publishing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { ConflictsPanel, EditorToolbar, PublishPanel, UnassignedSessions } from "~/components/agenda/editor-panels";
import { agendaEditorView, editorHref, type EditorActionResult } from "~/components/agenda/editor-view";
import { ResourcesSection } from "~/components/agenda/resource-lists";
import { AddSessionCard, EditSessionCard } from "~/components/agenda/session-cards";
import { TimetableGrid } from "~/components/agenda/timetable-grid";
import { requireAgendaEvent } from "~/domain/access/events.server";
import { agendaEditorForm, echoAgendaForm } from "~/domain/agenda/agenda-forms";
import { runAgendaEditorAction } from "~/domain/agenda/editor-actions.server";
import { loadAgendaEditor } from "~/domain/agenda/organiser.server";
import { agendaActionFailure } from "~/domain/agenda/route-errors.server";
import { requireUser } from "~/web/auth.server";
import { CSRF_FIELD_NAME } from "~/web/csrf";
import { formFailure, readForm } from "~/web/forms.server";
import { domainErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Agenda editor — ${data.event.title} — SCALE Events` : "Agenda editor — SCALE Events" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  let data;
  try {
    data = await loadAgendaEditor(user, params.slug ?? "");
  } catch (error) {
    throw domainErrorResponse(error);
  }
  return agendaEditorView(data, new URL(request.url).searchParams);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await readForm(request, agendaEditorForm);
  if (!parsed.ok) return formFailure(parsed);
  const form = parsed.data;
  try {
    const event = await requireAgendaEvent(user, { slug: params.slug ?? "" });
    const notice = await runAgendaEditorAction(user, event.id, form);
    return json({ ok: true as const, intent: form.intent, notice });
  } catch (error) {
    const failure = agendaActionFailure(error, echoAgendaForm(parsed.form, CSRF_FIELD_NAME), form.intent);
    return json(failure.body, { status: failure.status });
  }
}

export default function AgendaEditor() {
  const data = useLoaderData<typeof loader>();
  const root = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  const result = useActionData<typeof action>() as EditorActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const submittingIntent = busy ? navigation.formData?.get("intent") : null;
  const failed = result && !result.ok ? result : null;
  const errorsFor = (intent: string) => (failed && failed.intent === intent ? failed.fieldErrors : {});
  const href = (changes: Record<string, string | null>) => editorHref(data, changes);
  const cards = { view: data, failed, errorsFor, busy, submittingIntent };

  return (
    <div className="editor agenda-ui">
      <p className="breadcrumbs">
        <Link to={`/events/${data.event.slug}`}>← {data.event.title}</Link>
      </p>
      <div className="section-head section-head--top">
        <div>
          <h1>Agenda editor</h1>
          <p className="tz-note">
            {data.event.title} · {data.event.when} · times in {data.event.timeZone.replace(/_/g, " ")}
          </p>
        </div>
        <Link to={`/events/${data.event.slug}/agenda`} className="button button--ghost">
          View public agenda
        </Link>
      </div>

      {result?.ok ? (
        <div className="notice notice--success" role="status">
          {result.notice}
        </div>
      ) : null}
      {failed?.formError ? (
        <div className="notice notice--error" role="alert">
          {failed.stale ? <strong>Changed by someone else — reload. </strong> : null}
          {failed.formError}
          {failed.stale ? (
            <>
              {" "}
              <a className="button button--small button--ghost" href={href({})}>
                Reload
              </a>
            </>
          ) : null}
        </div>
      ) : null}

      <PublishPanel view={data} busy={busy} submittingIntent={submittingIntent} />
      <ConflictsPanel conflicts={data.conflicts} href={href} busy={busy} />
      <EditorToolbar view={data} href={href} />

      {data.columns.length === 0 ? (
        <div className="empty-state">
          <h2>No {data.view === "room" ? "rooms" : "tracks"} yet</h2>
          <p>Add {data.view === "room" ? "a room" : "a track"} below to lay out the timetable.</p>
        </div>
      ) : (
        <TimetableGrid
          rows={data.rows}
          columns={data.columns}
          blocks={data.blocks}
          columnKind={data.view}
          csrfToken={root?.csrfToken ?? ""}
          editHref={(id) => href({ edit: id })}
          selectedId={data.editing?.id ?? null}
        />
      )}
      <UnassignedSessions view={data} href={href} />

      <div className="editor__forms two-col">
        <EditSessionCard {...cards} closeHref={href({ edit: null })} />
        <AddSessionCard {...cards} result={result} />
      </div>

      <ResourcesSection view={data} failed={failed} busy={busy} />
    </div>
  );
}
