import type { BoardSnapshot, JourneySnapshot, MetricSnapshot } from '../../shared/board';
import type { StageMetricCounts } from '../frames/journey/layout';

/** A journey's metrics grouped by stage (each stage's in id order) with their counts. */
export interface StageMetrics {
  byStage: ReadonlyMap<string, readonly MetricSnapshot[]>;
  counts: StageMetricCounts;
}

/** The metrics of `journey`'s live stages, from a snapshot (flat list, for the selector). */
export function metricsOfJourney(snapshot: BoardSnapshot, journey: JourneySnapshot): MetricSnapshot[] {
  const out: MetricSnapshot[] = [];
  for (const metric of Object.values(snapshot.metrics)) if (metric.journeyId === journey.id) out.push(metric);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Same metrics (by identity) in the same order: nothing to redraw. */
export function sameMetrics(a: readonly MetricSnapshot[], b: readonly MetricSnapshot[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/** Groups metrics by stage; metrics of stages the journey no longer has are left out. */
export function groupByStage(journey: JourneySnapshot, metrics: readonly MetricSnapshot[]): StageMetrics {
  const live = new Set(journey.stages.map((s) => s.id));
  const byStage = new Map<string, MetricSnapshot[]>();
  for (const metric of metrics) {
    if (!live.has(metric.stageId)) continue;
    const list = byStage.get(metric.stageId);
    if (list) list.push(metric);
    else byStage.set(metric.stageId, [metric]);
  }
  const counts = new Map([...byStage].map(([stageId, list]) => [stageId, list.length]));
  return { byStage, counts };
}
