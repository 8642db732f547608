// /account/calendar — the personal calendar feed: create it, see its link once, regenerate it.
// Only the token's hash is stored, so the link can be shown only in the answer that made it.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FeedLink } from "~/components/calendar/feed-link";
import { CsrfField, FormError } from "~/components/ui/forms";
import { feedTokenStatus, getOrCreateFeedToken, personalFeedLinks, regenerateFeedToken } from "~/domain/calendar/personal-feed.server";
import { formatDate, formatTime } from "~/domain/kernel/time/zoned";
import { requireUser } from "~/web/auth.server";
import { domainFailure, formFailure, readForm } from "~/web/forms.server";

export const meta: MetaFunction = () => [{ title: "Calendar — SCALE Events" }];

// The answer to a POST contains the secret link: never keep it in any cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const schema = z.object({ intent: z.enum(["create", "regenerate"], { message: "Choose what to do with your link." }) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await feedTokenStatus(user.id);
  return {
    active: status.active,
    createdAt: status.createdAt?.toISOString() ?? null,
    lastUsedAt: status.lastUsedAt?.toISOString() ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    const form = await readForm(request, schema);
    if (!form.ok) return formFailure(form);
    if (form.data.intent === "create") {
      const result = await getOrCreateFeedToken(user.id);
      if (!result.created) {
        return { ok: true as const, outcome: "exists" as const, links: null };
      }
      return { ok: true as const, outcome: "created" as const, links: personalFeedLinks(result.token) };
    }
    const result = await regenerateFeedToken(user.id);
    return {
      ok: true as const,
      outcome: result.revoked > 0 ? ("regenerated" as const) : ("created" as const),
      links: personalFeedLinks(result.token),
    };
  } catch (error) {
    if (error instanceof Response) throw error;
    return domainFailure(error);
  }
}

const UI_ZONE = "Europe/Brussels";
function when(iso: string): string {
  const date = new Date(iso);
  return `${formatDate(date, UI_ZONE)}, ${formatTime(date, UI_ZONE)} (Brussels time)`;
}

export default function AccountCalendar() {
  const status = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const links = result && result.ok ? result.links : null;
  const outcome = result && result.ok ? result.outcome : null;

  return (
    <section className="calendar-page stack" aria-labelledby="calendar-title">
      <header>
        <h1 id="calendar-title">Your calendar feed</h1>
        <p className="calendar-page__intro">
          One private link keeps your calendar app in step with SCALE Events: the events you registered for, the sessions on your agenda and your confirmed
          meetings. Changes and cancellations show up by themselves, usually within an hour.
        </p>
      </header>

      {result && !result.ok ? <FormError message={result.formError ?? "Something went wrong. Please try again."} /> : null}
      {outcome === "regenerated" ? (
        <div className="notice notice--success" role="status">
          Your new calendar link is ready. The old link has stopped working: calendars subscribed to it will no longer update, so subscribe again with the link
          below.
        </div>
      ) : null}
      {outcome === "created" ? (
        <div className="notice notice--success" role="status">
          Your calendar link is ready. Subscribe with it below.
        </div>
      ) : null}
      {outcome === "exists" ? (
        <div className="notice notice--info" role="status">
          You already have a calendar link. For your security it is shown only once; regenerate it if you need it again.
        </div>
      ) : null}

      {links ? (
        <div className="card stack">
          <h2>Subscribe</h2>
          <p className="notice notice--info">Copy this link now: it is shown only this once. Anyone with the link can see your calendar, so do not share it.</p>
          <FeedLink {...links} />
        </div>
      ) : null}

      <div className="card stack">
        <h2>{status.active ? "Your link" : "Create your link"}</h2>
        {status.active && status.createdAt ? (
          <p>
            Created {when(status.createdAt)}.{" "}
            {status.lastUsedAt ? <>Last fetched by a calendar app {when(status.lastUsedAt)}.</> : <>No calendar app has used it yet.</>}
          </p>
        ) : (
          <p>You have no calendar link yet.</p>
        )}
        {status.active ? (
          <>
            <p className="tz-note">Lost the link, or shared it by mistake? Regenerate it: you get a new link and the old one stops working at once.</p>
            <Form method="post">
              <CsrfField />
              <button type="submit" name="intent" value="regenerate" className="button" disabled={busy}>
                {busy ? "Regenerating…" : "Regenerate link"}
              </button>
            </Form>
          </>
        ) : (
          <Form method="post">
            <CsrfField />
            <button type="submit" name="intent" value="create" className="button" disabled={busy}>
              {busy ? "Creating…" : "Create my calendar link"}
            </button>
          </Form>
        )}
      </div>

      <div className="card">
        <h2>How it works</h2>
        <ul className="calendar-page__help">
          <li>
            <strong>Apple Calendar, Outlook for Windows/Mac:</strong> use “Subscribe on this device” (the webcal link).
          </li>
          <li>
            <strong>Google Calendar:</strong> “Add to Google Calendar”, or Other calendars → From URL, and paste the https link.
          </li>
          <li>
            <strong>Outlook.com / Microsoft 365:</strong> “Add to Outlook.com”, or Add calendar → Subscribe from web.
          </li>
          <li>Pending registrations appear as tentative; cancelled items stay visible as cancelled for 30 days.</li>
        </ul>
      </div>
    </section>
  );
}
