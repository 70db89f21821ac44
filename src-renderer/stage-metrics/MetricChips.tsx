import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricSnapshot } from '../../shared/board';
import { metricStatus } from '../../shared/metrics';
import { displayName, formatValue, unitLabel } from './format';
import { Sparkline } from './Sparkline';
import './stage-metrics.css';
import { useMetricDialog } from './store';

/** Text of a value with its unit ("45 pts", "81 %"), or the no-value dash. */
function valueText(value: number | null, unit: string, language: string, t: TFunction): string {
  if (value === null) return t('metrics.lane.noValue');
  const u = unitLabel(unit, t);
  return u ? `${formatValue(value, language)} ${u}` : formatValue(value, language);
}

/**
 * One metric as a compact chip of its stage's Metrics cell: name, source badge, current vs
 * target with unit and period, a sparkline of its history, and the status colour (rule in the
 * tooltip and the details dialog). Opens the metric's details.
 */
export const MetricChip = memo(function MetricChip({
  journeyId,
  metric,
  t,
  language,
}: {
  journeyId: string;
  metric: MetricSnapshot;
  t: TFunction;
  language: string;
}) {
  const status = metricStatus(metric.kind, metric.current, metric.target);
  const name = displayName(metric, t);
  const unit = unitLabel(metric.unit, t);
  const current = metric.current === null ? t('metrics.lane.noValue') : formatValue(metric.current, language);
  const target = metric.target === null ? null : formatValue(metric.target, language);
  const label = t(target === null ? 'metrics.lane.chipNoTarget' : 'metrics.lane.chip', {
    name,
    value: current,
    target,
    unit: unit ? ` ${unit}` : '',
    period: metric.period ? `, ${metric.period}` : '',
    status: t(`metrics.status.${status}`),
    source: t(`metrics.source.${metric.source}`),
  });
  return (
    <button
      type="button"
      className={`sm-chip is-${status} nodrag nokey`}
      aria-label={label}
      title={`${label}\n\n${t('metrics.status.rule')}`}
      data-metric-id={metric.id}
      onClick={() => useMetricDialog.getState().show({ kind: 'details', journeyId, metricId: metric.id })}
    >
      <span className="sm-chip-row">
        <span className="sm-chip-name">{name}</span>
        <span className={`sm-chip-source is-${metric.source}`}>
          {t(`metrics.source.${metric.source}Short`)}
        </span>
      </span>
      <span className="sm-chip-row">
        <span className="sm-chip-value">
          <b>{valueText(metric.current, metric.unit, language, t)}</b>
          {target !== null && <span className="sm-chip-target"> / {target}</span>}
          {metric.period && <span className="sm-chip-period"> · {metric.period}</span>}
        </span>
        <Sparkline history={metric.history} />
      </span>
    </button>
  );
});

/**
 * The metric chips of one stage, above the cell's text cards. Zoomed out (compact) they are
 * plain status-coloured tiles of the same size, with no text or controls.
 */
export const MetricChips = memo(function MetricChips({
  journeyId,
  stageTitle,
  metrics,
  compact,
}: {
  journeyId: string;
  stageTitle: string;
  metrics: readonly MetricSnapshot[];
  compact: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (compact)
    return (
      <ul className="sm-chips" aria-hidden="true">
        {metrics.map((metric) => (
          <li
            key={metric.id}
            className={`sm-chip sm-chip-tile is-${metricStatus(metric.kind, metric.current, metric.target)}`}
          />
        ))}
      </ul>
    );
  return (
    <ul className="sm-chips" aria-label={t('metrics.lane.list', { stage: stageTitle })}>
      {metrics.map((metric) => (
        <li key={metric.id}>
          <MetricChip journeyId={journeyId} metric={metric} t={t} language={i18n.language} />
        </li>
      ))}
    </ul>
  );
});
