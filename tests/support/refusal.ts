// The DomainError a promise is refused with; anything else (a resolution, another error) fails
// the test, so "expected CONFLICT" can never pass on a crash.
import { DomainError } from "~/domain/kernel/errors";

export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}
