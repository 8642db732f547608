// Pure chart data for the organiser dashboard: time series bucketed in the event's zone and
// the geometry of small inline-SVG charts (no chart library, no JavaScript needed to see them).
import { dayKey, formatDate, formatTime } from "~/domain/kernel/time/zoned";

export interface SeriesPoint {
  /** Axis label, e.g. "3 Mar" or "14:00". */
  label: string;
  /** Longer text for screen readers and tooltips. */
  title: string;
  value: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function addDays(key: string, days: number): string {
  const [y, m, d] = key.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

function shortDay(key: string): string {
  const [y, m, d] = key.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * Running total per calendar day (in `timeZone`) from the first instant's day to `until`'s day
 * (or the last instant's). Days without activity repeat the previous total, so the line is honest.
 */
export function cumulativeByDay(instants: readonly Date[], timeZone: string, until?: Date, maxDays = 120): SeriesPoint[] {
  if (instants.length === 0) return [];
  const perDay = new Map<string, number>();
  let first = instants[0];
  let last = instants[0];
  for (const instant of instants) {
    const key = dayKey(instant, timeZone);
    perDay.set(key, (perDay.get(key) ?? 0) + 1);
    if (instant < first) first = instant;
    if (instant > last) last = instant;
  }
  const lastKey = dayKey(until && until > last ? until : last, timeZone);
  let key = dayKey(first, timeZone);
  // Only the most recent `maxDays` are drawn; what came before is folded into the first point.
  const keys: string[] = [];
  while (key <= lastKey) {
    keys.push(key);
    key = addDays(key, 1);
  }
  let total = 0;
  const points: SeriesPoint[] = [];
  const start = Math.max(0, keys.length - maxDays);
  for (let i = 0; i < keys.length; i++) {
    total += perDay.get(keys[i]) ?? 0;
    if (i >= start) points.push({ label: shortDay(keys[i]), title: `${shortDay(keys[i])}: ${total} in total`, value: total });
  }
  return points;
}

/** Count per hour (in `timeZone`) from the first to the last instant, empty hours included. */
export function countsByHour(instants: readonly Date[], timeZone: string, maxBuckets = 48): SeriesPoint[] {
  if (instants.length === 0) return [];
  const times = instants.map((instant) => instant.getTime()).sort((a, b) => a - b);
  // Real hours (UTC steps), labelled in the zone: a DST night has 23 or 25 of them, truthfully.
  const floorHour = (t: number) => Math.floor(t / HOUR_MS) * HOUR_MS;
  const firstBucket = Math.max(floorHour(times[0]), floorHour(times[times.length - 1]) - (maxBuckets - 1) * HOUR_MS);
  const counts = new Map<number, number>();
  for (const t of times) {
    const bucket = Math.max(firstBucket, floorHour(t));
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const points: SeriesPoint[] = [];
  for (let bucket = firstBucket; bucket <= floorHour(times[times.length - 1]); bucket += HOUR_MS) {
    const at = new Date(bucket);
    const value = counts.get(bucket) ?? 0;
    points.push({ label: formatTime(at, timeZone), title: `${formatDate(at, timeZone)} ${formatTime(at, timeZone)}: ${value}`, value });
  }
  return points;
}

/** A "nice" axis maximum: 1, 2, 5 × 10^n at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_BOX: ChartBox = { width: 640, height: 180, left: 40, right: 12, top: 12, bottom: 28 };

export interface LineGeometry {
  box: ChartBox;
  line: string;
  area: string;
  dots: { x: number; y: number; point: SeriesPoint }[];
  yTicks: { y: number; value: number }[];
  xLabels: { x: number; label: string }[];
}

const r = (n: number) => Math.round(n * 10) / 10;

/** Polyline + filled area of a series; x evenly spaced, y scaled to a nice maximum. */
export function lineGeometry(points: readonly SeriesPoint[], box: ChartBox = DEFAULT_BOX, maxXLabels = 6): LineGeometry {
  const innerW = box.width - box.left - box.right;
  const innerH = box.height - box.top - box.bottom;
  // Counts: at least 0–2, so the middle gridline is a whole number too.
  const top = Math.max(2, niceMax(Math.max(0, ...points.map((p) => p.value))));
  const x = (i: number) => r(box.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1)));
  const y = (v: number) => r(box.top + innerH - (v / top) * innerH);
  const dots = points.map((point, i) => ({ x: x(i), y: y(point.value), point }));
  const line = dots.map((d, i) => `${i === 0 ? "M" : "L"}${d.x} ${d.y}`).join(" ");
  const baseline = r(box.top + innerH);
  const area = dots.length ? `${line} L${dots[dots.length - 1].x} ${baseline} L${dots[0].x} ${baseline} Z` : "";
  const yTicks = (Number.isInteger(top / 2) ? [0, 0.5, 1] : [0, 1]).map((f) => ({ y: y(top * f), value: top * f }));
  const every = Math.max(1, Math.ceil(points.length / maxXLabels));
  const xLabels = points.flatMap((p, i) => (i % every === 0 || i === points.length - 1 ? [{ x: x(i), label: p.label }] : []));
  // Avoid the last label colliding with the one before it.
  if (xLabels.length >= 2 && xLabels[xLabels.length - 1].x - xLabels[xLabels.length - 2].x < innerW / (maxXLabels * 1.5)) xLabels.splice(xLabels.length - 2, 1);
  return { box, line, area, dots, yTicks, xLabels };
}

/** Share of seats taken, 0–1; null when the ticket type is unlimited. */
export function fillRate(taken: number, capacity: number | null): number | null {
  if (capacity === null) return null;
  if (capacity <= 0) return 1;
  return Math.min(1, Math.max(0, taken / capacity));
}
