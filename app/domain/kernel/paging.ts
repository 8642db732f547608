// Paging for long organiser and admin lists: which rows a page holds, clamped so an old link to
// a page past the end still shows the last page instead of an empty list.

export interface PageInfo {
  /** 1-based, within 1…pages */
  page: number;
  pages: number;
  total: number;
  /** 1-based positions of the first and last row on this page (0 and 0 when empty). */
  first: number;
  last: number;
}

export function pageOf(requested: number | null | undefined, total: number, size: number): PageInfo & { skip: number; take: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const wanted = Number.isFinite(requested) ? Math.floor(requested as number) : 1;
  const page = Math.min(pages, Math.max(1, wanted));
  const skip = (page - 1) * size;
  return { page, pages, total, skip, take: size, first: total === 0 ? 0 : skip + 1, last: Math.min(total, skip + size) };
}
