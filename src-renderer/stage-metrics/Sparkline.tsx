import type { MetricReading } from '../../shared/board';

/** Readings a sparkline draws at most (the newest ones). */
const SPARK_POINTS = 24;

/** Points of a sparkline of `history` in a `width` × `height` box, or '' when fewer than two readings. */
export function sparkPoints(history: readonly MetricReading[], width: number, height: number): string {
  const recent = history.slice(-SPARK_POINTS);
  if (recent.length < 2) return '';
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const r of recent) {
    min = Math.min(min, r.value);
    max = Math.max(max, r.value);
  }
  const span = max - min || 1;
  const step = width / (recent.length - 1);
  return recent
    .map(
      (r, i) =>
        `${(i * step).toFixed(1)},${(height - 1 - ((r.value - min) / span) * (height - 2)).toFixed(1)}`,
    )
    .join(' ');
}

/** A tiny line of a metric's history (decorative: the chip's accessible name says the values). */
export function Sparkline({ history }: { history: readonly MetricReading[] }) {
  const points = sparkPoints(history, 48, 16);
  if (!points) return null;
  return (
    <svg className="sm-spark" width={48} height={16} viewBox="0 0 48 16" aria-hidden="true">
      <polyline points={points} />
    </svg>
  );
}
