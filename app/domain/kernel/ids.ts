// Ids arrive from URLs and forms as text. PostgreSQL refuses a malformed uuid with an error
// (Prisma P2007), which would surface as a 500; checking first turns it into the 404 or 400 a
// mistyped or tampered link deserves. This is the one id format of the domain: every table keys
// on uuid, and ids from outside (URLs, forms, socket payloads, Stripe metadata) are checked here.
import { DomainError } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The id itself, or NOT_FOUND with `message` ("This session does not exist."). */
export function requireUuid(value: unknown, message: string): string {
  if (!isUuid(value)) throw new DomainError("NOT_FOUND", message);
  return value;
}
