// An event's publication status as a badge: draft (only organisers see it), published, cancelled.
const LABELS = { DRAFT: "Draft", PUBLISHED: "Published", CANCELLED: "Cancelled" } as const;
const CLASSES = { DRAFT: "badge badge--warn", PUBLISHED: "badge badge--picked", CANCELLED: "badge badge--cancelled" } as const;

export function EventStatusBadge({ status }: { status: keyof typeof LABELS }) {
  return <span className={CLASSES[status]}>{LABELS[status]}</span>;
}
