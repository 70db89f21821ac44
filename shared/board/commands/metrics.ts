import * as Y from 'yjs';
import { metricKindInfo } from '../../metrics/catalogue';
import {
  computeFromInputs,
  kindAcceptsInputs,
  type MetricInputs,
  metricInputsSchema,
} from '../../metrics/inputs';
import { closesLoop } from '../../metrics/tree';
import { BoardCommandError, fail } from '../errors';
import { newId } from '../ids';
import { type MetricPatch, type MetricReading, metricFields, readingFields } from '../records';
import type { YMap } from '../read';
import { LIMITS } from '../schema';
import { setTextField } from '../text';
import { type CommandContext, checkList, newRecord, partOf, recordIn } from './context';

/** Commands of metrics attached to journey stages, and their dated readings. */

/** Checks a metric patch; returns the text and plain fields to write. */
function metricWrites(patch: MetricPatch): { texts: [string, string][]; values: [string, unknown][] } {
  if (typeof patch !== 'object' || patch === null) fail('metric must be an object');
  const texts: [string, string][] = [];
  const values: [string, unknown][] = [];
  if (patch.name !== undefined) texts.push(['name', metricFields.name.check(patch.name, 'metric name')]);
  if (patch.owner !== undefined) texts.push(['owner', metricFields.owner.check(patch.owner, 'owner')]);
  if (patch.task !== undefined) texts.push(['task', metricFields.task.check(patch.task, 'task')]);
  for (const key of ['kind', 'category', 'current', 'target', 'unit', 'period', 'source'] as const)
    if (patch[key] !== undefined) values.push([key, metricFields[key].check(patch[key], key)]);
  return { texts, values };
}

/** Attaches a metric to a journey stage. */
export function addMetric(
  ctx: CommandContext,
  input: { journeyId: string; stageId: string; kind: string } & MetricPatch,
): string {
  if (typeof input !== 'object' || input === null) fail('metric must be an object');
  const journey = recordIn(ctx.roots.journeys, input.journeyId, 'journey');
  recordIn(partOf(journey, 'stages', `journey ${input.journeyId}`), input.stageId, 'stage');
  const kind = metricFields.kind.check(input.kind, 'kind');
  // Category, source and unit default from the metric catalogue (NPS: subjective, measured by
  // customers, in points); units are catalogue codes the UI translates.
  const info = metricKindInfo(kind);
  const { texts, values } = metricWrites({
    category: info?.category ?? 'operational',
    source: info?.source ?? 'company',
    unit: info && info.unit !== 'none' ? info.unit : '',
    period: '',
    ...input,
  });
  const id = newId();
  ctx.run('addMetric', () => {
    const m = newRecord({
      id,
      journeyId: input.journeyId,
      stageId: input.stageId,
      current: null,
      target: null,
      inputs: null,
      history: new Y.Array(),
    });
    ctx.roots.metrics.set(id, m);
    for (const [k, v] of values) m.set(k, v);
    for (const [k, v] of texts) setTextField(m, k, v);
  });
  return id;
}

/**
 * Edits a metric's fields. A current value typed by hand, or a kind whose calculators cannot
 * read the stored inputs, drops the inputs: the value no longer comes from them.
 */
export function updateMetric(ctx: CommandContext, id: string, patch: MetricPatch): void {
  const m = recordIn(ctx.roots.metrics, id, 'metric');
  const { texts, values } = metricWrites(patch);
  const stored = m.get('inputs');
  const calculator =
    typeof stored === 'object' && stored !== null && Object.hasOwn(stored, 'calculator')
      ? (stored as { calculator: unknown }).calculator
      : null;
  const kind = values.find(([k]) => k === 'kind')?.[1] as string | undefined;
  const dropInputs =
    patch.current !== undefined ||
    (kind !== undefined && !(typeof calculator === 'string' && kindAcceptsInputs(kind, calculator)));
  ctx.run('updateMetric', () => {
    for (const [k, v] of values) m.set(k, v);
    for (const [k, v] of texts) setTextField(m, k, v);
    if (dropInputs && m.has('inputs')) m.set('inputs', null);
  });
}

/** Checks a reading argument. */
function checkReading(reading: unknown, what = 'reading'): MetricReading {
  if (typeof reading !== 'object' || reading === null) fail(`${what} must be an object`);
  const r = reading as Partial<MetricReading>;
  return {
    date: readingFields.date.check(r.date, `${what} date`),
    value: readingFields.value.check(r.value, `${what} value`),
  };
}

