import type { TFunction } from 'i18next';
import type { MetricSnapshot } from '../../shared/board';
import { isMetricKind } from '../../shared/metrics';

/** A metric's name as shown: the name the team gave it, else its catalogue kind's name. */
export function metricName(metric: Pick<MetricSnapshot, 'name' | 'kind'>, t: TFunction): string {
  if (metric.name.trim() !== '') return metric.name;
  return isMetricKind(metric.kind) && metric.kind !== 'custom'
    ? t(`metrics.kind.${metric.kind}.name`)
    : t('metrics.unnamed');
}
