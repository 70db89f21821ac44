import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MetricCategory, type MetricKind, metricKindsIn } from '../../shared/metrics';
import { useBoard } from '../board/BoardContext';
import { Dialog } from '../shell/Dialog';
import { useMetricDialog } from './store';

const CATEGORIES: readonly MetricCategory[] = ['subjective', 'operational', 'financial'];

/**
 * Adds a metric to a stage: a kind from the catalogue (grouped by the talk's categories, each
 * with its one-line explanation) or a custom metric with its name; then opens its details.
 */
export function AddMetricDialog({
  journeyId,
  stageId,
  stageTitle,
}: {
  journeyId: string;
  stageId: string;
  stageTitle: string;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const [kind, setKind] = useState<MetricKind>('nps');
  const [customName, setCustomName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const close = () => useMetricDialog.getState().show(null);
  const add = (event: FormEvent) => {
    event.preventDefault();
    try {
      const metricId = board.addMetric({
        journeyId,
        stageId,
        kind,
        ...(kind === 'custom' ? { name: customName.trim() } : {}),
      });
      useMetricDialog.getState().show({ kind: 'details', journeyId, metricId });
    } catch (e) {
      setError(t('metrics.error.saveFailed', { message: (e as Error).message }));
    }
  };
  const option = (k: MetricKind) => (
    <label key={k} className="sm-kind-option">
      <input type="radio" name="metric-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
      <span>
        <b>{t(`metrics.kind.${k}.name`)}</b> — {t(`metrics.kind.${k}.explain`)}
      </span>
    </label>
  );
  return (
    <Dialog title={t('metrics.add.title', { stage: stageTitle })} onClose={close}>
      <form className="sm-dialog sm-add" onSubmit={add}>
        <fieldset>
          <legend>{t('metrics.add.catalogue')}</legend>
          {CATEGORIES.map((category) => (
            <fieldset key={category} className="sm-kind-group">
              <legend>{t(`metrics.category.${category}`)}</legend>
              {metricKindsIn(category).map(option)}
            </fieldset>
          ))}
          {option('custom')}
        </fieldset>
        {kind === 'custom' && (
          <div className="sm-field">
            <label htmlFor={nameId}>{t('metrics.add.customName')}</label>
            <input
              id={nameId}
              value={customName}
              maxLength={500}
              onChange={(e) => setCustomName(e.target.value)}
            />
          </div>
        )}
        {error && (
          <p role="alert" className="sm-error">
            {error}
          </p>
        )}
        <div className="cx-dialog__buttons">
          <button type="button" className="cx-button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="cx-button">
            {t('metrics.add.addAndOpen')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
