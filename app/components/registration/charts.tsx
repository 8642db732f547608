// Inline-SVG charts for the organiser dashboard: visible without JavaScript, scale with the
// page (viewBox), and carry a text alternative (title + a data table for screen readers).
import { useId } from "react";
import { lineGeometry, type SeriesPoint } from "~/domain/registration/charts";

export function LineChart({ points, label, unit, area = true }: { points: SeriesPoint[]; label: string; unit: string; area?: boolean }) {
  const id = useId();
  if (points.length === 0) return <p className="empty-state reg-chart-empty">Nothing to show yet.</p>;
  const g = lineGeometry(points);
  const last = points[points.length - 1];
  return (
    <figure className="reg-chart">
      <svg viewBox={`0 0 ${g.box.width} ${g.box.height}`} role="img" aria-labelledby={`${id}-t`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-t`}>{`${label}: ${points.length} points, latest ${last.value} ${unit}`}</title>
        {g.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={g.box.left} x2={g.box.width - g.box.right} y1={tick.y} y2={tick.y} className="reg-chart__grid" />
            <text x={g.box.left - 6} y={tick.y + 4} textAnchor="end" className="reg-chart__axis">
              {tick.value}
            </text>
          </g>
        ))}
        {area ? <path d={g.area} className="reg-chart__area" /> : null}
        <path d={g.line} className="reg-chart__line" />
        {g.dots.length <= 60
          ? g.dots.map((d, i) => (
              <circle key={i} cx={d.x} cy={d.y} r={3} className="reg-chart__dot">
                <title>{d.point.title}</title>
              </circle>
            ))
          : null}
        {g.xLabels.map((l, i) => (
          <text key={i} x={l.x} y={g.box.height - 8} textAnchor="middle" className="reg-chart__axis">
            {l.label}
          </text>
        ))}
      </svg>
      <details className="reg-chart__data">
        <summary>Show the numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <td>{p.title.split(":")[0]}</td>
                <td>{p.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function BarChart({ bars, label }: { bars: { label: string; value: number; max: number | null; note: string }[]; label: string }) {
  const id = useId();
  if (bars.length === 0) return <p className="empty-state reg-chart-empty">No ticket types yet.</p>;
  const rowH = 34;
  const width = 640;
  const left = 170;
  const right = 120;
  const height = bars.length * rowH + 8;
  return (
    <figure className="reg-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t`}>
        <title id={`${id}-t`}>{`${label}: ${bars.map((b) => `${b.label} ${b.note}`).join("; ")}`}</title>
        {bars.map((bar, i) => {
          const y = i * rowH + 6;
          const inner = width - left - right;
          const share = bar.max === null ? null : bar.max <= 0 ? 1 : Math.min(1, bar.value / bar.max);
          return (
            <g key={bar.label + i}>
              <text x={left - 8} y={y + 17} textAnchor="end" className="reg-chart__label">
                {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
              </text>
              <rect x={left} y={y} width={inner} height={22} rx={5} className="reg-chart__track" />
              {share === null ? null : (
                <rect
                  x={left}
                  y={y}
                  width={Math.max(share > 0 ? 3 : 0, inner * share)}
                  height={22}
                  rx={5}
                  className={share >= 1 ? "reg-chart__bar reg-chart__bar--full" : "reg-chart__bar"}
                />
              )}
              <text x={width - right + 8} y={y + 17} className="reg-chart__label">
                {bar.note}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
