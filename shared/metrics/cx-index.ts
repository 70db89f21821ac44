/**
 * The team's own CX index (собственный CX-индекс): a weighted roll-up of chosen metrics, each
 * first normalised to a 0–100 score against its target.
 *
 * Normalisation (documented for the UI as `metrics.cxIndex.normalisation`):
 * - higher is better: score = clamp((value − origin) / (target − origin), 0, 1) × 100, where origin is
 *   the catalogue's `normalisationOrigin`: 0 for most kinds, −100 for NPS (NPS is read on 0..200, so an
 *   NPS of 0 against a target of 50 scores 100 / 150 = 66.7). The target must lie above the origin.
 * - lower is better (churn, AHT, CES, contact rate, …): score = 100 when value ≤ target, else
 *   target / value × 100. The target must be above 0 (a zero target cannot be met by a ratio).
 * Reaching or beating the target scores 100; there is no bonus for overshooting, so one metric far
 * ahead cannot hide another far behind.
 * Index = Σ(weightᵢ × scoreᵢ) / Σ weightᵢ; weights are non-negative and not all zero.
 */
import { type MetricDirection, metricKindInfo } from './catalogue';
import { failure, type MetricResult, success } from './result';
import { checkArray, checkNumber, checkRecord } from './validate';

/** One metric in the roll-up. */
export interface CxIndexComponent {
  /** Catalogue kind; 'custom' needs `direction`. */
  kind: string;
  /** Current value, in the metric's unit. */
  value: number;
  /** Target, in the same unit. */
  target: number;
  /** The team's weight, ≥ 0. */
  weight: number;
  /** Overrides the catalogue direction (e.g. a CES asked with 7 = easiest); required for 'custom'. */
  direction?: MetricDirection;
}

/** One component's normalised score and its share of the index. */
export interface CxIndexPart {
  kind: string;
  direction: MetricDirection;
  /** 0..100. */
  score: number;
  weight: number;
  /** weight / Σ weights, 0..1. */
  share: number;
}

/** The working behind a CX index. */
export interface CxIndexDetails {
  totalWeight: number;
  components: CxIndexPart[];
}

/** Normalises one value to 0–100 against its target as documented above (inputs already validated). */
export function normaliseToTarget(
  value: number,
  target: number,
  direction: MetricDirection,
  origin: number,
): number {
  if (direction === 'lower') return value <= target ? 100 : (target / value) * 100;
  return Math.min(1, Math.max(0, (value - origin) / (target - origin))) * 100;
}

/** CX index in 0..100 from weighted components. */
export function cxIndex(components: readonly CxIndexComponent[]): MetricResult<number, CxIndexDetails> {
  const problem = checkArray(components, { field: 'components' }, true);
  if (problem) return problem;
  const parts: Omit<CxIndexPart, 'share'>[] = [];
  for (let index = 0; index < components.length; index++) {
    const at = (property: string) => ({ field: 'components', index, property });
    const notObject = checkRecord(components[index], { field: 'components', index });
    if (notObject) return notObject;
    const c = components[index] as CxIndexComponent;
    const info = metricKindInfo(c.kind);
    if (!info) return failure('unknown-kind', { ...at('kind'), received: String(c.kind) });
    if (c.direction !== undefined && c.direction !== 'higher' && c.direction !== 'lower')
      return failure('invalid-type', { ...at('direction'), received: String(c.direction) });
    const direction = c.direction ?? info.direction;
    if (!direction) return failure('direction-required', { ...at('direction'), received: info.kind });
    const bad =
      checkNumber(c.value, at('value')) ??
      checkNumber(c.target, at('target')) ??
      checkNumber(c.weight, at('weight'), { min: 0 });
    if (bad) return bad;
    const origin = info.normalisationOrigin;
    const targetUsable = direction === 'lower' ? c.target > 0 : c.target > origin;
    if (!targetUsable) return failure('invalid-target', { ...at('target'), received: String(c.target) });
    parts.push({
      kind: info.kind,
      direction,
      weight: c.weight,
      score: normaliseToTarget(c.value, c.target, direction, origin),
    });
  }
  const largest = parts.reduce((max, p) => Math.max(max, p.weight), 0);
  if (largest === 0) return failure('zero-total', { field: 'components', property: 'weight' });
  // Shares are taken from weights scaled by the largest one so that huge weights cannot overflow the sum.
  const scaledTotal = parts.reduce((sum, p) => sum + p.weight / largest, 0);
  const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0);
  const withShares = parts.map((p) => ({ ...p, share: p.weight / largest / scaledTotal }));
  const index = withShares.reduce((sum, p) => sum + p.share * p.score, 0);
  // Shares sum to 1 only up to rounding; keep the index inside its documented bounds.
  return success(Math.min(100, Math.max(0, index)), { totalWeight, components: withShares });
}
