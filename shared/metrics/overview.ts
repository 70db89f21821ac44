/**
 * The board's metrics overview: every metric with its journey and stage, its status against
 * its target (status.ts) and its distance to the target (100 − its 0–100 score, journey-index.ts),
 * filtered by category and source and sorted either off-target first or by journey and stage.
 */
import type { BoardSnapshot, MetricCategory, MetricSnapshot, MetricSource } from '../board/types';
import { scoreAgainstTarget } from './journey-index';
import { type MetricStatus, metricStatus } from './status';

/** One row of the overview. */
export interface OverviewRow {
  metric: MetricSnapshot;
  journeyId: string;
  journeyTitle: string;
  stageTitle: string;
  /** 1-based position of the stage in its journey. */
  stageNumber: number;
  status: MetricStatus;
  /** 0..100 against the target, or null when it cannot be scored. */
  score: number | null;
  /** 100 − score: how far from the target; null when it cannot be scored. */
  distance: number | null;
}

/** How the overview is narrowed and ordered. */
export interface OverviewQuery {
  category: MetricCategory | 'all';
  source: MetricSource | 'all';
  /** 'distance': off target first, furthest first; 'journey': by journey, stage, then name. */
  sort: 'distance' | 'journey';
}

const STATUS_RANK: Record<MetricStatus, number> = { off: 0, close: 1, met: 2, unknown: 3 };

function byText(a: string, b: string): number {
  return a.localeCompare(b);
}

/** The overview rows of a board for a query (pure; the snapshot's order breaks ties by id). */
export function metricsOverview(board: BoardSnapshot, query: OverviewQuery): OverviewRow[] {
  const rows: OverviewRow[] = [];
  for (const metric of Object.values(board.metrics)) {
    if (query.category !== 'all' && metric.category !== query.category) continue;
    if (query.source !== 'all' && metric.source !== query.source) continue;
    const journey = Object.hasOwn(board.journeys, metric.journeyId)
      ? board.journeys[metric.journeyId]
      : undefined;
    const stageIndex = journey?.stages.findIndex((s) => s.id === metric.stageId) ?? -1;
    if (!journey || stageIndex < 0) continue;
    const { score } = scoreAgainstTarget(metric);
    rows.push({
      metric,
      journeyId: journey.id,
      journeyTitle: journey.title,
      stageTitle: journey.stages[stageIndex]!.title,
      stageNumber: stageIndex + 1,
      status: metricStatus(metric.kind, metric.current, metric.target),
      score,
      distance: score === null ? null : 100 - score,
    });
  }
  const byJourney = (a: OverviewRow, b: OverviewRow) =>
    byText(a.journeyTitle, b.journeyTitle) ||
    (a.journeyId < b.journeyId ? -1 : a.journeyId > b.journeyId ? 1 : 0) ||
    a.stageNumber - b.stageNumber ||
    byText(a.metric.name, b.metric.name) ||
    (a.metric.id < b.metric.id ? -1 : 1);
  const byDistance = (a: OverviewRow, b: OverviewRow) =>
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    (b.distance ?? -1) - (a.distance ?? -1) ||
    byJourney(a, b);
  return rows.sort(query.sort === 'distance' ? byDistance : byJourney);
}
