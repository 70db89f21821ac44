/**
 * Subjective (customer-measured) metrics from raw survey answers: NPS, CSAT, CSI, CES, CLI
 * (DOMAIN.md 2.5). Values are returned unrounded; the UI decides how many decimals to show.
 */
import { failure, type MetricResult, success } from './result';
import { checkArray, checkEach, checkNumber, checkRecord, type Failure } from './validate';

// ------------------------------------------------------------------------------------ NPS

/** Number of points on the NPS question's 0–10 scale. */
export const NPS_SCALE_POINTS = 11;

/** The NPS split behind the score. */
export interface NpsDetails {
  respondents: number;
  /** Answers 9–10. */
  promoters: number;
  /** Answers 7–8. */
  passives: number;
  /** Answers 0–6. */
  detractors: number;
  promotersPercent: number;
  passivesPercent: number;
  detractorsPercent: number;
}

/**
 * NPS = %promoters (9–10) − %detractors (0–6), from a distribution of counts indexed by score:
 * `counts[s]` is how many people answered `s`, so the array has exactly 11 whole, non-negative entries.
 * Result in −100..100.
 */
export function npsFromDistribution(counts: readonly number[]): MetricResult<number, NpsDetails> {
  const problem =
    checkArray(counts, { field: 'counts' }, false) ??
    checkLength(counts, 'counts', NPS_SCALE_POINTS) ??
    checkEach(counts, 'counts', { min: 0, integer: true });
  if (problem) return problem;
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  counts.forEach((count, score) => {
    if (score >= 9) promoters += count;
    else if (score >= 7) passives += count;
    else detractors += count;
  });
  const respondents = promoters + passives + detractors;
  if (respondents === 0) return failure('empty', { field: 'counts' });
  const pct = (n: number) => (n / respondents) * 100;
  // Computed from the counts' difference rather than as pct − pct to avoid a rounding residue.
  return success(pct(promoters - detractors), {
    respondents,
    promoters,
    passives,
    detractors,
    promotersPercent: pct(promoters),
    passivesPercent: pct(passives),
    detractorsPercent: pct(detractors),
  });
}

/** NPS from raw answers, each a whole number 0–10. Result in −100..100. */
export function npsFromAnswers(answers: readonly number[]): MetricResult<number, NpsDetails> {
  const problem =
    checkArray(answers, { field: 'answers' }, true) ??
    checkEach(answers, 'answers', { min: 0, max: 10, integer: true });
  if (problem) return problem;
  return npsFromDistribution(histogram(answers, 0, NPS_SCALE_POINTS));
}

// ----------------------------------------------------------------------------------- CSAT

/** Points on the CSAT scale (1–5); "satisfied" means the top two, 4 and 5. */
export const CSAT_SCALE_POINTS = 5;

/** The split behind a CSAT score. */
export interface CsatDetails {
  respondents: number;
  /** Answers 4 and 5. */
  satisfied: number;
}

/**
 * CSAT = satisfied answers / all answers × 100 from a distribution: `counts[i]` is how many people
 * answered `i + 1`, so the array has exactly 5 whole, non-negative entries. Result in 0..100.
 */
export function csatFromDistribution(counts: readonly number[]): MetricResult<number, CsatDetails> {
  const problem =
    checkArray(counts, { field: 'counts' }, false) ??
    checkLength(counts, 'counts', CSAT_SCALE_POINTS) ??
    checkEach(counts, 'counts', { min: 0, integer: true });
  if (problem) return problem;
  const respondents = counts.reduce((sum, n) => sum + n, 0);
  if (respondents === 0) return failure('empty', { field: 'counts' });
  const satisfied = (counts[3] ?? 0) + (counts[4] ?? 0);
  return success((satisfied / respondents) * 100, { respondents, satisfied });
}

/** CSAT from raw answers, each a whole number 1–5 (satisfied = 4 and 5). Result in 0..100. */
export function csatFromAnswers(answers: readonly number[]): MetricResult<number, CsatDetails> {
  const problem =
    checkArray(answers, { field: 'answers' }, true) ??
    checkEach(answers, 'answers', { min: 1, max: CSAT_SCALE_POINTS, integer: true });
  if (problem) return problem;
  return csatFromDistribution(histogram(answers, 1, CSAT_SCALE_POINTS));
}

// ------------------------------------------------------------------------------------ CSI

/** One rated factor of the CSI: its importance and the satisfaction with it, each 0–10. */
export interface CsiFactor {
  importance: number;
  satisfaction: number;
}

/** The weights behind a CSI score. */
export interface CsiDetails {
  factors: number;
  totalImportance: number;
  /** The same index on a 0–100 scale (value × 10), as some reports show it. */
  percent: number;
}

/**
 * CSI = Σ(importanceᵢ × satisfactionᵢ) / Σ importanceᵢ, result 0..10. Ratings may be fractional
 * (they are often already averaged over respondents); at least one importance must be above zero.
 */
