/**
 * The metric catalogue of DOMAIN.md 2.5 as data: for each kind its category, default unit,
 * direction, typical range, the calculator that computes it from raw inputs and who measures it.
 * Kind keys match the `kind` string the board stores on a metric ('nps', 'fcr', 'ltv', …, 'custom').
 */
import { z } from 'zod';

/** Every metric kind the product knows, in the talk's order; 'custom' is the team's own metric. */
export const METRIC_KINDS = [
  'nps',
  'csi',
  'csat',
  'cli',
  'ces',
  'contact-rate',
  'conversion',
  'fcr',
  'aht',
  'sla',
  'abandoned-cart',
  'returns',
  'retention',
  'churn',
  'ltv',
  'average-check',
  'purchase-interval',
  'cost-to-serve',
  'custom',
] as const;

/** A metric kind key. */
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Zod schema of a metric kind, for validators of stored or imported data. */
export const metricKindSchema = z.enum(METRIC_KINDS);

/** The talk's taxonomy (same strings as the board model's metric category). */
export type MetricCategory = 'subjective' | 'operational' | 'financial';

/** Who measures: customers answering (survey) or the company's own systems. */
export type MetricSource = 'customer' | 'company';

/** Whether a bigger value is better or worse. */
export type MetricDirection = 'higher' | 'lower';

/**
 * Default unit codes (the UI translates `metrics.unit.<code>`): NPS points (−100..100), a score
 * on a rating scale, a percentage, seconds, days, money, or none for a custom metric.
 */
export type MetricUnit = 'points' | 'score' | 'percent' | 'seconds' | 'days' | 'currency' | 'none';

/** Which calculator of this folder computes a kind from raw inputs. */
export type MetricCalculator =
  | 'nps'
  | 'csat'
  | 'csi'
  | 'ces'
  | 'cli'
  | 'fcr'
  | 'contact-rate'
  | 'churn'
  | 'retention'
  | 'ltv'
  | 'share'
  | 'mean';

/** Inclusive bounds of the values usually seen; null means unbounded on that side. */
export interface MetricRange {
  min: number | null;
  max: number | null;
}

/** One catalogue entry. */
export interface MetricKindInfo {
  kind: MetricKind;
  category: MetricCategory;
  unit: MetricUnit;
  /** Null for 'custom': the team states it. */
  direction: MetricDirection | null;
  /** Null for 'custom'. CES is given for the common 1–7 scale; its real scale is stated with the value. */
  typicalRange: MetricRange | null;
  /** Null when the value is entered as measured (no raw-input calculator). */
  calculator: MetricCalculator | null;
  /** Default source for a new metric of this kind. */
  source: MetricSource;
  /**
   * The value that counts as "nothing" when normalising against a target in the CX index:
   * −100 for NPS (so NPS is read on 0..200), 0 for every other kind.
   */
  normalisationOrigin: number;
}

type Entry = Omit<MetricKindInfo, 'kind' | 'normalisationOrigin'> & { normalisationOrigin?: number };

const percent: MetricRange = { min: 0, max: 100 };
const nonNegative: MetricRange = { min: 0, max: null };
const tenPoint: MetricRange = { min: 0, max: 10 };

