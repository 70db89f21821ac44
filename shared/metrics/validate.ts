/**
 * Internal input checks shared by the calculators. Inputs are treated as untrusted at run time
 * (they may come from a board file or a form), whatever their static types say.
 */
import { failure, type MetricError, type MetricErrorParams } from './result';

/** A failed result, assignable to any `MetricResult`. */
export type Failure = { ok: false; error: MetricError };

/** Where a value sits in the input, for the error params. */
export type Place = Pick<MetricErrorParams, 'field' | 'index' | 'property'>;

/** Bounds and integrality a number must satisfy (bounds inclusive). */
export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Names the type of a wrongly typed value for `params.received` (never dumps its content). */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}

function withBounds(place: Place, rule: NumberRule, received: string): MetricErrorParams {
  const params: MetricErrorParams = { ...place, received };
  if (rule.min !== undefined) params.min = rule.min;
  if (rule.max !== undefined) params.max = rule.max;
  return params;
}

/** Checks that `value` is a finite number obeying `rule`; returns the failure or undefined. */
export function checkNumber(value: unknown, place: Place, rule: NumberRule = {}): Failure | undefined {
  if (typeof value !== 'number') return failure('invalid-type', { ...place, received: typeName(value) });
  if (!Number.isFinite(value)) return failure('not-finite', { ...place, received: String(value) });
  if (rule.integer && !Number.isInteger(value))
    return failure('not-integer', { ...place, received: String(value) });
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max))
    return failure('out-of-range', withBounds(place, rule, String(value)));
  return undefined;
}

/** Checks that `value` is an array, optionally non-empty. */
export function checkArray(value: unknown, place: Place, nonEmpty: boolean): Failure | undefined {
  if (!Array.isArray(value)) return failure('invalid-type', { ...place, received: typeName(value) });
  if (nonEmpty && value.length === 0) return failure('empty', place);
  return undefined;
}

/** Checks every element of an array with `checkNumber`, reporting the first bad index. */
export function checkEach(values: readonly unknown[], field: string, rule: NumberRule): Failure | undefined {
  for (let index = 0; index < values.length; index++) {
    const problem = checkNumber(values[index], { field, index }, rule);
    if (problem) return problem;
  }
  return undefined;
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that `value` is a plain object. */
export function checkRecord(value: unknown, place: Place): Failure | undefined {
  return isRecord(value) ? undefined : failure('invalid-type', { ...place, received: typeName(value) });
}
