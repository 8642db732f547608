// Edge mapping for the agenda's routes: a DomainError becomes a Response with a status and a
// message safe to show; anything else is rethrown (a real bug, a 500).
import { httpStatusFor, isDomainError } from "~/domain/errors";

const AGENDA_STATUS: Record<string, number> = {
  JOIN_NOT_OPEN: 409,
  JOIN_CLOSED: 410,
};

export function agendaStatusFor(code: string): number {
  return AGENDA_STATUS[code] ?? httpStatusFor(code);
}

/** For loaders: `catch (e) { throw agendaErrorResponse(e) }` renders the nearest ErrorBoundary. */
export function agendaErrorResponse(error: unknown): Response {
  if (error instanceof Response) return error;
  if (!isDomainError(error)) throw error;
  return new Response(error.message, { status: agendaStatusFor(error.code) });
}

export interface AgendaActionFailure {
  ok: false;
  /** STALE_VERSION: the page is out of date and must be reloaded. */
  stale: boolean;
  code: string;
  formError: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  intent?: string;
}

/** For actions: the failure body and status; non-domain errors are rethrown. */
export function agendaActionFailure(error: unknown, values: Record<string, string> = {}, intent?: string): { body: AgendaActionFailure; status: number } {
  if (!isDomainError(error)) throw error;
  return {
    body: { ok: false, stale: error.code === "STALE_VERSION", code: error.code, formError: error.message, fieldErrors: error.fieldErrors ?? {}, values, intent },
    status: agendaStatusFor(error.code),
  };
}
