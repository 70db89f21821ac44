/**
 * Practitioner rules about metrics (DOMAIN.md 2.5, last paragraph, and the talk), as hint codes
 * the UI translates (`metrics.hint.<code>`). Hints advise; they never block an edit.
 */
import { type MetricCategory, type MetricKind, type MetricSource, metricKindInfo } from './catalogue';

/** Every hint, in the order {@link hintsFor} returns them. */
export const METRIC_HINT_CODES = [
  /** No metric yet: "metric first, then the solution". */
  'metric-first',
  /** NPS is the only customer-opinion metric: NPS alone says little about the experience. */
  'nps-alone',
  /** Only company-measured operational KPIs (e.g. FCR): the company's KPI is not always the customer's
   *  (a customer may prefer a detailed answer tomorrow to a fast one now). */
  'company-vs-customer-kpi',
  /** No financial metric: tie the change to money (retention, LTV, cost to serve) before investing. */
  'link-to-money',
  /** LTV or cost to serve present: cutting cost moves LTV one-for-one, retention moves it geometrically. */
  'retention-beats-cost-cuts',
  /** Always, once there are metrics: every metric should answer "what task does it solve". */
  'what-task-does-it-solve',
] as const;

/** A hint code. */
export type MetricHintCode = (typeof METRIC_HINT_CODES)[number];

/** A hint with the metric kinds it is about (empty when it concerns the set as a whole). */
export interface MetricHint {
  code: MetricHintCode;
  metrics: MetricKind[];
}

/** A metric as hints see it: a kind key, or a stored metric with its actual source and category. */
export type HintSubject =
  | string
  | { kind: string; source?: MetricSource | undefined; category?: MetricCategory | undefined };

/**
 * The hints that apply to the metrics of one stage (or of one CX index). A subject's own source and
 * category override the catalogue defaults; unknown kinds count as custom metrics, whose category
 * and source are known only when the subject states them.
 */
export function hintsFor(subjects: readonly HintSubject[]): MetricHint[] {
  const metrics = (Array.isArray(subjects) ? subjects : []).map((s: HintSubject) => {
    const subject = typeof s === 'string' ? { kind: s } : s;
    const info = metricKindInfo(String(subject?.kind));
    const kind: MetricKind = info?.kind ?? 'custom';
    const catalogued = kind === 'custom' ? undefined : info;
    return {
      kind,
      category: subject?.category ?? catalogued?.category,
      source: subject?.source ?? catalogued?.source,
    };
  });
  if (metrics.length === 0) return [{ code: 'metric-first', metrics: [] }];

  const kindsWhere = (test: (m: (typeof metrics)[number]) => boolean): MetricKind[] => [
    ...new Set(metrics.filter(test).map((m) => m.kind)),
  ];
  const hints: MetricHint[] = [];

  const subjective = kindsWhere((m) => m.category === 'subjective');
  if (subjective.length === 1 && subjective[0] === 'nps') hints.push({ code: 'nps-alone', metrics: ['nps'] });

  const companyOperational = kindsWhere((m) => m.category === 'operational' && m.source === 'company');
  if (companyOperational.length > 0 && !metrics.some((m) => m.source === 'customer'))
    hints.push({ code: 'company-vs-customer-kpi', metrics: companyOperational });

  if (!metrics.some((m) => m.category === 'financial')) hints.push({ code: 'link-to-money', metrics: [] });

  const moneyLevers = kindsWhere((m) => m.kind === 'ltv' || m.kind === 'cost-to-serve');
  if (moneyLevers.length > 0) hints.push({ code: 'retention-beats-cost-cuts', metrics: moneyLevers });

  hints.push({ code: 'what-task-does-it-solve', metrics: [] });
  return hints;
}
