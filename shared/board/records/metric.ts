import * as Y from 'yjs';
import { z } from 'zod';
import {
  computeFromInputs,
  kindAcceptsInputs,
  type MetricInputs,
  metricInputsSchema,
  readMetricInputs,
} from '../../metrics/inputs';
import type { IssueSink, YMap } from '../read';
import { LIMITS } from '../schema';
import {
  id,
  isoDate,
  label,
  MAX_TITLE_LENGTH,
  nullableId,
  nullableNumber,
  number,
  oneOf,
  repairFields,
  text,
} from './fields';

/**
 * A metric attached to a journey stage (DOMAIN 2.5–2.6), with dated readings. Stored as a
 * Y.Map; `history` is a Y.Array of `{ date, value }`.
 */
export const METRIC_CATEGORIES = ['subjective', 'operational', 'financial'] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];

export const METRIC_SOURCES = ['customer', 'company'] as const;
/** Who measures: customers answering (survey) or the company's own systems. */
export type MetricSource = (typeof METRIC_SOURCES)[number];

/** Bound of a metric value (current, target, reading). */
export const METRIC_VALUE_LIMIT = 1e15;

export const metricFields = {
  journeyId: id(),
  stageId: id(),
  /** Catalogue kind (e.g. 'nps', 'fcr', 'ltv') or 'custom'. */
  kind: label(64, 'custom'),
  name: text(MAX_TITLE_LENGTH),
  category: oneOf(METRIC_CATEGORIES, 'operational'),
  current: nullableNumber(-METRIC_VALUE_LIMIT, METRIC_VALUE_LIMIT),
  target: nullableNumber(-METRIC_VALUE_LIMIT, METRIC_VALUE_LIMIT),
  unit: label(32),
  period: label(64),
  source: oneOf(METRIC_SOURCES, 'company'),
  owner: text(MAX_TITLE_LENGTH),
  /**
   * The metric of the same journey this one drives (the metric tree: FCR → CSAT → retention → LTV),
   * or null. Stored as written; readers use `effectiveDrives` (shared/metrics/tree.ts), which
   * ignores a link to a missing metric or one closing a loop made by concurrent edits.
   */
  drives: nullableId(),
  /** "What task does it solve": the practitioner's rule, every metric must answer it. */
  task: text(MAX_TITLE_LENGTH),
};

export const readingFields = {
  /** ISO date, yyyy-mm-dd. */
  date: isoDate(),
  value: number(-METRIC_VALUE_LIMIT, METRIC_VALUE_LIMIT, 0),
};

export const metricReadingSchema = z.object({
  date: readingFields.date.schema,
  value: readingFields.value.schema,
});
export type MetricReading = z.infer<typeof metricReadingSchema>;

const idSchema = id().schema;

export const metricSchema = z.object({
  id: idSchema,
  journeyId: metricFields.journeyId.schema,
  stageId: metricFields.stageId.schema,
  kind: metricFields.kind.schema,
  name: metricFields.name.schema,
  category: metricFields.category.schema,
  current: metricFields.current.schema,
  target: metricFields.target.schema,
  unit: metricFields.unit.schema,
  period: metricFields.period.schema,
  source: metricFields.source.schema,
  owner: metricFields.owner.schema,
  drives: metricFields.drives.schema,
  task: metricFields.task.schema,
  /**
   * The raw data the current value is computed from (shared/metrics/inputs.ts), or null when the
   * value was entered or read as measured. When set, `current` is the value computed from it.
   */
  inputs: metricInputsSchema.nullable(),
  /** Dated readings, oldest first. */
  history: z.array(metricReadingSchema).max(LIMITS.history),
});
export type MetricSnapshot = z.infer<typeof metricSchema>;

/**
 * Fields of a metric that `addMetric` / `updateMetric` accept (the tree link and the inputs have
 * their own commands, `setMetricDrives` and `setMetricInputs`).
 */
export type MetricPatch = Partial<
  Omit<MetricSnapshot, 'id' | 'journeyId' | 'stageId' | 'history' | 'drives' | 'inputs'>
>;

/**
 * Stored inputs a metric of `kind` can show: readable, computable and of a calculator the kind
 * offers (a kind changed by a peer leaves the other kind's inputs behind), else null.
 */
export function readInputsOf(kind: string, raw: unknown): MetricInputs | null {
  const inputs = readMetricInputs(raw);
  return inputs && kindAcceptsInputs(kind, inputs.calculator) ? inputs : null;
}

/** A stored reading, or null when it is not a plain `{ date, value }` with valid values. */
function readReading(raw: unknown): MetricReading | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const date = readingFields.date.repair(Object.hasOwn(r, 'date') ? r.date : undefined);
  const value = Object.hasOwn(r, 'value') ? r.value : undefined;
  if (!date || typeof value !== 'number' || !Number.isFinite(value)) return null;
  return { date, value: readingFields.value.repair(value) };
}

/** Reads a metric; one without a journey and stage is skipped. Whether the stage lives is the caller's check. */
export function readMetric(id: string, m: YMap, onIssue: IssueSink): MetricSnapshot | null {
  const f = repairFields(metricFields, m);
  if (!f.journeyId || !f.stageId) {
    onIssue?.({ collection: 'metrics', id, problem: 'no-stage' });
    return null;
  }
  const rawHistory = m.get('history');
  const history: MetricReading[] = [];
  if (rawHistory instanceof Y.Array) {
    for (const raw of rawHistory) {
      if (history.length >= LIMITS.history) break;
      const reading = readReading(raw);
      if (reading) history.push(reading);
    }
  }
  history.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // The value of a metric with raw inputs is recomputed from them, so it can be audited and two
  // peers who edit inputs and value at once still see one consistent number.
  const inputs = readInputsOf(f.kind, m.get('inputs'));
  const computed = inputs ? computeFromInputs(inputs) : null;
  const current = computed?.ok ? metricFields.current.repair(computed.value) : f.current;
  return { id, ...f, current, inputs, history };
}
