import { useTranslation } from 'react-i18next';
import type { JourneySnapshot } from '../../shared/board';
import { useBoardReadOnly, useBoardSelector } from '../board/BoardContext';
import { AddMetricDialog } from './AddMetricDialog';
import type { StageMetrics } from './journeyMetrics';
import { MetricDetailsDialog } from './MetricDetailsDialog';
import { useMetricDialog } from './store';

const NONE: never[] = [];

/** The stage-metrics dialog open for this journey, if any (rendered by its frame). */
export function StageMetricDialogs({
  journey,
  stageMetrics,
}: {
  journey: JourneySnapshot;
  stageMetrics: StageMetrics;
}) {
  const { t } = useTranslation();
  const open = useMetricDialog((s) => (s.open?.journeyId === journey.id ? s.open : null));
  const readOnly = useBoardReadOnly();
  const metricId = open?.kind === 'details' ? open.metricId : null;
  const metric = useBoardSelector((s) =>
    metricId && Object.hasOwn(s.metrics, metricId) ? s.metrics[metricId] : undefined,
  );
  if (!open) return null;
  if (open.kind === 'add') {
    const stage = journey.stages.find((s) => s.id === open.stageId);
    if (!stage || readOnly) return null;
    return (
      <AddMetricDialog
        journeyId={journey.id}
        stageId={stage.id}
        stageTitle={stage.title.trim() || t('journey.stage.untitled')}
      />
    );
  }
  // A metric deleted meanwhile (here or by someone else) closes its dialog.
  if (!metric) return null;
  return (
    <MetricDetailsDialog
      key={metric.id}
      metric={metric}
      stageMetrics={stageMetrics.byStage.get(metric.stageId) ?? NONE}
      readOnly={readOnly}
    />
  );
}