/** The stored date of a raw history entry, or null when it has none. */
function storedDate(raw: unknown): string | null {
  const d =
    typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'date')
      ? (raw as { date: unknown }).date
      : null;
  return typeof d === 'string' ? d : null;
}

/** A metric's stored history (a Y.Array), or null when it has none yet. */
function historyOf(m: YMap): Y.Array<unknown> | null {
  const stored = m.get('history');
  return stored instanceof Y.Array ? (stored as Y.Array<unknown>) : null;
}

/** Index in the stored history of the first entry equal to `reading`; a `not-found` refusal when none is. */
function readingIndex(history: Y.Array<unknown> | null, reading: MetricReading): number {
  const index = (history?.toArray() ?? []).findIndex(
    (raw) => storedDate(raw) === reading.date && (raw as { value?: unknown }).value === reading.value,
  );
  if (index < 0)
    throw new BoardCommandError('not-found', `reading ${reading.date} = ${reading.value} not found`);
  return index;
}

/** The newest date of the stored history, or null. */
function newestDate(entries: readonly unknown[]): string | null {
  let newest: string | null = null;
  for (const raw of entries) {
    const d = storedDate(raw);
    if (d !== null && (newest === null || d > newest)) newest = d;
  }
  return newest;
}

/**
 * Makes a reading's value the metric's current value. The raw inputs no longer stand behind
 * that value, so they are dropped (otherwise the reader would show the value computed from them).
 */
function setMeasuredValue(m: YMap, value: number): void {
  m.set('current', value);
  if (m.get('inputs') != null) m.set('inputs', null);
}

/**
 * Stores the raw data a metric's value is computed from and sets the value computed from it, or
 * (null) forgets the raw data and keeps the last value as measured. Inputs of a calculator the
 * metric's kind does not offer, out of bounds, or that the calculator refuses are refused: a
 * value that cannot be computed is never stored.
 */
export function setMetricInputs(ctx: CommandContext, id: string, inputs: MetricInputs | null): void {
  const m = recordIn(ctx.roots.metrics, id, 'metric');
  if (inputs === null) {
    ctx.run('setMetricInputs', () => m.set('inputs', null));
    return;
  }
  const parsed = metricInputsSchema.safeParse(inputs);
  if (!parsed.success) fail('metric inputs are not valid calculator inputs');
  const kind = metricFields.kind.repair(m.get('kind'));
  if (!kindAcceptsInputs(kind, parsed.data.calculator))
    fail(`a ${kind} metric cannot be computed with ${parsed.data.calculator}`);
  const result = computeFromInputs(parsed.data);
  if (!result.ok) fail(`metric inputs cannot be computed: ${result.error.message}`);
  const current = metricFields.current.check(result.value, 'computed value');
  ctx.run('setMetricInputs', () => {
    m.set('inputs', parsed.data);
    m.set('current', current);
  });
}

/** Records a dated value; when it is the newest reading it also becomes the current value (and drops the inputs). */
export function addMetricReading(
  ctx: CommandContext,
  id: string,
  reading: { date: string; value: number },
): void {
  const m = recordIn(ctx.roots.metrics, id, 'metric');
  const { date, value } = checkReading(reading);
  const history = historyOf(m);
  if (history && history.length >= LIMITS.history) throw new BoardCommandError('limit', 'too many readings');
  const newest = newestDate(history?.toArray() ?? []);
  ctx.run('addMetricReading', () => {
    let target = history;
    if (!target) {
      target = new Y.Array<unknown>();
      m.set('history', target);
    }
    target.push([{ date, value }]);
    if (newest === null || newest <= date) setMeasuredValue(m, value);
  });
}

/**
 * Replaces one reading (found by its date and value) with `next`. When the result is the
 * newest reading, its value becomes the current value.
 */
export function updateMetricReading(
  ctx: CommandContext,
  id: string,
  reading: MetricReading,
  next: MetricReading,
): void {
  const m = recordIn(ctx.roots.metrics, id, 'metric');
  const old = checkReading(reading);
  const replacement = checkReading(next, 'new reading');
  const history = historyOf(m);
  const index = readingIndex(history, old);
  const others = history!.toArray().filter((_, i) => i !== index);
  const newest = newestDate(others);
  ctx.run('updateMetricReading', () => {
    history!.delete(index, 1);
    history!.insert(index, [replacement]);
    if (newest === null || newest <= replacement.date) setMeasuredValue(m, replacement.value);
  });
}

