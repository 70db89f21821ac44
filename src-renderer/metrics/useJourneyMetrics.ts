import type { JourneySnapshot, MetricSnapshot } from '../../shared/board';
import { shallowEqual, useBoardSelector } from '../board/BoardContext';

/** The metrics of a journey, by stage order then id; the same array while none of them changed. */
export function useJourneyMetrics(journey: JourneySnapshot): MetricSnapshot[] {
  return useBoardSelector((s) => {
    const stageIndex = new Map(journey.stages.map((stage, i) => [stage.id, i]));
    return Object.values(s.metrics)
      .filter((m) => m.journeyId === journey.id && stageIndex.has(m.stageId))
      .sort((a, b) => stageIndex.get(a.stageId)! - stageIndex.get(b.stageId)! || (a.id < b.id ? -1 : 1));
  }, shallowEqual);
}
