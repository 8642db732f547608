// The timetable editor's day view: columns (rooms or tracks), rows (real-time slices), sessions
// as blocks. Move by dragging a block, resize by dragging its bottom edge (pointer events, snapped
// to rows), or with the keyboard: focus a block, arrows move it (Shift+arrows resize), Enter
// saves, Escape cancels. Saves go through a fetcher carrying the session's version.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CSRF_FIELD_NAME } from "~/web/csrf";

export interface GridRow {
  startsAt: string;
  endsAt: string;
  label: string;
  /** Wall time at the row's end, "HH:mm". */
  endLabel: string;
  onTheHour: boolean;
  afterClockChange: boolean;
}

export interface GridColumn {
  id: string;
  name: string;
}

export interface GridBlock {
  id: string;
  title: string;
  time: string;
  status: string;
  format: string;
  version: number;
  startsAt: string;
  endsAt: string;
  columnIndex: number;
  startRow: number;
  rowSpan: number;
  lane: number;
  laneCount: number;
  conflicted: boolean;
  accepted: boolean;
  color: string | null;
  clippedTop: boolean;
  clippedBottom: boolean;
}

interface Preview {
  id: string;
  startRow: number;
  rowSpan: number;
  columnIndex: number;
}

const ROW_PX = 28;

export function TimetableGrid(props: {
  rows: GridRow[];
  columns: GridColumn[];
  blocks: GridBlock[];
  columnKind: "room" | "track";
  csrfToken: string;
  editHref: (id: string) => string;
  selectedId: string | null;
}) {
  const { rows, columns, blocks, columnKind } = props;
  const fetcher = useFetcher<{ ok: boolean; formError?: string; stale?: boolean }>({ key: "timetable-move" });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const drag = useRef<{ id: string; mode: "move" | "resize"; x: number; y: number; colWidth: number; origin: Preview; moved: boolean } | null>(null);
  const suppressClick = useRef(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const pendingId = fetcher.state !== "idle" ? (fetcher.formData?.get("sessionId") as string | null) : null;

  // After a save (or a refusal) the loader's layout is the truth again.
  useEffect(() => {
    if (fetcher.state === "idle") setPreview(null);
  }, [fetcher.state, fetcher.data]);

  const clampRow = (row: number, span: number) => Math.max(0, Math.min(rows.length - span, row));
  const clampCol = (col: number) => Math.max(0, Math.min(columns.length - 1, col));

  function describe(p: Preview): string {
    const start = rows[p.startRow]?.label ?? "";
    const end = rows[p.startRow + p.rowSpan - 1]?.endLabel ?? "";
    return `${start}–${end}, ${columns[p.columnIndex]?.name ?? ""}`;
  }

  function commit(block: GridBlock, p: Preview) {
    const unchanged = p.startRow === block.startRow && p.rowSpan === block.rowSpan && p.columnIndex === block.columnIndex;
    if (unchanged) {
      setPreview(null);
      return;
    }
    const form = new FormData();
    form.set(CSRF_FIELD_NAME, props.csrfToken);
    form.set("intent", "move");
    form.set("sessionId", block.id);
    form.set("version", String(block.version));
    const durationMs = new Date(block.endsAt).getTime() - new Date(block.startsAt).getTime();
    if (p.startRow !== block.startRow) {
      const start = new Date(rows[p.startRow].startsAt);
      form.set("startsAt", start.toISOString());
      form.set(
        "endsAt",
        (p.rowSpan !== block.rowSpan ? new Date(rows[p.startRow + p.rowSpan - 1].endsAt) : new Date(start.getTime() + durationMs)).toISOString(),
      );
    } else if (p.rowSpan !== block.rowSpan) {
      form.set("endsAt", new Date(rows[p.startRow + p.rowSpan - 1].endsAt).toISOString());
    }
    if (p.columnIndex !== block.columnIndex) form.set(columnKind === "room" ? "roomId" : "trackId", columns[p.columnIndex].id);
    setAnnouncement(`Saving ${block.title}: ${describe(p)}.`);
    fetcher.submit(form, { method: "post" });
  }

  function onPointerDown(event: React.PointerEvent, block: GridBlock, mode: "move" | "resize") {
    if (event.button !== 0 || block.clippedTop || block.clippedBottom) return;
    const grid = gridRef.current;
    const header = grid?.querySelector<HTMLElement>(".timetable__colhead");
    drag.current = {
      id: block.id,
      mode,
      x: event.clientX,
      y: event.clientY,
      colWidth: header?.getBoundingClientRect().width ?? 200,
      origin: { id: block.id, startRow: block.startRow, rowSpan: block.rowSpan, columnIndex: block.columnIndex },
      moved: false,
    };
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    if (mode === "resize") event.stopPropagation();
  }

  function onPointerMove(event: React.PointerEvent) {
    const state = drag.current;
    if (!state) return;
    const dx = event.clientX - state.x;
    const dy = event.clientY - state.y;
    if (!state.moved && Math.abs(dx) < 4 && Math.abs(dy) < 4) return;
    state.moved = true;
    const dRows = Math.round(dy / ROW_PX);
    const { origin } = state;
    if (state.mode === "move") {
      const dCols = Math.round(dx / state.colWidth);
      setPreview({ ...origin, startRow: clampRow(origin.startRow + dRows, origin.rowSpan), columnIndex: clampCol(origin.columnIndex + dCols) });
    } else {
      const span = Math.max(1, Math.min(rows.length - origin.startRow, origin.rowSpan + dRows));
      setPreview({ ...origin, rowSpan: span });
    }
  }

  function onPointerUp(block: GridBlock) {
    const state = drag.current;
    drag.current = null;
    if (!state || !state.moved) return;
    suppressClick.current = true;
    setTimeout(() => (suppressClick.current = false), 0);
    if (preview && preview.id === block.id) commit(block, preview);
  }

  function onKeyDown(event: React.KeyboardEvent, block: GridBlock) {
    if (block.clippedTop || block.clippedBottom) return;
    const current =
      preview && preview.id === block.id ? preview : { id: block.id, startRow: block.startRow, rowSpan: block.rowSpan, columnIndex: block.columnIndex };
    let next: Preview | null = null;
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      const delta = event.key === "ArrowUp" ? -1 : 1;
      next = event.shiftKey
        ? { ...current, rowSpan: Math.max(1, Math.min(rows.length - current.startRow, current.rowSpan + delta)) }
        : { ...current, startRow: clampRow(current.startRow + delta, current.rowSpan) };
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      next = { ...current, columnIndex: clampCol(current.columnIndex + (event.key === "ArrowLeft" ? -1 : 1)) };
    } else if (event.key === "Enter" && preview && preview.id === block.id) {
      event.preventDefault();
      commit(block, preview);
      return;
    } else if (event.key === "Escape" && preview) {
      setPreview(null);
      setAnnouncement("Move cancelled.");
      return;
    }
    if (next) {
      event.preventDefault();
      setPreview(next);
      setAnnouncement(`${block.title}: ${describe(next)}. Press Enter to save, Escape to cancel.`);
    }
  }

  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <div className="timetable-wrap">
      {result && !result.ok ? (
        <div className="notice notice--error" role="alert">
          {result.formError}
          {result.stale ? (
            <>
              {" "}
              <button type="button" className="button button--small button--ghost" onClick={() => window.location.reload()}>
                Reload
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className="timetable-scroll" tabIndex={-1}>
        <div
          ref={gridRef}
          className="timetable"
          style={{
            gridTemplateColumns: `4.5rem repeat(${columns.length}, minmax(11rem, 1fr))`,
            gridTemplateRows: `2.5rem repeat(${rows.length}, ${ROW_PX}px)`,
          }}
        >
          <div className="timetable__corner" style={{ gridColumn: 1, gridRow: 1 }}>
            Time
          </div>
          {columns.map((column, index) => (
            <div key={column.id} className="timetable__colhead" style={{ gridColumn: index + 2, gridRow: 1 }}>
              {column.name}
            </div>
          ))}
          {rows.map((row, index) => (
            <div
              key={row.startsAt}
              className={`timetable__time${row.onTheHour ? " is-hour" : ""}${row.afterClockChange ? " is-clock-change" : ""}`}
              style={{ gridColumn: 1, gridRow: index + 2 }}
            >
              {row.onTheHour || row.afterClockChange || index === 0 ? row.label : ""}
            </div>
          ))}
          {rows.map((row, index) =>
            columns.map((column, columnIndex) => (
              <div
                key={`${row.startsAt}-${column.id}`}
                className={`timetable__cell${row.onTheHour ? " is-hour" : ""}`}
                style={{ gridColumn: columnIndex + 2, gridRow: index + 2 }}
                aria-hidden="true"
              />
            )),
          )}
          {blocks.map((block) => {
            const shown = preview && preview.id === block.id ? preview : block;
            const moving = Boolean(preview && preview.id === block.id);
            const width = 100 / block.laneCount;
            return (
              <div
                key={block.id}
                className={[
                  "timetable__block",
                  `timetable__block--${block.status.toLowerCase()}`,
                  block.conflicted ? (block.accepted ? "is-accepted" : "is-conflicted") : "",
                  moving ? "is-moving" : "",
                  pendingId === block.id ? "is-saving" : "",
                  props.selectedId === block.id ? "is-selected" : "",
                ].join(" ")}
                style={{
                  gridColumn: shown.columnIndex + 2,
                  gridRow: `${shown.startRow + 2} / span ${shown.rowSpan}`,
                  width: moving ? "100%" : `calc(${width}% - 4px)`,
                  marginLeft: moving ? 0 : `${width * block.lane}%`,
                  ["--track" as string]: block.color ?? "var(--brand)",
                }}
                onPointerDown={(event) => onPointerDown(event, block, "move")}
                onPointerMove={onPointerMove}
                onPointerUp={() => onPointerUp(block)}
                onPointerCancel={() => {
                  drag.current = null;
                  setPreview(null);
                }}
              >
                <Link
                  to={props.editHref(block.id)}
                  className="timetable__link"
                  draggable={false}
                  preventScrollReset
                  onClick={(event) => {
                    if (suppressClick.current || moving) event.preventDefault();
                  }}
                  onKeyDown={(event) => onKeyDown(event, block)}
                  aria-label={`${block.title}, ${block.time}${block.conflicted ? ", has a conflict" : ""}. Arrow keys move it, Shift plus arrows resize it, Enter saves.`}
                >
                  <span className="timetable__title">{block.title}</span>
                  <span className="timetable__meta">{moving ? describe(shown) : block.time}</span>
                  {block.status === "DRAFT" ? <span className="timetable__tag">Draft</span> : null}
                  {block.status === "CANCELLED" ? <span className="timetable__tag">Cancelled</span> : null}
                  {block.conflicted ? <span className="timetable__tag timetable__tag--warn">{block.accepted ? "Conflict accepted" : "Conflict"}</span> : null}
                </Link>
                {!block.clippedBottom ? (
                  <span
                    className="timetable__resize"
                    aria-hidden="true"
                    onPointerDown={(event) => onPointerDown(event, block, "resize")}
                    onPointerMove={onPointerMove}
                    onPointerUp={() => onPointerUp(block)}
                  />
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
