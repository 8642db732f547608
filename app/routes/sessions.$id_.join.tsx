// The platform's join URL for online sessions: records attendance, then redirects to the
// meeting. Refusals (not registered, too early, ended) are pages with a clear message.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useParams, useRouteError } from "@remix-run/react";
import { recordJoin } from "~/domain/agenda/public.server";
import { domainErrorResponse } from "~/web/responses.server";
import { requireUser } from "~/web/auth.server";

export const meta: MetaFunction = () => [{ title: "Join session — SCALE Events" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    const { url } = await recordJoin(user, params.id ?? "");
    return redirect(url, { status: 302, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  } catch (error) {
    throw domainErrorResponse(error);
  }
}

export default function Join() {
  return null;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { id } = useParams();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : "Something went wrong on our side. Please try again in a moment.";
  const title =
    status === 403
      ? "Only registered attendees can join"
      : status === 409
        ? "Not open yet"
        : status === 410
          ? "This session has ended"
          : status === 404
            ? "Session not found"
            : "Could not join";
  return (
    <section className="empty-state join-refused agenda-ui" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link className="button" to={`/sessions/${id}`}>
          Back to the session
        </Link>
      </p>
    </section>
  );
}
