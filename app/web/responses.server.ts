// The edge between the domain and HTTP for loaders: a DomainError becomes the Response its code
// calls for (rendered by the nearest ErrorBoundary with its message); anything else is a bug and
// is rethrown (a 500).
import { httpStatusFor, isDomainError } from "~/domain/kernel/errors";

export function domainErrorResponse(error: unknown): Response {
  if (error instanceof Response) return error;
  if (!isDomainError(error)) throw error;
  return new Response(error.message, { status: httpStatusFor(error.code) });
}

/** `await orErrorResponse(findThing(id, user))`: the value, or a thrown error Response. */
export async function orErrorResponse<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw domainErrorResponse(error);
  }
}
