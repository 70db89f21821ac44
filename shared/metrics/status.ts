/**
 * Where a metric stands against its target, for the chip's colour (DOMAIN.md 2.5). The rule,
 * which the UI writes out in its legend (`metrics.status.rule`):
 *
 * - **met**: the current value is at or better than the target (≥ when higher is better, ≤ when
 *   lower is better);
 * - **close**: not met, but within the tolerance of the target: 10 % of |target|, and never
 *   less than 5 % of the kind's typical scale when that scale is bounded (NPS −100..100 → 10
 *   points; a percentage → 5 points), so a target of 0 still has a band;
 * - **off**: further away;
 * - **unknown**: no current value or no target.
 *
 * Custom metrics have no direction in the catalogue; they are read as higher-is-better.
 */
import { type MetricDirection, metricKindInfo } from './catalogue';

/** A metric's standing against its target. */
export type MetricStatus = 'met' | 'close' | 'off' | 'unknown';

/** Share of |target| that still counts as close. */
export const STATUS_CLOSE_SHARE = 0.1;
/** Share of a bounded typical scale that always counts as close. */
export const STATUS_SCALE_SHARE = 0.05;

/** The direction a kind is read in (custom: higher is better). */
export function directionOf(kind: string): MetricDirection {
  return metricKindInfo(kind)?.direction ?? 'higher';
}

/** How close counts as "close" for a kind and target. */
export function statusTolerance(kind: string, target: number): number {
  const range = metricKindInfo(kind)?.typicalRange;
  const span = range && range.min !== null && range.max !== null ? range.max - range.min : 0;
  return Math.max(Math.abs(target) * STATUS_CLOSE_SHARE, span * STATUS_SCALE_SHARE);
}

/** The status of `current` against `target` for a metric of `kind` (see the rule above). */
export function metricStatus(kind: string, current: number | null, target: number | null): MetricStatus {
  if (current === null || target === null || !Number.isFinite(current) || !Number.isFinite(target))
    return 'unknown';
  const shortfall = directionOf(kind) === 'higher' ? target - current : current - target;
  if (shortfall <= 0) return 'met';
  return shortfall <= statusTolerance(kind, target) ? 'close' : 'off';
}
