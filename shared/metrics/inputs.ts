/**
 * The raw data a metric's value was computed from, as the board stores it (`metric.inputs`): which
 * calculator, and its inputs. Storing them keeps the value auditable and recomputable (DOMAIN.md
 * 2.5): the board shows `computeFromInputs(inputs)`, never a number typed over them.
 *
 * Every list is bounded (answers, factors, periods) so a stored or pasted input cannot grow
 * without limit; {@link readMetricInputs} checks the bounds before zod walks anything.
 */
import { z } from 'zod';
import { metricKindInfo } from './catalogue';
import { ltv } from './ltv';
import { churnRate, contactRate, fcr, meanOf, retentionRate, sharePercent } from './operational';
import type { MetricResult } from './result';
import { ces, cli, csatFromDistribution, csi, npsFromAnswers, npsFromDistribution } from './survey';

/** Bounds of stored calculator inputs. */
export const INPUT_LIMITS = {
  /** Raw answers or values of one survey or sample (pasted lists). */
  answers: 10_000,
  /** Rated CSI factors. */
  factors: 50,
  /** Length of a CSI factor's name. */
  factorName: 200,
  /** LTV periods stored (the calculator accepts more; a table of 100 years is already plenty). */
  periods: 100,
  /** Largest magnitude of any number (same bound as a metric value). */
  value: 1e15,
} as const;

const amount = z.number().finite().min(-INPUT_LIMITS.value).max(INPUT_LIMITS.value);
const nonNegative = z.number().finite().min(0).max(INPUT_LIMITS.value);
const count = z.number().int().min(0).max(INPUT_LIMITS.value);
const answersOf = (min: number, max: number) =>
  z.array(z.number().int().min(min).max(max)).min(1).max(INPUT_LIMITS.answers);
const series = (item: z.ZodNumber) => z.union([item, z.array(item).min(1).max(INPUT_LIMITS.periods)]);

/** Stored inputs, one variant per calculator (the `calculator` key names it). */
export const metricInputsSchema = z.discriminatedUnion('calculator', [
  /** `counts[s]` people answered `s` on the 0–10 scale. */
  z.object({ calculator: z.literal('nps-distribution'), counts: z.array(count).length(11) }),
  /** Raw 0–10 answers (pasted). */
  z.object({ calculator: z.literal('nps-answers'), answers: answersOf(0, 10) }),
  /** `counts[i]` people answered `i + 1` on the 1–5 scale. */
  z.object({ calculator: z.literal('csat-distribution'), counts: z.array(count).length(5) }),
  z.object({
    calculator: z.literal('csi'),
    factors: z
      .array(
        z.object({
          name: z.string().max(INPUT_LIMITS.factorName),
          importance: z.number().finite().min(0).max(10),
          satisfaction: z.number().finite().min(0).max(10),
        }),
      )
      .min(1)
      .max(INPUT_LIMITS.factors),
  }),
  z.object({
    calculator: z.literal('ces'),
    scale: z.object({ min: z.number().int().min(0).max(100), max: z.number().int().min(0).max(100) }),
    answers: answersOf(0, 100),
  }),
  z.object({
    calculator: z.literal('cli'),
    respondents: z
      .array(
        z.object({
          recommend: z.number().int().min(0).max(10),
          buyAgain: z.number().int().min(0).max(10),
          buyOther: z.number().int().min(0).max(10),
        }),
      )
      .min(1)
      .max(INPUT_LIMITS.answers),
  }),
  z.object({ calculator: z.literal('fcr'), resolvedAtFirstContact: count, requests: count }),
  z.object({ calculator: z.literal('contact-rate'), contacts: count, activeCustomers: count }),
  z.object({ calculator: z.literal('churn'), customersAtStart: count, customersLost: count }),
  z.object({ calculator: z.literal('retention'), customersAtStart: count, customersLost: count }),
  z.object({
    calculator: z.literal('ltv'),
    acquisitionCost: nonNegative,
    margin: series(amount),
    cost: series(nonNegative),
    retention: z.number().finite().min(0).max(1),
    discountRate: z.number().finite().min(0).max(100),
    periods: z.number().int().min(1).max(INPUT_LIMITS.periods),
  }),
  z.object({ calculator: z.literal('share'), part: nonNegative, whole: nonNegative }),
  z.object({
    calculator: z.literal('mean'),
    values: z.array(nonNegative).min(1).max(INPUT_LIMITS.answers),
  }),
]);

/** A metric's stored calculator inputs. */
export type MetricInputs = z.infer<typeof metricInputsSchema>;
/** The name of an input calculator ('nps-distribution', 'ltv', …). */
export type InputCalculator = MetricInputs['calculator'];

/** The input calculators a metric kind offers, best first; empty when its value is entered as measured. */
export function inputCalculatorsFor(kind: string): InputCalculator[] {
  const calculator = metricKindInfo(kind)?.calculator;
  switch (calculator) {
    case 'nps':
      return ['nps-distribution', 'nps-answers'];
    case 'csat':
      return ['csat-distribution'];
    case undefined:
    case null:
      return [];
    default:
      return [calculator];
  }
}

/** True when a metric of `kind` may keep inputs of this calculator. */
export function kindAcceptsInputs(kind: string, calculator: string): boolean {
  return (inputCalculatorsFor(kind) as string[]).includes(calculator);
}

/** The value computed from stored inputs, with the calculator's working or its coded error. */
export function computeFromInputs(inputs: MetricInputs): MetricResult<number, unknown> {
  switch (inputs.calculator) {
    case 'nps-distribution':
      return npsFromDistribution(inputs.counts);
    case 'nps-answers':
      return npsFromAnswers(inputs.answers);
    case 'csat-distribution':
      return csatFromDistribution(inputs.counts);
    case 'csi':
      return csi(inputs.factors);
    case 'ces':
      return ces(inputs.answers, inputs.scale);
    case 'cli':
      return cli(inputs.respondents);
    case 'fcr':
      return fcr(inputs);
    case 'contact-rate':
      return contactRate(inputs);
    case 'churn':
      return churnRate(inputs);
    case 'retention':
      return retentionRate(inputs);
    case 'ltv':
      return ltv(inputs);
    case 'share':
      return sharePercent(inputs);
    case 'mean':
      return meanOf(inputs.values);
  }
}

/** True when every array directly inside `raw` or one level deeper is within the stored bounds. */
function withinBounds(raw: Record<string, unknown>): boolean {
  for (const key of Object.keys(raw).slice(0, 16)) {
    const value = raw[key];
    if (Array.isArray(value) && value.length > INPUT_LIMITS.answers) return false;
  }
  return Object.keys(raw).length <= 16;
}

/**
 * Reads untrusted stored inputs (a file, a peer): valid and computable inputs, or null. Oversized
 * lists are refused before zod walks them; inputs whose calculator refuses them read as null, so a
 * board never shows a value its raw data cannot produce.
 */
export function readMetricInputs(raw: unknown): MetricInputs | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  if (!withinBounds(raw as Record<string, unknown>)) return null;
  const parsed = metricInputsSchema.safeParse(raw);
  if (!parsed.success) return null;
  return computeFromInputs(parsed.data).ok ? parsed.data : null;
}
