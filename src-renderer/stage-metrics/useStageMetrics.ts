import { useMemo } from 'react';
import type { JourneySnapshot } from '../../shared/board';
import { useBoardSelector } from '../board/BoardContext';
import { groupByStage, metricsOfJourney, type StageMetrics, sameMetrics } from './journeyMetrics';

/**
 * The journey's metrics by stage, for its Metrics lane. Re-renders the frame only when one of
 * this journey's metrics changed (snapshots keep unchanged metrics' identity).
 */
export function useStageMetrics(journey: JourneySnapshot): StageMetrics {
  const metrics = useBoardSelector((s) => metricsOfJourney(s, journey), sameMetrics);
  return useMemo(() => groupByStage(journey, metrics), [journey, metrics]);
}
