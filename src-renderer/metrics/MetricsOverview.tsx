import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { METRIC_CATEGORIES, METRIC_SOURCES, type MetricSnapshot } from '../../shared/board';
import { metricsOverview, type OverviewQuery } from '../../shared/metrics';
import { useBoardReadOnly, useBoardSelector } from '../board/BoardContext';
import { Dialog } from '../shell/Dialog';
import { formatNumber, unitText } from './format';
import { MetricHistoryPanel } from './MetricHistoryPanel';
import { metricName } from './names';
import './metrics.css';

/** The top bar's "Metrics" button: opens the overview of every metric on the board. */
export function MetricsOverviewButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('metrics.overview.open')}
      </button>
      {open && <MetricsOverviewDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Every metric of the board by journey and stage, filtered by category and source, sorted off
 * target first (furthest first) or by journey; each row opens the metric's history.
 */
function MetricsOverviewDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const board = useBoardSelector((s) => s);
  const readOnly = useBoardReadOnly();
  const [query, setQuery] = useState<OverviewQuery>({ category: 'all', source: 'all', sort: 'distance' });
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const rows = useMemo(() => metricsOverview(board, query), [board, query]);
  const fmt = (v: number | null, unit = '') =>
    v === null ? '—' : `${formatNumber(v, i18n.language)}${unit ? ` ${unitText(t, unit)}` : ''}`;
  const shown = historyOf
    ? Object.hasOwn(board.metrics, historyOf)
      ? board.metrics[historyOf]
      : undefined
    : undefined;
  if (shown) return <HistoryDialog metric={shown} readOnly={readOnly} onClose={() => setHistoryOf(null)} />;
  return (
    <Dialog
      title={t('metrics.overview.title')}
      onClose={onClose}
      className="cx-dialog--wide"
      closeButton={false}
    >
      <div className="cx-dialog__body">
        <div className="md-filters">
          <label>
            <span>{t('metrics.overview.category')}</span>
            <select
              value={query.category}
              onChange={(e) => setQuery({ ...query, category: e.target.value as OverviewQuery['category'] })}
            >
              <option value="all">{t('metrics.overview.all')}</option>
              {METRIC_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`metrics.category.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('metrics.overview.source')}</span>
            <select
              value={query.source}
              onChange={(e) => setQuery({ ...query, source: e.target.value as OverviewQuery['source'] })}
            >
              <option value="all">{t('metrics.overview.all')}</option>
              {METRIC_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`metrics.source.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('metrics.overview.sort')}</span>
            <select
              value={query.sort}
              onChange={(e) => setQuery({ ...query, sort: e.target.value as OverviewQuery['sort'] })}
            >
              <option value="distance">{t('metrics.overview.sortDistance')}</option>
              <option value="journey">{t('metrics.overview.sortJourney')}</option>
            </select>
          </label>
        </div>
        <p className="md-muted">{t('metrics.overview.distanceRule')}</p>
        {rows.length === 0 ? (
          <p className="md-muted">{t('metrics.overview.empty')}</p>
        ) : (
          <div className="md-scroll md-scroll--tall">
            <table className="md-table">
              <caption className="md-sr-only">
                {t('metrics.overview.caption', { count: rows.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('metrics.overview.journey')}</th>
                  <th scope="col">{t('metrics.overview.stage')}</th>
                  <th scope="col">{t('metrics.cx.metric')}</th>
                  <th scope="col">{t('metrics.overview.current')}</th>
                  <th scope="col">{t('metrics.overview.target')}</th>
                  <th scope="col">{t('metrics.overview.status')}</th>
                  <th scope="col">{t('metrics.overview.distance')}</th>
                  <th scope="col">{t('metrics.history.title')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.metric.id}>
                    <td>{r.journeyTitle || t('metrics.untitledJourney')}</td>
                    <td>{t('metrics.stageLabel', { number: r.stageNumber, title: r.stageTitle })}</td>
                    <td>
                      {metricName(r.metric, t)}
                      <span className="md-muted"> · {t(`metrics.source.${r.metric.source}`)}</span>
                    </td>
                    <td className="md-num">{fmt(r.metric.current, r.metric.unit)}</td>
                    <td className="md-num">{fmt(r.metric.target, r.metric.unit)}</td>
                    <td>
                      <span className={`md-status md-status--${r.status}`}>
                        {t(`metrics.status.${r.status}`)}
                      </span>
                    </td>
                    <td className="md-num">
                      {r.distance === null ? '—' : formatNumber(Math.round(r.distance), i18n.language)}
                    </td>
                    <td>
                      <button
                        type="button"
                        onClick={() => setHistoryOf(r.metric.id)}
                        aria-label={t('metrics.overview.historyOf', {
                          name: metricName(r.metric, t),
                          stage: r.stageTitle,
                        })}
                      >
                        {t('metrics.overview.history', { count: r.metric.history.length })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <div className="cx-dialog__buttons">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

function HistoryDialog({
  metric,
  readOnly,
  onClose,
}: {
  metric: MetricSnapshot;
  readOnly: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('metrics.history.dialogTitle', { name: metricName(metric, t) })}
      onClose={onClose}
      className="cx-dialog--wide"
      closeButton={false}
    >
      <div className="cx-dialog__body">
        <MetricHistoryPanel metric={metric} readOnly={readOnly} />
      </div>
      <div className="cx-dialog__buttons">
        <button type="button" onClick={onClose}>
          {t('metrics.overview.back')}
        </button>
      </div>
    </Dialog>
  );
}
