/**
 * Prioritisation of the AI-automation opportunity matrix (DOMAIN.md 2.6), after the
 * practitioner's workshop question: where does the customer hurt, where does the business lose
 * money, where is automation really appropriate.
 *
 * Formula (the UI shows it through {@link AI_PRIORITY_FORMULA}):
 *   fit′     = humanMustStay ? min(fit, 2) : fit
 *   priority = (pain × money × fit′ − 1) / 124 × 100          (0..100)
 * A product, not a sum: a row must score on all three questions to rank high; a 5-5-1 row (big
 * pain, big money, automation does not fit) stays low. The scaling maps 1·1·1 to 0 and 5·5·5 to 100.
 * When a human must stay (complex product, elderly customers, emotional request, legal risk) fit
 * is capped at 2 rather than zeroed: AI may still assist the human (collect the history, ask the
 * three clarifying questions), so the row keeps some weight but never outranks real automation.
 */
import { failure, type MetricResult, success } from './result';
import { checkNumber } from './validate';

/** Lowest score of each matrix question. */
export const AI_SCORE_MIN = 1;
/** Highest score of each matrix question. */
export const AI_SCORE_MAX = 5;
/** The automation fit a row counts with at most when a human must stay. */
export const AI_HUMAN_FIT_CAP = 2;

const RAW_MIN = AI_SCORE_MIN ** 3;
const RAW_MAX = AI_SCORE_MAX ** 3;

/**
 * Translation key and interpolation params of the formula description shown in the UI, e.g. en:
 * "Priority = (pain × money × fit − {{rawMin}}) / {{rawSpan}} × 100; each score {{scoreMin}}–{{scoreMax}};
 * when a human must stay, fit counts at most {{humanFitCap}}."
 */
export const AI_PRIORITY_FORMULA = {
  key: 'metrics.aiPriority.formula',
  params: {
    scoreMin: AI_SCORE_MIN,
    scoreMax: AI_SCORE_MAX,
    humanFitCap: AI_HUMAN_FIT_CAP,
    rawMin: RAW_MIN,
    rawSpan: RAW_MAX - RAW_MIN,
  },
} as const;

/** Why a human must stay in the loop (DOMAIN.md 2.6): codes for presets in the UI. */
export const AI_HUMAN_REASONS = [
  'complex-product',
  'elderly-customers',
  'emotional-request',
  'legal-risk',
] as const;
/** A reason code for the human-must-stay flag. */
export type AiHumanReason = (typeof AI_HUMAN_REASONS)[number];

/** Risks of handing a stage to AI (DOMAIN.md 2.6): codes for presets in the UI. */
export const AI_RISKS = ['hallucination', 'privacy', 'over-trust'] as const;
/** A risk code. */
export type AiRisk = (typeof AI_RISKS)[number];

/** The scored part of a matrix row (the board's matrix row has these fields; null = not scored yet). */
export interface AiPriorityInput {
  /** Customer pain, 1–5. */
  pain: number | null;
  /** Money at stake for the business, 1–5. */
  money: number | null;
  /** How well the stage fits automation, 1–5. */
  fit: number | null;
  humanMustStay: boolean;
}

/** The working behind a priority. */
export interface AiPriorityDetails {
  pain: number;
  money: number;
  fit: number;
  /** Fit after the human-must-stay cap. */
  effectiveFit: number;
  /** True when the cap lowered fit. */
  capped: boolean;
  /** pain × money × effectiveFit, 1..125. */
  product: number;
}

const SCORE = { min: AI_SCORE_MIN, max: AI_SCORE_MAX, integer: true } as const;

/** The documented priority score of a matrix row, 0..100 (unrounded); fails while a score is missing. */
export function aiPriority(input: AiPriorityInput): MetricResult<number, AiPriorityDetails> {
  if (typeof input !== 'object' || input === null) return failure('invalid-type', { field: 'input' });
  for (const field of ['pain', 'money', 'fit'] as const) {
    const score = input[field];
    if (score === null || score === undefined) return failure('missing', { field });
    const bad = checkNumber(score, { field }, SCORE);
    if (bad) return bad;
  }
  if (typeof input.humanMustStay !== 'boolean')
    return failure('invalid-type', { field: 'humanMustStay', received: typeof input.humanMustStay });
  const pain = input.pain as number;
  const money = input.money as number;
  const fit = input.fit as number;
  const effectiveFit = input.humanMustStay ? Math.min(fit, AI_HUMAN_FIT_CAP) : fit;
  const product = pain * money * effectiveFit;
  return success(((product - RAW_MIN) / (RAW_MAX - RAW_MIN)) * 100, {
    pain,
    money,
    fit,
    effectiveFit,
    capped: effectiveFit < fit,
    product,
  });
}

/**
 * Sort comparator for matrix rows, highest priority first. Rows not (validly) scored go last.
 * Ties break on customer pain, then money (the customer first); remaining ties return 0, so a
 * stable sort keeps the journey's stage order.
 */
export function compareAiPriority(a: AiPriorityInput, b: AiPriorityInput): number {
  const pa = aiPriority(a);
  const pb = aiPriority(b);
  if (!pa.ok || !pb.ok) return (pa.ok ? 0 : 1) - (pb.ok ? 0 : 1);
  return pb.value - pa.value || pb.details.pain - pa.details.pain || pb.details.money - pa.details.money;
}
