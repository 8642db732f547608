// /organise/events/new — create an event. It starts as a DRAFT owned by its creator; the
// settings page that follows is where tickets, publishing and cancelling happen.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "~/components/events/event-form";
import { FormError } from "~/components/ui/forms";
import { DomainError } from "~/domain/kernel/errors";
import { eventForm } from "~/domain/events/event-forms";
import { echoEventForm, timeZoneOptions } from "~/domain/events/event-input";
import { canCreateEvents } from "~/domain/access/events.server";
import { createEvent } from "~/domain/events/manage.server";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";
import { orErrorResponse } from "~/web/responses.server";

export const meta: MetaFunction = () => [{ title: "Create an event — SCALE Events" }];

const NOT_ORGANISER = "Only organisers can create events. Ask the SCALE team for organiser access.";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!canCreateEvents(user)) await orErrorResponse(Promise.reject(new DomainError("FORBIDDEN", NOT_ORGANISER)));
  return { timeZones: timeZoneOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  let values: Record<string, string> = {};
  try {
    // The event's rules depend on each other (times on the zone, the venue on the mode), so the
    // domain checks them; the schema reads the form's fields.
    const read = await readForm(request, eventForm);
    if (!read.ok) return formFailure(read);
    values = echoEventForm(read.data);
    const created = await createEvent(user, read.data);
    return redirect(`/organise/events/${created.slug}/settings?created=1`);
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error, values);
  }
}

export default function NewEvent() {
  const { timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  return (
    <div className="stack event-form-page">
      <p className="reg-back">
        <Link to="/organise">← My events</Link>
      </p>
      <h1>Create an event</h1>
      <p className="tz-note">The event starts as a draft that only you and your co-organisers see. Add ticket types, then publish it.</p>
      <FormError message={failed?.formError} />
      <section className="card">
        <EventForm
          defaults={failed?.values ?? { timeZone: "Europe/Brussels", mode: "IN_PERSON", kind: "WORKSHOP" }}
          errors={failed?.fieldErrors ?? {}}
          timeZones={timeZones}
          submitLabel="Create draft event"
        />
      </section>
    </div>
  );
}