const ENTRIES: Record<MetricKind, Entry> = {
  nps: {
    category: 'subjective',
    unit: 'points',
    direction: 'higher',
    typicalRange: { min: -100, max: 100 },
    calculator: 'nps',
    source: 'customer',
    normalisationOrigin: -100,
  },
  csi: {
    category: 'subjective',
    unit: 'score',
    direction: 'higher',
    typicalRange: tenPoint,
    calculator: 'csi',
    source: 'customer',
  },
  csat: {
    category: 'subjective',
    unit: 'percent',
    direction: 'higher',
    typicalRange: percent,
    calculator: 'csat',
    source: 'customer',
  },
  cli: {
    category: 'subjective',
    unit: 'score',
    direction: 'higher',
    typicalRange: tenPoint,
    calculator: 'cli',
    source: 'customer',
  },
  ces: {
    category: 'subjective',
    unit: 'score',
    direction: 'lower',
    typicalRange: { min: 1, max: 7 },
    calculator: 'ces',
    source: 'customer',
  },
  'contact-rate': {
    category: 'operational',
    unit: 'percent',
    direction: 'lower',
    typicalRange: nonNegative,
    calculator: 'contact-rate',
    source: 'company',
  },
  conversion: {
    category: 'operational',
    unit: 'percent',
    direction: 'higher',
    typicalRange: percent,
    calculator: 'share',
    source: 'company',
  },
  fcr: {
    category: 'operational',
    unit: 'percent',
    direction: 'higher',
    typicalRange: percent,
    calculator: 'fcr',
    source: 'company',
  },
  aht: {
    category: 'operational',
    unit: 'seconds',
    direction: 'lower',
    typicalRange: nonNegative,
    calculator: 'mean',
    source: 'company',
  },
  sla: {
    category: 'operational',
    unit: 'percent',
    direction: 'higher',
    typicalRange: percent,
    calculator: 'share',
    source: 'company',
  },
  'abandoned-cart': {
    category: 'operational',
    unit: 'percent',
    direction: 'lower',
    typicalRange: percent,
    calculator: 'share',
    source: 'company',
  },
  returns: {
    category: 'operational',
    unit: 'percent',
    direction: 'lower',
    typicalRange: percent,
    calculator: 'share',
    source: 'company',
  },
  retention: {
    category: 'financial',
    unit: 'percent',
    direction: 'higher',
    typicalRange: percent,
    calculator: 'retention',
    source: 'company',
  },
  churn: {
    category: 'financial',
    unit: 'percent',
    direction: 'lower',
    typicalRange: percent,
    calculator: 'churn',
    source: 'company',
  },
  ltv: {
    category: 'financial',
    unit: 'currency',
    direction: 'higher',
    typicalRange: { min: null, max: null },
    calculator: 'ltv',
    source: 'company',
  },
  'average-check': {
    category: 'financial',
    unit: 'currency',
    direction: 'higher',
    typicalRange: nonNegative,
    calculator: 'mean',
    source: 'company',
  },
  // Time between purchases (the R and F of RFM): shorter means the customer comes back sooner.
  'purchase-interval': {
    category: 'financial',
    unit: 'days',
    direction: 'lower',
    typicalRange: nonNegative,
    calculator: 'mean',
    source: 'company',
  },
  'cost-to-serve': {
    category: 'financial',
    unit: 'currency',
    direction: 'lower',
    typicalRange: nonNegative,
    calculator: null,
    source: 'company',
  },
  // The team's own metric: category, unit and direction are whatever the team says; these are defaults.
  custom: {
    category: 'operational',
    unit: 'none',
    direction: null,
    typicalRange: null,
    calculator: null,
    source: 'company',
  },
};

/** The whole catalogue in {@link METRIC_KINDS} order. */
export const METRIC_CATALOGUE: readonly MetricKindInfo[] = METRIC_KINDS.map((kind) => {
  const entry = ENTRIES[kind];
  return { ...entry, kind, normalisationOrigin: entry.normalisationOrigin ?? 0 };
});

const BY_KIND = new Map(METRIC_CATALOGUE.map((info) => [info.kind, info]));

/** True when `value` is a catalogue kind key. */
export function isMetricKind(value: unknown): value is MetricKind {
  return typeof value === 'string' && BY_KIND.has(value as MetricKind);
}

/** The catalogue entry of a kind, or undefined for a string that is not a known kind. */
export function metricKindInfo(kind: string): MetricKindInfo | undefined {
  return BY_KIND.get(kind as MetricKind);
}

/** The kinds of one category, in catalogue order ('custom' belongs to none). */
export function metricKindsIn(category: MetricCategory): MetricKind[] {
  return METRIC_CATALOGUE.filter((info) => info.kind !== 'custom' && info.category === category).map(
    (info) => info.kind,
  );
}
