// Small glue shared by the registration routes: who is asking, and DomainErrors thrown while
// loading a page turned into the HTTP responses the error boundary shows (404, 403, …).
import { DomainError, httpStatusFor, isDomainError } from "~/domain/kernel/errors";
import { requireManagedEvent, type Capability } from "~/domain/access/events.server";
import { requireUser } from "~/web/auth.server";

/** Runs a loader step; a DomainError becomes a Response with its status and message. */
export async function orResponse<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) throw new Response(error.message, { status: httpStatusFor(error.code) });
    throw error;
  }
}

/** The signed-in organiser (or door staff) and the event they manage, scoped in the query. */
export async function requireStaffEvent(request: Request, slug: string | undefined, capability: Capability = "manage") {
  const user = await requireUser(request);
  const event = await orResponse(() => requireManagedEvent(user, slug ?? "", capability));
  return { user, event };
}

export { DomainError };
