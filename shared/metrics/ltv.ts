/**
 * Customer lifetime value after Mark Jeffery ("Data-Driven Marketing"), as the talk draws it:
 *
 *   LTV = −AC + Σ_{t=1..T} (M_t − C_t) · p^t / (1 + r)^t
 *
 * Why the shape matters to CX: C_t enters linearly, so a cut in service cost returns exactly its
 * (discounted, survival-weighted) amount; p enters as p^t, so retention compounds over the periods.
 */
import { failure, type MetricResult, success } from './result';
import { checkEach, checkNumber, checkRecord, type Failure } from './validate';

/** Longest horizon accepted, so untrusted input cannot make the calculator loop for long. */
export const LTV_MAX_PERIODS = 1000;

/** Input of {@link ltv}; money in any one currency, per period (usually a year). */
export interface LtvInput {
  /** AC, acquisition cost of the customer (≥ 0). */
  acquisitionCost: number;
  /** M_t, margin per period: one number for every period, or an array of exactly `periods` numbers. */
  margin: number | readonly number[];
  /** C_t, marketing and service cost per period (≥ 0): one number or an array of `periods` numbers. */
  cost: number | readonly number[];
  /** p, retention (persistence) per period, 0..1: the share of customers still there a period later. */
  retention: number;
  /** r, discount rate per period (≥ 0), e.g. 0.1 for 10 %; 0 means no discounting. */
  discountRate: number;
  /** T, the number of periods, a whole number 1..LTV_MAX_PERIODS. */
  periods: number;
}

/** One term of the sum, for showing the working. */
export interface LtvPeriod {
  /** t, from 1. */
  period: number;
  margin: number;
  cost: number;
  /** p^t. */
  survival: number;
  /** 1 / (1 + r)^t. */
  discountFactor: number;
  /** (M_t − C_t) · p^t / (1 + r)^t. */
  contribution: number;
}

/** The working behind an LTV value. */
export interface LtvDetails {
  acquisitionCost: number;
  /** Σ of the contributions, i.e. LTV + AC. */
  discountedContribution: number;
  periods: LtvPeriod[];
}

/** LTV by Jeffery's formula; the value may be negative (the customer never pays back AC). */
export function ltv(input: LtvInput): MetricResult<number, LtvDetails> {
  const problem =
    checkRecord(input, { field: 'input' }) ??
    checkNumber(input.periods, { field: 'periods' }, { min: 1, max: LTV_MAX_PERIODS, integer: true }) ??
    checkNumber(input.acquisitionCost, { field: 'acquisitionCost' }, { min: 0 }) ??
    checkNumber(input.retention, { field: 'retention' }, { min: 0, max: 1 }) ??
    checkNumber(input.discountRate, { field: 'discountRate' }, { min: 0 }) ??
    checkSeries(input.margin, 'margin', input.periods, {}) ??
    checkSeries(input.cost, 'cost', input.periods, { min: 0 });
  if (problem) return problem;

  const { acquisitionCost, retention: p, discountRate: r, periods: T } = input;
  const at = (series: number | readonly number[], t: number) =>
    typeof series === 'number' ? series : (series[t - 1] as number);
  const terms: LtvPeriod[] = [];
  let sum = 0;
  for (let t = 1; t <= T; t++) {
    const margin = at(input.margin, t);
    const cost = at(input.cost, t);
    const survival = p ** t;
    const discountFactor = 1 / (1 + r) ** t;
    const contribution = (margin - cost) * survival * discountFactor;
    terms.push({ period: t, margin, cost, survival, discountFactor, contribution });
    sum += contribution;
  }
  return success(-acquisitionCost + sum, { acquisitionCost, discountedContribution: sum, periods: terms });
}

/** A per-period series is either one finite number or an array with one entry per period. */
function checkSeries(
  series: unknown,
  field: string,
  periods: number,
  rule: { min?: number },
): Failure | undefined {
  if (!Array.isArray(series)) return checkNumber(series, { field }, rule);
  if (series.length !== periods)
    return failure('wrong-length', { field, expected: periods, received: String(series.length) });
  return checkEach(series, field, rule);
}
