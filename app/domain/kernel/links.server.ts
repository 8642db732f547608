// Absolute links to the platform's own pages, for emails and calendar entries (PUBLIC_URL +
// path). Several capabilities point people at the same pages, so each address is written once.
import { publicUrl } from "~/platform/env.server";

/** The public event page. */
export function eventPageUrl(slug: string): string {
  return `${publicUrl()}/events/${encodeURIComponent(slug)}`;
}

/** One registration of the signed-in person: ticket, QR code, payment. */
export function ticketPageUrl(registrationId: string): string {
  return `${publicUrl()}/my/registrations/${registrationId}`;
}

/** "My registrations", where requests are followed or withdrawn. */
export function myRegistrationsUrl(): string {
  return `${publicUrl()}/my/registrations`;
}
