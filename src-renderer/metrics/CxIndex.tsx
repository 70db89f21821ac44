import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CX_WEIGHT_MAX, type JourneySnapshot, type MetricSnapshot } from '../../shared/board';
import { type JourneyCxIndex, journeyCxIndex } from '../../shared/metrics';
import { useBoard, useBoardReadOnly } from '../board/BoardContext';
import { Dialog } from '../shell/Dialog';
import { formatNumber } from './format';
import { metricName } from './names';
import { useJourneyMetrics } from './useJourneyMetrics';
import './metrics.css';

function useCxIndex(journey: JourneySnapshot, metrics: readonly MetricSnapshot[]): JourneyCxIndex {
  return useMemo(() => {
    const byId = Object.fromEntries(metrics.map((m) => [m.id, m]));
    return journeyCxIndex(
      journey.cxWeights,
      byId,
      metrics.map((m) => m.id),
    );
  }, [journey.cxWeights, metrics]);
}

/**
 * The journey's CX index on its header: the index and each weighed metric's score, as one
 * button that opens the index's settings (which metrics, their weights, the rule).
 */
export const JourneyCxIndexBadge = memo(function JourneyCxIndexBadge({
  journey,
}: {
  journey: JourneySnapshot;
}) {
  const { t, i18n } = useTranslation();
  const metrics = useJourneyMetrics(journey);
  const cx = useCxIndex(journey, metrics);
  const [open, setOpen] = useState(false);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const value = cx.index === null ? t('metrics.cx.none') : formatNumber(Math.round(cx.index), i18n.language);
  const parts = cx.parts
    .filter((p) => p.score !== null && byId.has(p.metricId))
    .map(
      (p) => `${metricName(byId.get(p.metricId)!, t)} ${formatNumber(Math.round(p.score!), i18n.language)}`,
    );
  return (
    <>
      <button
        type="button"
        className="md-cx-badge nodrag nokey"
        aria-label={t('metrics.cx.badgeLabel', { value })}
        title={parts.join(' · ')}
        onClick={() => setOpen(true)}
      >
        <span className="md-cx-badge__name">{t('metrics.cx.short')}</span>
        <span className="md-cx-badge__value" data-testid="cx-index-value">
          {value}
        </span>
        {parts.length > 0 && <span className="md-cx-badge__parts">{parts.join(' · ')}</span>}
      </button>
      {open && <CxIndexDialog journey={journey} metrics={metrics} cx={cx} onClose={() => setOpen(false)} />}
    </>
  );
});

function CxIndexDialog({
  journey,
  metrics,
  cx,
  onClose,
}: {
  journey: JourneySnapshot;
  metrics: readonly MetricSnapshot[];
  cx: JourneyCxIndex;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const partOf = new Map(cx.parts.map((p) => [p.metricId, p]));
  const stageTitle = (m: MetricSnapshot) => {
    const index = journey.stages.findIndex((s) => s.id === m.stageId);
    return t('metrics.stageLabel', { number: index + 1, title: journey.stages[index]?.title ?? '' });
  };
  const fmt = (v: number) => formatNumber(v, i18n.language);
  return (
    <Dialog
      title={t('metrics.cx.title', { journey: journey.title || t('metrics.untitledJourney') })}
      onClose={onClose}
      className="cx-dialog--wide"
      closeButton={false}
    >
      <div className="cx-dialog__body">
        <p className="md-cx-total" role="status">
          {cx.index === null
            ? t('metrics.cx.noIndex')
            : t('metrics.cx.total', { value: fmt(Math.round(cx.index * 10) / 10) })}
        </p>
        <details className="md-rule">
          <summary>{t('metrics.cx.ruleTitle')}</summary>
          <p>{t('metrics.cx.rule')}</p>
        </details>
        {metrics.length === 0 ? (
          <p className="md-muted">{t('metrics.cx.noMetrics')}</p>
        ) : (
          <div className="md-scroll">
            <table className="md-table">
              <caption className="md-sr-only">{t('metrics.cx.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('metrics.cx.include')}</th>
                  <th scope="col">{t('metrics.cx.metric')}</th>
                  <th scope="col">{t('metrics.cx.weight')}</th>
                  <th scope="col">{t('metrics.cx.score')}</th>
                  <th scope="col">{t('metrics.cx.share')}</th>
                </tr>
              </thead>
              <tbody>
                {metrics.map((m) => {
                  const part = partOf.get(m.id);
                  const name = metricName(m, t);
                  return (
                    <tr key={m.id}>
                      <td>
                        <input
                          type="checkbox"
                          checked={part !== undefined}
                          disabled={readOnly}
                          aria-label={t('metrics.cx.includeMetric', { name, stage: stageTitle(m) })}
                          onChange={(e) => board.setCxWeight(journey.id, m.id, e.target.checked ? 1 : null)}
                        />
                      </td>
                      <td>
                        {name}
                        <span className="md-muted"> · {stageTitle(m)}</span>
                      </td>
                      <td>
                        {part && (
                          <WeightInput
                            value={part.weight}
                            readOnly={readOnly}
                            label={t('metrics.cx.weightOf', { name })}
                            onCommit={(w) => board.setCxWeight(journey.id, m.id, w)}
                          />
                        )}
                      </td>
                      <td>
                        {part
                          ? part.score === null
                            ? t(`metrics.cx.problem.${part.problem}`)
                            : fmt(Math.round(part.score * 10) / 10)
                          : ''}
                      </td>
                      <td>
                        {part && part.score !== null ? `${fmt(Math.round(part.share * 1000) / 10)} %` : ''}
                      </td>
                    </tr>
                  );
                })}
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

function WeightInput({
  value,
  readOnly,
  label,
  onCommit,
}: {
  value: number;
  readOnly: boolean;
  label: string;
  onCommit(weight: number): void;
}) {
  const [draft, setDraft] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(String(value));
  }
  const commit = () => {
    const w = Number(draft.replace(',', '.'));
    if (draft.trim() !== '' && Number.isFinite(w) && w >= 0 && w <= CX_WEIGHT_MAX) {
      if (w !== value) onCommit(w);
    } else setDraft(String(value));
  };
  return (
    <input
      className="md-weight"
      type="number"
      min={0}
      max={CX_WEIGHT_MAX}
      step="any"
      value={draft}
      readOnly={readOnly}
      aria-label={label}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
