import { useTranslation } from 'react-i18next';
import type { MetricReading } from '../../shared/board';
import { chartGeometry } from './chart';
import { formatNumber, unitText } from './format';

/**
 * A metric's history as a line over time with its target as a dashed line (SVG). Screen
 * readers get the summary as the image's name; the same readings are in the table beside it.
 */
export function HistoryChart({
  history,
  target,
  unit,
  width = 460,
  height = 160,
}: {
  history: readonly MetricReading[];
  target: number | null;
  unit: string;
  width?: number;
  height?: number;
}) {
  const { t, i18n } = useTranslation();
  const g = chartGeometry(history, target, { width, height });
  const fmt = (v: number) => formatNumber(v, i18n.language);
  const last = history.at(-1);
  const summary =
    history.length === 0
      ? t('metrics.history.chartEmpty')
      : t('metrics.history.chartSummary', {
          count: history.length,
          from: history[0]!.date,
          to: last!.date,
          last: fmt(last!.value),
          unit: unitText(t, unit),
          target: target === null ? t('metrics.history.noTarget') : fmt(target),
        });
  return (
    <svg
      className="md-chart"
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <rect
        x={g.plot.left}
        y={g.plot.top}
        width={g.plot.width}
        height={g.plot.height}
        className="md-chart__plot"
      />
      {g.yTicks.map((tick) => (
        <g key={tick.value}>
          <line
            x1={g.plot.left}
            x2={g.plot.left + g.plot.width}
            y1={tick.y}
            y2={tick.y}
            className="md-chart__grid"
          />
          <text
            x={g.plot.left - 4}
            y={tick.y}
            className="md-chart__label"
            textAnchor="end"
            dominantBaseline="middle"
          >
            {fmt(tick.value)}
          </text>
        </g>
      ))}
      {g.xLabels.map((label) => (
        <text key={label.date} x={label.x} y={height - 4} className="md-chart__label" textAnchor="middle">
          {label.date}
        </text>
      ))}
      {g.targetY !== null && (
        <g className="md-chart__target">
          <line x1={g.plot.left} x2={g.plot.left + g.plot.width} y1={g.targetY} y2={g.targetY} />
          <text
            x={g.plot.left + g.plot.width - 2}
            y={g.targetY < g.plot.top + 12 ? g.targetY + 11 : g.targetY - 3}
            textAnchor="end"
          >
            {t('metrics.history.targetLine', { value: fmt(target!) })}
          </text>
        </g>
      )}
      {g.path && <path d={g.path} className="md-chart__line" />}
      {g.points.map((p) => (
        <circle key={`${p.date}:${p.index}`} cx={p.x} cy={p.y} r={3} className="md-chart__point">
          <title>{`${p.date}: ${fmt(p.value)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
