// The two things every searchable list page has: a GET form of filters with "Search" and "Clear",
// and a friendly empty state. Plain forms and links, so both work without JavaScript and every
// filtered view has its own address.
import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";

export function FilterForm({
  label,
  clearTo,
  submitLabel = "Search",
  busyLabel = submitLabel,
  clearLabel = "Clear",
  filtered = true,
  children,
}: {
  /** For screen readers: "Search people". */
  label: string;
  /** The list without filters. */
  clearTo: string;
  submitLabel?: string;
  /** Shown on the button while the filtered list loads. */
  busyLabel?: string;
  clearLabel?: string;
  /** Whether any filter is set: "Clear" is offered only then. */
  filtered?: boolean;
  children: ReactNode;
}) {
  const loading = useNavigation().state === "loading";
  return (
    <Form method="get" className="filters card" aria-label={label}>
      {children}
      <div className="filters__actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? busyLabel : submitLabel}
        </button>
        {filtered ? (
          <Link className="button button--ghost" to={clearTo}>
            {clearLabel}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children ? <p>{children}</p> : null}
    </div>
  );
}
