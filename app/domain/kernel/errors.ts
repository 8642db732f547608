// The one error type of the domain. Routes and socket handlers map `code` to an HTTP status or
// a socket acknowledgement at the edge; the message is safe to show to the person who acted.

export type DomainErrorCode =
  | "VALIDATION"
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "EMAIL_TAKEN"
  | "INVALID_CREDENTIALS"
  | "SOLD_OUT"
  | "ALREADY_REGISTERED"
  | "SALES_CLOSED"
  | "SLOT_TAKEN"
  | "STALE_VERSION"
  | (string & {});

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fieldErrors?: Record<string, string>;
  /** Seconds until the caller may try again (RATE_LIMITED). */
  readonly retryAfter?: number;

  constructor(code: DomainErrorCode, message: string, extra: { fieldErrors?: Record<string, string>; retryAfter?: number } = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.retryAfter = extra.retryAfter;
  }
}

const statusByCode: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_SUSPENDED: 403,
  FORBIDDEN: 403,
  EMAIL_NOT_VERIFIED: 403,
  SECOND_FACTOR_REQUIRED: 403,
  INVALID_TOKEN: 410,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ALREADY_REGISTERED: 409,
  SOLD_OUT: 409,
  SLOT_TAKEN: 409,
  STALE_VERSION: 409,
  SALES_CLOSED: 422,
  JOIN_NOT_OPEN: 409,
  JOIN_CLOSED: 410,
  RATE_LIMITED: 429,
};

/** HTTP status for a domain error code; unknown codes are the caller's mistake (422). */
export function httpStatusFor(code: DomainErrorCode): number {
  return statusByCode[code] ?? 422;
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
