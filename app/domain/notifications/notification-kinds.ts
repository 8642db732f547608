// The kinds of optional email a person can turn off. Service emails (tickets, payments, account
// security, changes to what one registered for) are always sent: they are part of the service.
export const NOTIFICATION_KINDS = ["REMINDERS", "MEETING_REQUESTS", "INTRODUCTIONS", "ORGANISER_MESSAGES"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  REMINDERS: { label: "Session reminders", hint: "Before online sessions on your agenda." },
  MEETING_REQUESTS: { label: "Meeting requests", hint: "When someone asks for, moves or answers a roadshow meeting." },
  INTRODUCTIONS: { label: "Introductions", hint: "When someone in a matchmaking room would like to meet you." },
  ORGANISER_MESSAGES: { label: "Messages from organisers", hint: "News organisers send to the people registered for their events." },
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** The kinds still on, from the stored opt-outs. */
export function enabledKinds(optOuts: readonly string[] | null | undefined): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => !(optOuts ?? []).includes(kind));
}
