// Previous/next links for a paged list, with where the reader is ("51–100 of 1 234").
// Plain links, so paging works without JavaScript and every page has its own address.
import { Link } from "@remix-run/react";
import type { PageInfo } from "~/domain/kernel/paging";

export function Pager({
  info,
  hrefFor,
  label,
  newer = "Newer",
  older = "Older",
}: {
  info: PageInfo;
  hrefFor: (page: number) => string;
  /** What the pages are of, for screen readers: "Pages of registrations". */
  label: string;
  newer?: string;
  older?: string;
}) {
  if (info.pages <= 1) return null;
  const count = new Intl.NumberFormat("en-GB");
  return (
    <nav className="button-row pager" aria-label={label}>
      {info.page > 1 ? (
        <Link className="button button--ghost button--small" to={hrefFor(info.page - 1)} rel="prev">
          {newer}
        </Link>
      ) : null}
      <span className="tz-note" aria-current="page">
        {`${count.format(info.first)}–${count.format(info.last)} of ${count.format(info.total)} · page ${info.page} of ${info.pages}`}
      </span>
      {info.page < info.pages ? (
        <Link className="button button--ghost button--small" to={hrefFor(info.page + 1)} rel="next">
          {older}
        </Link>
      ) : null}
    </nav>
  );
}
