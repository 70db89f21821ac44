import * as Y from 'yjs';
import { metricKindInfo } from '../../metrics/catalogue';
import { BoardCommandError, fail } from '../errors';
import { newId } from '../ids';
import { type MetricPatch, metricFields, readingFields } from '../records';
import { LIMITS } from '../schema';
import { setTextField } from '../text';
import { type CommandContext, newRecord, partOf, recordIn } from './context';

/** Commands of metrics attached to journey stages, and their dated readings. */

/** Checks a metric patch; returns the text and plain fields to write. */
function metricWrites(patch: MetricPatch): { texts: [string, string][]; values: [string, unknown][] } {
  if (typeof patch !== 'object' || patch === null) fail('metric must be an object');
  const texts: [string, string][] = [];
  const values: [string, unknown][] = [];
  if (patch.name !== undefined) texts.push(['name', metricFields.name.check(patch.name, 'metric name')]);
  if (patch.owner !== undefined) texts.push(['owner', metricFields.owner.check(patch.owner, 'owner')]);
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
      history: new Y.Array(),
    });
    ctx.roots.metrics.set(id, m);
    for (const [k, v] of values) m.set(k, v);
    for (const [k, v] of texts) setTextField(m, k, v);
  });
  return id;
}

/** Edits a metric's fields. */
export function updateMetric(ctx: CommandContext, id: string, patch: MetricPatch): void {
  const m = recordIn(ctx.roots.metrics, id, 'metric');
  const { texts, values } = metricWrites(patch);
  ctx.run('updateMetric', () => {
    for (const [k, v] of values) m.set(k, v);
    for (const [k, v] of texts) setTextField(m, k, v);
  });
}

/** Records a dated value; when it is the newest reading it also becomes the current value. */
export function addMetricReading(
  ctx: CommandContext,
  id: string,
  reading: { date: string; value: number },
): void {
  const m = recordIn(ctx.roots.metrics, id, 'metric');
  if (typeof reading !== 'object' || reading === null) fail('reading must be an object');
  const date = readingFields.date.check(reading.date, 'date');
  const value = readingFields.value.check(reading.value, 'value');
  const stored = m.get('history');
  const history = stored instanceof Y.Array ? (stored as Y.Array<unknown>) : null;
  if (history && history.length >= LIMITS.history) throw new BoardCommandError('limit', 'too many readings');
  const newest = (history?.toArray() ?? []).every((r) => {
    const d =
      typeof r === 'object' && r !== null && Object.hasOwn(r, 'date') ? (r as { date: unknown }).date : null;
    return typeof d !== 'string' || d <= date;
  });
  ctx.run('addMetricReading', () => {
    let target = history;
    if (!target) {
      target = new Y.Array<unknown>();
      m.set('history', target);
    }
    target.push([{ date, value }]);
    if (newest) m.set('current', value);
  });
}

/** Deletes a metric; matrix rows that pointed at it lose the link. */
export function deleteMetric(ctx: CommandContext, id: string): void {
  recordIn(ctx.roots.metrics, id, 'metric');
  ctx.run('deleteMetric', () => {
    ctx.roots.metrics.delete(id);
    for (const [, matrix] of ctx.roots.matrices.entries()) {
      if (!(matrix instanceof Y.Map)) continue;
      const rows = matrix.get('rows');
      if (!(rows instanceof Y.Map)) continue;
      for (const [key, value] of rows.entries())
        if (key.endsWith('|metricId') && value === id) rows.set(key, null);
    }
  });
}
