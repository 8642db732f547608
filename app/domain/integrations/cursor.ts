// Opaque cursors for keyset paging: a cursor names the last item of a page by its sort instant and
// id (a total, stable order), base64url-encoded so clients treat it as a token. Pure.
import { DomainError } from "~/domain/kernel/errors";
import { isUuid } from "~/domain/kernel/ids";

export interface CursorPosition {
  at: Date;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, "utf8").toString("base64url");
}

/** The position a cursor names; a VALIDATION error (field `cursor`) for anything we did not issue. */
export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (cursor === undefined || cursor === "") return null;
  const invalid = () =>
    new DomainError("VALIDATION", "This cursor is not one of ours.", { fieldErrors: { cursor: "Use the `next` value of a previous page." } });
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw invalid();
  const [iso, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (rest.length || !isUuid(id) || Number.isNaN(at.getTime()) || at.toISOString() !== iso) throw invalid();
  return { at, id };
}

/** Prisma `where` for the items after `position` in (field, id) order. */
export function after<Field extends string>(field: Field, position: CursorPosition | null) {
  if (!position) return {};
  return { OR: [{ [field]: { gt: position.at } }, { [field]: position.at, id: { gt: position.id } }] } as Record<string, unknown>;
}

/** Takes `limit + 1` rows to know whether there is a next page; returns the page and its cursor. */
export function pageFrom<Row extends { id: string }>(rows: Row[], limit: number, at: (row: Row) => Date): { rows: Row[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? encodeCursor({ at: at(last), id: last.id }) : null };
}