export function csi(factors: readonly CsiFactor[]): MetricResult<number, CsiDetails> {
  const problem = checkArray(factors, { field: 'factors' }, true);
  if (problem) return problem;
  let weighted = 0;
  let totalImportance = 0;
  for (let index = 0; index < factors.length; index++) {
    const factor = factors[index];
    const bad =
      checkRecord(factor, { field: 'factors', index }) ??
      checkNumber(
        factor?.importance,
        { field: 'factors', index, property: 'importance' },
        { min: 0, max: 10 },
      ) ??
      checkNumber(
        factor?.satisfaction,
        { field: 'factors', index, property: 'satisfaction' },
        { min: 0, max: 10 },
      );
    if (bad) return bad;
    const { importance, satisfaction } = factor as CsiFactor;
    weighted += importance * satisfaction;
    totalImportance += importance;
  }
  if (totalImportance === 0) return failure('zero-total', { field: 'factors', property: 'importance' });
  const value = weighted / totalImportance;
  return success(value, { factors: factors.length, totalImportance, percent: value * 10 });
}

// ------------------------------------------------------------------------------------ CES

/** The answer scale a CES survey used, e.g. `{ min: 1, max: 7 }`; both ends whole, min < max. */
export interface EffortScale {
  min: number;
  max: number;
}

/** What a CES mean was computed over. */
export interface CesDetails {
  respondents: number;
  scale: EffortScale;
}

/**
 * CES = mean effort score. The scale is stated with the value (CES on 1–5 and on 1–7 are not
 * comparable) and every answer must be a whole number on it. Lower effort is better.
 */
export function ces(answers: readonly number[], scale: EffortScale): MetricResult<number, CesDetails> {
  const scaleOk =
    typeof scale === 'object' &&
    scale !== null &&
    Number.isInteger(scale.min) &&
    Number.isInteger(scale.max) &&
    scale.min < scale.max;
  if (!scaleOk)
    return failure('invalid-scale', {
      field: 'scale',
      received: typeof scale === 'object' && scale !== null ? `${scale.min}..${scale.max}` : String(scale),
    });
  const problem =
    checkArray(answers, { field: 'answers' }, true) ??
    checkEach(answers, 'answers', { min: scale.min, max: scale.max, integer: true });
  if (problem) return problem;
  const mean = answers.reduce((sum, a) => sum + a, 0) / answers.length;
  return success(mean, { respondents: answers.length, scale: { min: scale.min, max: scale.max } });
}

// ------------------------------------------------------------------------------------ CLI

/** One respondent's three loyalty answers, each a whole number 0–10. */
export interface CliAnswer {
  /** Would recommend. */
  recommend: number;
  /** Would buy again. */
  buyAgain: number;
  /** Would buy other products of the company. */
  buyOther: number;
}

/** The per-question means behind a CLI score. */
export interface CliDetails {
  respondents: number;
  recommend: number;
  buyAgain: number;
  buyOther: number;
}

const CLI_QUESTIONS = ['recommend', 'buyAgain', 'buyOther'] as const;

/**
 * CLI = mean of the three 0–10 answers (recommend, buy again, buy other products), averaged over
 * respondents. Result in 0..10.
 */
export function cli(respondents: readonly CliAnswer[]): MetricResult<number, CliDetails> {
  const problem = checkArray(respondents, { field: 'respondents' }, true);
  if (problem) return problem;
  const sums = { recommend: 0, buyAgain: 0, buyOther: 0 };
  for (let index = 0; index < respondents.length; index++) {
    const bad = checkRecord(respondents[index], { field: 'respondents', index });
    if (bad) return bad;
    const answer = respondents[index] as CliAnswer;
    for (const question of CLI_QUESTIONS) {
      const wrong = checkNumber(
        answer[question],
        { field: 'respondents', index, property: question },
        { min: 0, max: 10, integer: true },
      );
      if (wrong) return wrong;
      sums[question] += answer[question];
    }
  }
  const n = respondents.length;
  const details = {
    respondents: n,
    recommend: sums.recommend / n,
    buyAgain: sums.buyAgain / n,
    buyOther: sums.buyOther / n,
  };
  return success((sums.recommend + sums.buyAgain + sums.buyOther) / (3 * n), details);
}

// -------------------------------------------------------------------------------- helpers

function checkLength(values: readonly unknown[], field: string, expected: number): Failure | undefined {
  return values.length === expected
    ? undefined
    : failure('wrong-length', { field, expected, received: String(values.length) });
}

/** Counts validated whole-number answers into `points` buckets starting at score `first`. */
function histogram(answers: readonly number[], first: number, points: number): number[] {
  const counts = new Array<number>(points).fill(0);
  for (const answer of answers) counts[answer - first] = (counts[answer - first] ?? 0) + 1;
  return counts;
}
