// Edge mapping for the agenda's actions: a DomainError becomes the editor's failure body (loaders
// use app/web/responses.server.ts); anything else is rethrown (a real bug, a 500).
import { httpStatusFor, isDomainError } from "~/domain/kernel/errors";

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
    body: {
      ok: false,
      stale: error.code === "STALE_VERSION",
      code: error.code,
      formError: error.message,
      fieldErrors: error.fieldErrors ?? {},
      values,
      intent,
    },
    status: httpStatusFor(error.code),
  };
}
