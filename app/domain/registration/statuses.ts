// Registration statuses in the order organisers read them (shared by pages and exports).
import type { RegistrationStatus } from "./ticket-rules";

export const REGISTRATION_STATUSES: RegistrationStatus[] = [
  "PENDING_APPROVAL",
  "PENDING_PAYMENT",
  "CONFIRMED",
  "WAITLISTED",
  "OFFERED",
  "CANCELLED",
  "REJECTED",
  "EXPIRED",
];

/** Rows per page of the organiser's registration list (the CSV has them all). */
export const REGISTRATIONS_PAGE_SIZE = 50;
