// /organise/events/:slug/check-in — type a ticket code or scan it: USB and phone scanners type
// the QR's content into the focused field and press Enter. A ticket counts once; a second scan
// says when and by whom it was checked in, in the event's time zone.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireStaffEvent } from "~/components/registration/route-helpers.server";
import { Notice } from "~/components/registration/status";
import { bindFields, CsrfField, FormError, TextField } from "~/components/ui/forms";
import { checkIn, recentCheckIns } from "~/domain/registration/checkin.server";
import { formatTime } from "~/domain/kernel/time/zoned";
import { db } from "~/platform/db.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireStaffEvent(request, params.slug, "check-in");
  const [recent, checkedIn, expected] = await Promise.all([
    recentCheckIns(event.id),
    db().registration.count({ where: { eventId: event.id, checkedInAt: { not: null } } }),
    db().registration.count({ where: { eventId: event.id, status: "CONFIRMED" } }),
  ]);
  return { timeZone: event.timeZone, recent, checkedIn, expected };
}

const checkInForm = z.object({ code: z.string({ error: "Type or scan a ticket code." }).trim().min(1, { error: "Type or scan a ticket code." }).max(100) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event } = await requireStaffEvent(request, params.slug, "check-in");
  try {
    const form = await readForm(request, checkInForm);
    if (!form.ok) return formFailure(form);
    const result = await checkIn(event, user.id, form.data.code);
    // `scan` remounts the form, so the field is empty and focused for the next ticket.
    return { ok: true as const, scan: Date.now(), result: { ...result, time: formatTime(result.at, event.timeZone) } };
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
}

export default function CheckIn() {
  const { timeZone, recent, checkedIn, expected } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const failure = answer && !answer.ok ? answer : null;
  const result = answer && answer.ok ? answer.result : null;
  const fields = bindFields(checkInForm, { errors: failure?.fieldErrors });
  return (
    <div className="two-col">
      <section className="card reg-checkin" aria-labelledby="checkin-title">
        <h2 id="checkin-title">Check people in</h2>
        <p className="tz-note">
          {checkedIn} of {expected} confirmed attendees checked in.
        </p>
        <div aria-live="polite">
          {result?.kind === "CHECKED_IN" ? (
            <div className="reg-checkin__result reg-checkin__result--ok" role="status">
              <strong>{`✓ ${result.attendeeName} is checked in`}</strong>
              <span>
                {result.ticketTypeName} · {result.ticketCode} · {result.time}
              </span>
              {result.invoiceUnpaid ? <span>Note: their invoice is still unpaid.</span> : null}
            </div>
          ) : null}
          {result?.kind === "ALREADY" ? (
            <div className="reg-checkin__result reg-checkin__result--again" role="alert">
              <strong>{`Already checked in at ${result.atLabel}${result.byName ? ` by ${result.byName}` : ""}`}</strong>
              <span>
                {result.attendeeName} · {result.ticketTypeName} · {result.ticketCode}
              </span>
            </div>
          ) : null}
          <FormError message={failure?.formError} />
        </div>
        <Form method="post" key={answer && answer.ok ? answer.scan : "scan"} className="reg-checkin__form">
          <CsrfField />
          <TextField
            label="Ticket code"
            id="ticket-code"
            {...fields.code}
            hint="Type the code (e.g. ABCDE-23456) or scan the QR code into this field."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            // Door staff scan ticket after ticket with a hardware scanner that types into the
            // focused field: the page exists to receive that input, so it starts there.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            inputMode="text"
            className="reg-checkin__input"
          />
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Checking…" : "Check in"}
          </button>
        </Form>
      </section>
      <aside className="card" aria-labelledby="recent-title">
        <h2 id="recent-title">Latest check-ins</h2>
        {recent.length === 0 ? (
          <p className="tz-note">Nobody checked in yet.</p>
        ) : (
          <ul className="reg-recent">
            {recent.map((r) => (
              <li key={r.id}>
                <time dateTime={new Date(r.checkedInAt!).toISOString()}>{formatTime(new Date(r.checkedInAt!), timeZone)}</time>
                <span>
                  <strong>{r.user.name}</strong>
                  <br />
                  <span className="tz-note">
                    {r.ticketType.name}
                    {r.checkedInBy ? ` · by ${r.checkedInBy.name}` : ""}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
        {recent.length === 0 ? <Notice tone="info">Tip: keep this page open on the door laptop; the field stays focused for the next scan.</Notice> : null}
      </aside>
    </div>
  );
}
