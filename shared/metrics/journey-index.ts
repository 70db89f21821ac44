/**
 * A journey's CX index from the board's metrics: the metrics the team weighed (the journey's
 * `cxWeights`), each scored 0–100 against its target by `normaliseToTarget` (the rule in
 * cx-index.ts), rolled up by weight with `cxIndex`. A weighed metric that cannot be scored
 * (no current value, no target, a target the rule cannot use) is left out of the index and
 * listed with the reason, so the team sees why the index does not count it.
 */
import { metricKindInfo } from './catalogue';
import { cxIndex, normaliseToTarget } from './cx-index';
import { directionOf } from './status';

/** What the index needs to know of a metric. */
export interface ScoredMetric {
  id: string;
  kind: string;
  current: number | null;
  target: number | null;
}

/** Why a weighed metric is not in the index. */
export type CxPartProblem = 'no-value' | 'no-target' | 'invalid-target' | 'missing';

/** One weighed metric: its score and share, or why it is left out. */
export interface JourneyCxPart {
  metricId: string;
  weight: number;
  /** 0..100, or null when left out. */
  score: number | null;
  /** Share of the index, 0..1 (0 when left out). */
  share: number;
  problem: CxPartProblem | null;
}

/** A journey's CX index: null when no weighed metric can be scored (or all weights are 0). */
export interface JourneyCxIndex {
  index: number | null;
  parts: JourneyCxPart[];
}

/**
 * A metric's score 0..100 against its target (cx-index.ts), or why it has none. Custom metrics
 * are read as higher-is-better, as their status is (status.ts).
 */
export function scoreAgainstTarget(
  metric: Omit<ScoredMetric, 'id'>,
): { score: number; problem: null } | { score: null; problem: Exclude<CxPartProblem, 'missing'> } {
  if (metric.current === null) return { score: null, problem: 'no-value' };
  if (metric.target === null) return { score: null, problem: 'no-target' };
  const direction = directionOf(metric.kind);
  const origin = metricKindInfo(metric.kind)?.normalisationOrigin ?? 0;
  const usable = direction === 'lower' ? metric.target > 0 : metric.target > origin;
  if (!usable) return { score: null, problem: 'invalid-target' };
  return { score: normaliseToTarget(metric.current, metric.target, direction, origin), problem: null };
}

/**
 * The CX index of a journey from its weights (metric id → weight) and the board's metrics (by
 * id). Parts are listed in the order of `order` (e.g. the journey's metrics by stage), weighed
 * ids not in it last.
 */
export function journeyCxIndex(
  weights: Readonly<Record<string, number>>,
  metrics: Readonly<Record<string, ScoredMetric | undefined>>,
  order: readonly string[] = [],
): JourneyCxIndex {
  const rank = new Map(order.map((id, i) => [id, i]));
  const ids = Object.keys(weights).sort(
    (a, b) =>
      (rank.get(a) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b) ?? Number.MAX_SAFE_INTEGER) || (a < b ? -1 : 1),
  );
  const parts: JourneyCxPart[] = ids.map((metricId) => {
    const weight = weights[metricId]!;
    const metric = Object.hasOwn(metrics, metricId) ? metrics[metricId] : undefined;
    if (!metric) return { metricId, weight, score: null, share: 0, problem: 'missing' };
    const { score, problem } = scoreAgainstTarget(metric);
    return { metricId, weight, score, share: 0, problem };
  });
  const scored = parts.filter((p) => p.score !== null && p.weight > 0);
  if (scored.length === 0) return { index: null, parts };
  // Scores are already normalised: the roll-up is cxIndex's, fed the scores against a target of 100.
  const result = cxIndex(
    scored.map((p) => ({
      kind: 'custom',
      direction: 'higher',
      value: p.score!,
      target: 100,
      weight: p.weight,
    })),
  );
  if (!result.ok) return { index: null, parts };
  result.details.components.forEach((c, i) => {
    scored[i]!.share = c.share;
  });
  return { index: result.value, parts };
}
