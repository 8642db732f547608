// Registration statuses in the order organisers read them (shared by pages and exports).
import type { RegistrationStatus } from "./ticket-rules";

export const REGISTRATION_STATUSES: RegistrationStatus[] = ["PENDING_APPROVAL", "PENDING_PAYMENT", "CONFIRMED", "WAITLISTED", "OFFERED", "CANCELLED", "REJECTED", "EXPIRED"];

/** At most this many rows are listed on the organiser's page (the CSV has them all). */
export const LIST_LIMIT = 200;
