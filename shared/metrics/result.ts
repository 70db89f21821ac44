/**
 * The result style shared by every calculator in this folder: calculators never throw on bad
 * input; they return `{ ok: false, error }` with a stable code and flat params so the UI can
 * translate the problem (`metrics.error.<code>` in i18n) instead of showing developer prose.
 */

/** Every way a calculator can refuse its input. */
export const METRIC_ERROR_CODES = [
  /** The input has the wrong shape (not an object, not an array, not a number). */
  'invalid-type',
  /** A number is NaN or ±Infinity. */
  'not-finite',
  /** A count or a survey answer is not a whole number. */
  'not-integer',
  /** A number lies outside its allowed bounds (`min` and/or `max`, inclusive). */
  'out-of-range',
  /** A required value is not set yet (e.g. an AI-matrix row not scored). */
  'missing',
  /** A list that must have at least one element is empty (no answers, no respondents, no components). */
  'empty',
  /** An array has the wrong number of elements (`expected`). */
  'wrong-length',
  /** A rating scale is not two whole numbers with min < max. */
  'invalid-scale',
  /** A part is larger than its whole (e.g. resolved requests > all requests); `total` is the whole. */
  'exceeds-total',
  /** A sum that must be positive is zero (all importances or all weights zero). */
  'zero-total',
  /** A metric kind that is not in the catalogue. */
  'unknown-kind',
  /** A custom metric in the CX index has no stated direction. */
  'direction-required',
  /** A CX index target that cannot be normalised against (e.g. zero, or NPS target −100). */
  'invalid-target',
] as const;

/** A stable, translatable error code. */
export type MetricErrorCode = (typeof METRIC_ERROR_CODES)[number];

/** Flat interpolation values for the translated message; only the ones that apply are set. */
export interface MetricErrorParams {
  /** Input name, e.g. `answers`, `retention`, `components`. */
  field: string;
  /** Position in an array input when one element is at fault. */
  index?: number;
  /** Property of that element, e.g. `importance` of `factors[2]`. */
  property?: string;
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Expected array length. */
  expected?: number;
  /** The whole a part must not exceed. */
  total?: number;
  /** The offending value printed (`NaN`, `11`), or the type name of a wrongly typed input (`string`, `null`). */
  received?: string;
}

/** A refusal: a code for the UI, a plain English message for developers and logs, and params. */
export interface MetricError {
  code: MetricErrorCode;
  message: string;
  params: MetricErrorParams;
}

/** What every calculator returns: the value with its working, or a translatable error. */
export type MetricResult<V, D> = { ok: true; value: V; details: D } | { ok: false; error: MetricError };

/** Builds a success result. */
export function success<V, D>(value: V, details: D): MetricResult<V, D> {
  return { ok: true, value, details };
}

/** Builds a failure result; the message is derived from code and params so the two never disagree. */
export function failure(code: MetricErrorCode, params: MetricErrorParams): { ok: false; error: MetricError } {
  return { ok: false, error: { code, params, message: describeMetricError(code, params) } };
}

/** Renders the developer-facing English message for an error (the UI translates `code` instead). */
export function describeMetricError(code: MetricErrorCode, p: MetricErrorParams): string {
  const where = `${p.field}${p.index === undefined ? '' : `[${p.index}]`}${p.property ? `.${p.property}` : ''}`;
  const got = p.received === undefined ? '' : `, got ${p.received}`;
  switch (code) {
    case 'invalid-type':
      return `${where} has the wrong type${got}`;
    case 'not-finite':
      return `${where} must be a finite number${got}`;
    case 'not-integer':
      return `${where} must be a whole number${got}`;
    case 'out-of-range':
      if (p.min !== undefined && p.max !== undefined)
        return `${where} must be between ${p.min} and ${p.max}${got}`;
      if (p.min !== undefined) return `${where} must be at least ${p.min}${got}`;
      return `${where} must be at most ${p.max}${got}`;
    case 'missing':
      return `${where} is not set`;
    case 'empty':
      return `${where} must not be empty`;
    case 'wrong-length':
      return `${where} must have ${p.expected} elements${got}`;
    case 'invalid-scale':
      return `${where} must be a scale of two whole numbers with min < max${got}`;
    case 'exceeds-total':
      return `${where} must not exceed ${p.total}${got}`;
    case 'zero-total':
      return `the sum of ${where} must be greater than zero`;
    case 'unknown-kind':
      return `${where} is not a known metric kind${got}`;
    case 'direction-required':
      return `${where} needs a direction (higher or lower is better)${got}`;
    case 'invalid-target':
      return `${where} cannot be used as a target for normalisation${got}`;
  }
}
