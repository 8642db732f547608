// /organise/events/:slug/settings — edit the event (optimistic locking: a save from a stale
// form is refused with 409 and writes nothing), publish it, or cancel it after a confirmation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { EventForm, type EventFormDefaults } from "~/components/events/event-form";
import { EventStatusBadge } from "~/components/events/status-badge";
import { bindFields, CsrfField, FormError, TextAreaField } from "~/components/ui/forms";
import { eventSettingsForm } from "~/domain/events/event-forms";
import { echoEventForm, timeZoneOptions } from "~/domain/events/event-input";
import { CANCEL_MESSAGE_MAX, cancelEvent, deleteDraftEvent, getEventSettings, publishEvent, updateEvent } from "~/domain/events/manage.server";
import { formatDate, formatLocalDateTimeInput } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Settings: ${data.event.title} — SCALE Events` : "Settings — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await orErrorResponse(getEventSettings(user, params.slug ?? ""));
  return { event, timeZones: timeZoneOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  let values: Record<string, string> = {};
  try {
    const read = await readForm(request, eventSettingsForm);
    if (!read.ok) return formFailure(read);
    const form = read.data;
    const intent = form.intent;
    values = { intent };
    if (form.intent === "publish") {
      await publishEvent(user, slug);
      return redirect(`/organise/events/${slug}/settings?published=1`);
    }
    if (form.intent === "delete") {
      await deleteDraftEvent(user, slug);
      return redirect("/organise?deleted=1");
    }
    if (form.intent === "cancel") {
      values.message = form.message ?? "";
      const result = await cancelEvent(user, slug, form.message);
      return redirect(`/organise/events/${slug}/settings?cancelled=1&notified=${result.notified}&paid=${result.paidRegistrations}`);
    }
    // A stale form keeps its version, so saving it again keeps failing until it is reloaded.
    values = { ...echoEventForm(form), intent, version: form.version ?? "" };
    const saved = await updateEvent(user, slug, form.version, form);
    return redirect(`/organise/events/${saved.slug}/settings?saved=1&notified=${saved.notified}`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error, values);
  }
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export default function EventSettings() {
  const { event, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const failed = result && !result.ok ? result : null;
  const failedIntent = failed?.values.intent ?? "save";
  const confirmCancel = params.get("confirm") === "cancel" || (failed !== null && failedIntent === "cancel");
  const tz = event.timeZone;
  const stored: EventFormDefaults = {
    title: event.title,
    kind: event.kind,
    summary: event.summary,
    description: event.description,
    mode: event.mode,
    timeZone: tz,
    startsAt: formatLocalDateTimeInput(new Date(event.startsAt), tz),
    endsAt: formatLocalDateTimeInput(new Date(event.endsAt), tz),
    venueName: event.venueName ?? "",
    venueAddress: event.venueAddress ?? "",
    city: event.city ?? "",
    country: event.country ?? "",
    onlineUrl: event.onlineUrl ?? "",
    themes: event.themes.join(","),
  };
  const saveFailed = failed && failedIntent === "save" ? failed : null;
  const cancelFailed = failed && failedIntent === "cancel" ? failed : null;
  const cancelFields = bindFields(eventSettingsForm, { errors: cancelFailed?.fieldErrors, values: { message: cancelFailed?.values.message ?? "" } });
  const cancelled = event.status === "CANCELLED";
  const paid = Number(params.get("paid") ?? "0");
  const notified = Number(params.get("notified") ?? "0");
  const submitting = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;

  return (
    <div className="two-col event-settings">
      <section className="stack" aria-labelledby="settings-title">
        <h2 id="settings-title">Event settings</h2>
        {params.get("created") ? (
          <div className="notice notice--success" role="status">
            Event created as a draft. Add a ticket type, then publish it when you are ready.
          </div>
        ) : null}
        {params.get("saved") ? (
          <div className="notice notice--success" role="status">
            Changes saved.{notified > 0 ? ` ${plural(notified, "registered person was", "registered people were")} emailed about the new time or place.` : ""}
          </div>
        ) : null}
        {params.get("published") ? (
          <div className="notice notice--success" role="status">
            Published: the event is now in the public catalogue and open for registration.
          </div>
        ) : null}
        {params.get("cancelled") ? (
          <div className="notice notice--info" role="status">
            The event is cancelled. {plural(notified, "person was", "people were")} emailed.
            {paid > 0 ? (
              <>
                {" "}
                {plural(paid, "paid ticket", "paid tickets")} must be refunded from the{" "}
                <Link to={`/organise/events/${event.slug}/registrations`}>registrations page</Link>; registrations and payments were left as they are.
              </>
            ) : (
              " Registrations were left as they are."
            )}
          </div>
        ) : null}
        {saveFailed ? <FormError message={saveFailed.formError} /> : null}
        {cancelled ? (
          <div className="notice notice--info" role="status">
            This event was cancelled{event.cancelledAt ? ` on ${formatDate(new Date(event.cancelledAt), tz)}` : ""}. Cancelling is final: its details can no
            longer be changed.
          </div>
        ) : null}
        <div className="card">
          <EventForm
            defaults={saveFailed ? saveFailed.values : stored}
            errors={saveFailed?.fieldErrors ?? {}}
            timeZones={timeZones}
            version={saveFailed?.values.version || event.version}
            submitLabel="Save changes"
            disabled={cancelled}
          />
        </div>
        {event.status === "PUBLISHED" ? <p className="tz-note">People with a registration are emailed when you change the time or the place.</p> : null}
      </section>

      <aside className="stack" aria-labelledby="status-title">
        <section className="card stack">
          <h2 id="status-title">
            Status <EventStatusBadge status={event.status} />
          </h2>
          {failed && failedIntent === "publish" ? <FormError message={failed.formError} /> : null}
          {event.status === "DRAFT" ? (
            <>
              <p>Only the event's team can see a draft. Publishing puts it in the catalogue and opens registration.</p>
              {event._count.ticketTypes === 0 ? (
                <p className="tz-note">
                  There is no ticket type yet. <Link to={`/organise/events/${event.slug}/tickets`}>Add one on the Tickets page</Link> before publishing.
                </p>
              ) : (
                <p className="tz-note">{plural(event._count.ticketTypes, "ticket type", "ticket types")} ready.</p>
              )}
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="publish" />
                <button type="submit" className="button" disabled={submitting("publish")}>
                  {submitting("publish") ? "Publishing…" : "Publish"}
                </button>
              </Form>
              {failed && failedIntent === "delete" ? <FormError message={failed.formError} /> : null}
              <details className="reg-decide">
                <summary className="button button--small button--ghost">Delete this draft…</summary>
                <Form method="post" className="reg-decide__form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="delete" />
                  <p className="tz-note">The draft, its tickets and its agenda are deleted for good.</p>
                  <button type="submit" className="button button--small reg-danger" disabled={submitting("delete")}>
                    {submitting("delete") ? "Deleting…" : "Yes, delete it"}
                  </button>
                </Form>
              </details>
            </>
          ) : null}
          {event.status === "PUBLISHED" ? (
            <>
              <p>
                Published{event.publishedAt ? ` on ${formatDate(new Date(event.publishedAt), tz)}` : ""}.{" "}
                <Link to={`/events/${event.slug}`}>See the public page</Link>.
              </p>
              <p className="tz-note">{plural(event.activeRegistrations, "active registration", "active registrations")}.</p>
              {confirmCancel ? null : (
                <p>
                  <Link className="button button--danger" to="?confirm=cancel">
                    Cancel event…
                  </Link>
                </p>
              )}
            </>
          ) : null}
          {cancelled ? <p>Cancelled events stay visible in the catalogue, marked as cancelled, and calendars show them as cancelled.</p> : null}
        </section>

        {event.status === "PUBLISHED" && confirmCancel ? (
          <section className="card stack event-cancel" aria-labelledby="cancel-title">
            <h2 id="cancel-title">Cancel this event?</h2>
            {failed && failedIntent === "cancel" ? <FormError message={failed.formError} /> : null}
            <ul className="reg-consequences">
              <li>This cannot be undone: a cancelled event cannot be published again.</li>
              <li>{plural(event.activeRegistrations, "person", "people")} with an active registration will be emailed.</li>
              <li>
                Registrations and payments are left as they are.
                {event.paidRegistrations > 0
                  ? ` ${plural(event.paidRegistrations, "paid ticket", "paid tickets")} must then be refunded from the registrations page.`
                  : ""}
              </li>
            </ul>
            <Form method="post" className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="cancel" />
              <TextAreaField
                label={
                  <>
                    Message to attendees <span className="field__hint">(optional)</span>
                  </>
                }
                id="cancel-message"
                {...cancelFields.message}
                rows={4}
                maxLength={CANCEL_MESSAGE_MAX}
              />
              <div className="button-row">
                <button type="submit" className="button reg-danger" disabled={submitting("cancel")}>
                  {submitting("cancel") ? "Cancelling…" : "Yes, cancel the event"}
                </button>
                <Link className="button button--ghost" to={`/organise/events/${event.slug}/settings`}>
                  Keep it
                </Link>
              </div>
            </Form>
          </section>
        ) : null}
      </aside>
    </div>
  );
}