/** Deletes one reading (found by its date and value). Deleting the newest makes the next newest current. */
export function deleteMetricReading(ctx: CommandContext, id: string, reading: MetricReading): void {
  const m = recordIn(ctx.roots.metrics, id, 'metric');
  const old = checkReading(reading);
  const history = historyOf(m);
  const index = readingIndex(history, old);
  const entries = history!.toArray();
  const others = entries.filter((_, i) => i !== index);
  const newest = newestDate(others);
  const wasNewest = newest === null || old.date > newest;
  const nextCurrent = others.find((raw) => storedDate(raw) === newest) as { value?: unknown } | undefined;
  ctx.run('deleteMetricReading', () => {
    history!.delete(index, 1);
    if (wasNewest && typeof nextCurrent?.value === 'number') setMeasuredValue(m, nextCurrent.value);
  });
}

/**
 * Imports readings all at once (pasted or from a file): every reading is checked first and
 * either all are written, in one transaction and one undo step, or none. A reading for a date
 * that already has readings replaces them, so importing the same sheet twice changes nothing.
 * When the newest reading is imported, its value becomes the current value.
 */
export function importMetricReadings(
  ctx: CommandContext,
  id: string,
  readings: readonly MetricReading[],
): void {
  const m = recordIn(ctx.roots.metrics, id, 'metric');
  const checked = checkList<unknown>(readings, 'readings', LIMITS.history).map((r, i) =>
    checkReading(r, `reading ${i + 1}`),
  );
  if (checked.length === 0) fail('readings must not be empty');
  const dates = new Set(checked.map((r) => r.date));
  if (dates.size !== checked.length) fail('readings must have different dates');
  const history = historyOf(m);
  const entries = history?.toArray() ?? [];
  const replaced = entries.flatMap((raw, i) => (dates.has(storedDate(raw) ?? '') ? [i] : []));
  if (entries.length - replaced.length + checked.length > LIMITS.history)
    throw new BoardCommandError('limit', 'too many readings');
  const kept = entries.filter((_, i) => !replaced.includes(i));
  const newestKept = newestDate(kept);
  const newestImported = checked.reduce((a, b) => (b.date > a.date ? b : a));
  ctx.run('importMetricReadings', () => {
    let target = history;
    if (!target) {
      target = new Y.Array<unknown>();
      m.set('history', target);
    }
    for (const i of replaced.reverse()) target.delete(i, 1);
    target.push(checked);
    if (newestKept === null || newestKept <= newestImported.date) setMeasuredValue(m, newestImported.value);
  });
}

/**
 * Links a metric to the metric of the same journey it drives (the metric tree), or unlinks it
 * with null. A link that would close a loop (a metric driving itself through a chain) is refused.
 */
export function setMetricDrives(ctx: CommandContext, id: string, drives: string | null): void {
  const m = recordIn(ctx.roots.metrics, id, 'metric');
  const target = metricFields.drives.check(drives, 'driven metric');
  if (target !== null) {
    const driven = recordIn(ctx.roots.metrics, target, 'driven metric');
    if (driven.get('journeyId') !== m.get('journeyId'))
      fail('a metric drives only a metric of its own journey');
    const links = new Map<string, string | null>();
    for (const [mid, other] of ctx.roots.metrics.entries())
      if (other instanceof Y.Map) links.set(mid, metricFields.drives.repair(other.get('drives')));
    if (closesLoop(links, id, target)) fail('a metric cannot drive itself through a loop');
  }
  ctx.run('setMetricDrives', () => m.set('drives', target));
}

/**
 * Deletes a metric; matrix rows that pointed at it lose the link, metrics that drove it drive
 * nothing, and its journey's CX index no longer weighs it.
 */
export function deleteMetric(ctx: CommandContext, id: string): void {
  const metric = recordIn(ctx.roots.metrics, id, 'metric');
  const journey = ctx.roots.journeys.get(metric.get('journeyId') as string);
  ctx.run('deleteMetric', () => {
    ctx.roots.metrics.delete(id);
    for (const [, other] of ctx.roots.metrics.entries())
      if (other instanceof Y.Map && other.get('drives') === id) other.set('drives', null);
    const weights = journey instanceof Y.Map ? journey.get('cxWeights') : null;
    if (weights instanceof Y.Map && weights.has(id)) weights.delete(id);
    for (const [, matrix] of ctx.roots.matrices.entries()) {
      if (!(matrix instanceof Y.Map)) continue;
      const rows = matrix.get('rows');
      if (!(rows instanceof Y.Map)) continue;
      for (const [key, value] of rows.entries())
        if (key.endsWith('|metricId') && value === id) rows.set(key, null);
    }
  });
}
