import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { METRIC_SOURCES, type MetricPatch, type MetricSnapshot } from '../../shared/board';
import { hintsFor, isMetricKind } from '../../shared/metrics';
import { useBoard } from '../board/BoardContext';
import { Dialog } from '../shell/Dialog';
import { Calculator } from './Calculator';
import { displayName, parseTypedNumber, unitLabel } from './format';
import { MetricHistoryPanel } from '../metrics/MetricHistoryPanel';
import { useMetricDialog } from './store';

/** The hints of the method that apply to this metric on its stage (advice only). */
export function metricHints(metric: MetricSnapshot, stageMetrics: readonly MetricSnapshot[]): string[] {
  const codes = hintsFor(stageMetrics.map((m) => ({ kind: m.kind, source: m.source, category: m.category })))
    .map((h) => h.code)
    .filter((code) => code === 'nps-alone' || code === 'company-vs-customer-kpi');
  return metric.task.trim() === '' ? [...codes, 'no-task'] : codes;
}

type Draft = Record<'name' | 'current' | 'target' | 'unit' | 'period' | 'owner' | 'task', string> & {
  source: MetricSnapshot['source'];
};

function draftOf(metric: MetricSnapshot): Draft {
  return {
    name: metric.name,
    current: metric.current === null ? '' : String(metric.current),
    target: metric.target === null ? '' : String(metric.target),
    unit: metric.unit,
    period: metric.period,
    owner: metric.owner,
    task: metric.task,
    source: metric.source,
  };
}

/**
 * A metric's details: its fields (saved together, one undo step), the status rule, the
 * method's hints, the calculators from raw data, and its history. Viewers read everything.
 */
export function MetricDetailsDialog({
  metric,
  stageMetrics,
  readOnly,
}: {
  metric: MetricSnapshot;
  stageMetrics: readonly MetricSnapshot[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const [draft, setDraft] = useState(() => draftOf(metric));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();
  const close = () => useMetricDialog.getState().show(null);
  const kindName = t(`metrics.kind.${isMetricKind(metric.kind) ? metric.kind : 'custom'}.name`);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const patch: MetricPatch = {};
    for (const key of ['name', 'unit', 'period', 'owner', 'task'] as const)
      if (draft[key] !== (key === 'unit' ? metric.unit : metric[key])) patch[key] = draft[key];
    if (draft.source !== metric.source) patch.source = draft.source;
    for (const key of ['current', 'target'] as const) {
      const text = draft[key].trim();
      const value = text === '' ? null : parseTypedNumber(text);
      if (text !== '' && value === null) {
        setMessage({
          error: true,
          text: t('metrics.details.invalidNumber', { field: t(`metrics.details.${key}`) }),
        });
        return;
      }
      if (value !== metric[key]) patch[key] = value;
    }
    try {
      if (Object.keys(patch).length > 0) board.updateMetric(metric.id, patch);
      setMessage({ error: false, text: t('metrics.details.saved') });
    } catch (e) {
      setMessage({ error: true, text: t('metrics.error.saveFailed', { message: (e as Error).message }) });
    }
  };

  const field = (
    key: Exclude<keyof Draft, 'source' | 'task'>,
    extra: { placeholder?: string; describedBy?: string } = {},
  ) => (
    <div className="sm-field">
      <label htmlFor={`${id}-${key}`}>{t(`metrics.details.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        readOnly={readOnly}
        inputMode={key === 'current' || key === 'target' ? 'decimal' : undefined}
        placeholder={extra.placeholder}
        aria-describedby={extra.describedBy}
        maxLength={key === 'unit' ? 32 : key === 'period' ? 64 : 500}
        onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      />
    </div>
  );
  const hints = metricHints(metric, stageMetrics);

  return (
    <Dialog title={t('metrics.details.title', { name: displayName(metric, t) })} onClose={close}>
      <div className="sm-dialog sm-details">
        {readOnly && <p className="sm-note">{t('metrics.details.readOnly')}</p>}
        <p className="sm-kind">
          {t('metrics.details.kind')}: <b>{kindName}</b> · {t(`metrics.category.${metric.category}`)}
          {isMetricKind(metric.kind) && ` — ${t(`metrics.kind.${metric.kind}.explain`)}`}
        </p>
        <form onSubmit={save}>
          {field('name', { placeholder: kindName })}
          {field('current', metric.inputs ? { describedBy: `${id}-computed` } : {})}
          {metric.inputs && (
            <p id={`${id}-computed`} className="sm-note">
              {t('metrics.details.currentComputed')}
            </p>
          )}
          {field('target')}
          {field('unit', { placeholder: unitLabel(metric.unit, t) })}
          {field('period', { placeholder: t('metrics.details.periodPlaceholder') })}
          <fieldset className="sm-field" disabled={readOnly}>
            <legend>{t('metrics.source.label')}</legend>
            {METRIC_SOURCES.map((source) => (
              <label key={source} className="sm-check">
                <input
                  type="radio"
                  name={`${id}-source`}
                  value={source}
                  checked={draft.source === source}
                  onChange={() => setDraft((d) => ({ ...d, source }))}
                />
                {t(`metrics.source.${source}`)}
              </label>
            ))}
          </fieldset>
          {field('owner')}
          <div className="sm-field">
            <label htmlFor={`${id}-task`}>{t('metrics.details.task')}</label>
            <textarea
              id={`${id}-task`}
              value={draft.task}
              readOnly={readOnly}
              rows={2}
              maxLength={500}
              placeholder={t('metrics.details.taskPlaceholder')}
              onChange={(e) => setDraft((d) => ({ ...d, task: e.target.value }))}
            />
          </div>
          {message && (
            <p role={message.error ? 'alert' : 'status'} className={message.error ? 'sm-error' : 'sm-note'}>
              {message.text}
            </p>
          )}
          {!readOnly && (
            <div className="cx-dialog__buttons">
              <button
                type="button"
                className="cx-button cx-button--danger"
                onClick={() => {
                  board.deleteMetric(metric.id);
                  close();
                }}
              >
                {t('metrics.details.delete')}
              </button>
              <button type="submit" className="cx-button">
                {t('metrics.details.save')}
              </button>
            </div>
          )}
        </form>
        <details className="sm-legend">
          <summary>{t('metrics.status.legendTitle')}</summary>
          <p>{t('metrics.status.rule')}</p>
        </details>
        {hints.length > 0 && (
          <section className="sm-hints" aria-label={t('metrics.hint.title')}>
            <h3>{t('metrics.hint.title')}</h3>
            <ul>
              {hints.map((code) => (
                <li key={code}>{t(`metrics.hint.${code}`)}</li>
              ))}
            </ul>
          </section>
        )}
        <Calculator metric={metric} readOnly={readOnly} />
        <section className="sm-history-section" aria-labelledby={`${id}-history`}>
          <h3 id={`${id}-history`}>{t('metrics.details.historyTitle')}</h3>
          <MetricHistoryPanel metric={metric} readOnly={readOnly} />
        </section>
      </div>
    </Dialog>
  );
}
