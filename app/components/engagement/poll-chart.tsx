// A poll's results as inline SVG: horizontal bars for choices, quiz answers and ratings, sized
// words for a word cloud, a list for open text. Visible without JavaScript, scales with the page
// (viewBox), and carries a text alternative.
import { useId } from "react";
import { barShares, type PollView } from "~/domain/engagement/polls";

/** Bars are drawn on a 400-unit-wide box: readable on a 390 px phone, capped in width on desktop (CSS). */
const W = 400;

export function BarChart({ rows, label, large }: { rows: { label: string; count: number; correct?: boolean }[]; label: string; large?: boolean }) {
  const id = useId();
  const shares = barShares(rows.map((r) => r.count));
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const rowHeight = large ? 56 : 40;
  const height = rows.length * rowHeight + 8;
  return (
    <svg className="poll-chart" viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby={`${id}-t`} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-t`}>{`${label}: ${rows.map((r) => `${r.label} ${r.count}`).join(", ")}`}</title>
      {rows.map((r, i) => {
        const y = i * rowHeight + 4;
        const percent = total === 0 ? 0 : Math.round((r.count / total) * 100);
        return (
          <g key={`${r.label}-${i}`}>
            <rect x={0} y={y} width={W} height={rowHeight - 10} rx={6} className="poll-chart__track" />
            <rect
              x={0}
              y={y}
              width={(shares[i] / 100) * W}
              height={rowHeight - 10}
              rx={6}
              className={r.correct ? "poll-chart__bar poll-chart__bar--correct" : "poll-chart__bar"}
            />
            <text x={12} y={y + (rowHeight - 10) / 2 + 5} className="poll-chart__label">
              {r.correct ? "✓ " : ""}
              {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
            </text>
            <text x={W - 12} y={y + (rowHeight - 10) / 2 + 5} textAnchor="end" className="poll-chart__value">
              {`${r.count} · ${percent}%`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Words laid out in rows, the most frequent largest; a moderator sees hidden words struck through. */
function WordCloud({ entries, label }: { entries: { text: string; count: number; hidden?: boolean }[]; label: string }) {
  const id = useId();
  const max = Math.max(1, ...entries.map((e) => e.count));
  const placed: { text: string; x: number; y: number; size: number; hidden?: boolean; count: number }[] = [];
  let x = 10;
  let y = 0;
  let lineHeight = 0;
  for (const e of entries) {
    const size = 16 + Math.round((e.count / max) * 32);
    const width = e.text.length * size * 0.58 + 18;
    if (x + width > 600 && x > 10) {
      x = 10;
      y += lineHeight + 8;
      lineHeight = 0;
    }
    lineHeight = Math.max(lineHeight, size);
    placed.push({ text: e.text, x, y: y + size, size, hidden: e.hidden, count: e.count });
    x += width;
  }
  const height = y + lineHeight + 12;
  return (
    <svg className="poll-chart poll-chart--cloud" viewBox={`0 0 600 ${Math.max(height, 40)}`} role="img" aria-labelledby={`${id}-t`}>
      <title id={`${id}-t`}>{`${label}: ${entries.map((e) => `${e.text} (${e.count})`).join(", ")}`}</title>
      {placed.map((w, i) => (
        <text
          key={`${w.text}-${i}`}
          x={w.x}
          y={w.y}
          fontSize={w.size}
          className={w.hidden ? "poll-cloud__word poll-cloud__word--hidden" : `poll-cloud__word poll-cloud__word--${i % 4}`}
        >
          {w.text}
        </text>
      ))}
    </svg>
  );
}

export function PollResults({ poll, large = false }: { poll: PollView; large?: boolean }) {
  const results = poll.results;
  if (!results) return <p className="poll-results__hidden">Results will be shown when the moderator reveals them.</p>;
  if (poll.total === 0) return <p className="poll-results__hidden">No answers yet.</p>;
  if (poll.kind === "RATING") {
    return (
      <div>
        <p className="poll-results__summary">
          Average <strong>{results.average ?? "–"}</strong> of 5 · {poll.total} {poll.total === 1 ? "answer" : "answers"}
        </p>
        <BarChart rows={results.ratings.map((count, i) => ({ label: `${"★".repeat(i + 1)} ${i + 1}`, count }))} label={poll.question} large={large} />
      </div>
    );
  }
  if (poll.kind === "WORD_CLOUD") return <WordCloud entries={results.entries} label={poll.question} />;
  if (poll.kind === "TEXT") {
    return (
      <ul className="poll-answers">
        {results.entries.map((e, i) => (
          <li key={i} className={e.hidden ? "poll-answers__hidden" : undefined}>
            {e.text}
            {e.author ? <span className="tz-note"> — {e.author}</span> : null}
          </li>
        ))}
      </ul>
    );
  }
  return <BarChart rows={results.options.map((o) => ({ label: o.label, count: o.count, correct: o.correct }))} label={poll.question} large={large} />;
}
