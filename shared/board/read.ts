import * as Y from 'yjs';
import { compareOrdered, isOrderKey } from './order';
import { cellKey, LIMITS } from './schema';
import { readTextField } from './text';
import {
  ACTOR_KINDS,
  BLUEPRINT_LANES,
  type BlueprintLane,
  type BlueprintSnapshot,
  type CardSnapshot,
  type ElementSnapshot,
  type ElementType,
  EMOTION_MAX,
  EMOTION_MIN,
  GOAL_KINDS,
  type JourneySnapshot,
  LANE_TYPES,
  type LaneSnapshot,
  MATRIX_COLUMNS,
  MATRIX_DECISIONS,
  type MatrixColumn,
  type MatrixRowSnapshot,
  type MatrixSnapshot,
  METRIC_CATEGORIES,
  type MetricReading,
  type MetricSnapshot,
  MOMENT_TYPES,
  type MomentSnapshot,
  type PersonaSnapshot,
  type ProcessCardSnapshot,
  type StageSnapshot,
} from './types';

/**
 * Readers from the Yjs structures to plain snapshots. They are also the repair step for
 * untrusted content (files, remote peers): a field of the wrong type falls back to its
 * default, and a record that cannot be read (no id, unknown kind) is skipped and reported,
 * so one bad record never breaks the rest of the board.
 */
export interface ReadIssue {
  collection: string;
  id: string;
  problem: string;
}

/** Collects what readers had to skip or fix; pass none to read silently. */
export type IssueSink = ((issue: ReadIssue) => void) | undefined;

type YMap = Y.Map<unknown>;

const ELEMENT_TYPES: readonly ElementType[] = ['sticky', 'text', 'shape', 'frame', 'connector'];

export function num(map: YMap, key: string, fallback: number, min = -Infinity, max = Infinity): number {
  const v = map.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

function nullableNum(map: YMap, key: string, min: number, max: number): number | null {
  const v = map.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : null;
}

function score(map: YMap, key: string): number | null {
  const v = map.get(key);
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5 ? v : null;
}

function str(map: YMap, key: string, fallback = ''): string {
  const v = map.get(key);
  return typeof v === 'string' ? v : fallback;
}

function nullableStr(map: YMap, key: string): string | null {
  const v = map.get(key);
  return typeof v === 'string' && v.length > 0 ? v : null;
}

function oneOf<T extends string>(map: YMap, key: string, allowed: readonly T[], fallback: T): T {
  const v = map.get(key);
  return allowed.includes(v as T) ? (v as T) : fallback;
}

function nullableOneOf<T extends string>(map: YMap, key: string, allowed: readonly T[]): T | null {
  const v = map.get(key);
  return allowed.includes(v as T) ? (v as T) : null;
}

function stringList(map: YMap, key: string, maxItems: number, maxLength = LIMITS.tagLength * 10): string[] {
  const v = map.get(key);
  const raw = v instanceof Y.Array ? v.toArray() : Array.isArray(v) ? v : [];
  return raw.filter((s): s is string => typeof s === 'string' && s.length <= maxLength).slice(0, maxItems);
}

function order(map: YMap): string {
  const v = map.get('order');
  return isOrderKey(v) ? v : 'a0';
}

/** Iterates the child maps of a collection map, reporting entries that are not maps. */
export function* childMaps(parent: YMap, collection: string, onIssue: IssueSink): Generator<[string, YMap]> {
  for (const [id, value] of parent.entries()) {
    if (value instanceof Y.Map) yield [id, value as YMap];
    else onIssue?.({ collection, id, problem: 'not-a-record' });
  }
}

function subMap(map: YMap, key: string): YMap | null {
  const v = map.get(key);
  return v instanceof Y.Map ? (v as YMap) : null;
}

export function readElement(id: string, m: YMap, onIssue: IssueSink): ElementSnapshot | null {
  const type = m.get('type');
  if (!ELEMENT_TYPES.includes(type as ElementType)) {
    onIssue?.({ collection: 'elements', id, problem: 'unknown-type' });
    return null;
  }
  const rawStyle = m.get('style');
  const style =
    rawStyle && typeof rawStyle === 'object' && !Array.isArray(rawStyle)
      ? (rawStyle as Record<string, unknown>)
      : {};
  const shape = style.shape;
  return {
    id,
    type: type as ElementType,
    x: num(m, 'x', 0, -LIMITS.coordinate, LIMITS.coordinate),
    y: num(m, 'y', 0, -LIMITS.coordinate, LIMITS.coordinate),
    width: num(m, 'width', 200, 1, LIMITS.size),
    height: num(m, 'height', 200, 1, LIMITS.size),
    text: readTextField(m, 'text'),
    style: {
      color: typeof style.color === 'string' && style.color.length <= 32 ? style.color : 'yellow',
      ...(shape === 'rectangle' || shape === 'ellipse' || shape === 'diamond' ? { shape } : {}),
      ...(typeof style.fontSize === 'number' && style.fontSize >= 6 && style.fontSize <= 400
        ? { fontSize: style.fontSize }
        : {}),
    },
    z: order(m),
    frameId: nullableStr(m, 'frameId'),
    from: nullableStr(m, 'from'),
    to: nullableStr(m, 'to'),
  };
}

function readStage(id: string, m: YMap): StageSnapshot & { order: string } {
  return {
    id,
    order: order(m),
    title: readTextField(m, 'title'),
    emotion: {
      asIs: nullableNum(m, 'emotionAsIs', EMOTION_MIN, EMOTION_MAX),
      toBe: nullableNum(m, 'emotionToBe', EMOTION_MIN, EMOTION_MAX),
    },
  };
}

function readLane(id: string, m: YMap): (LaneSnapshot & { order: string }) | null {
  const type = m.get('type');
  if (!LANE_TYPES.includes(type as LaneSnapshot['type'])) return null;
  return { id, order: order(m), type: type as LaneSnapshot['type'], title: readTextField(m, 'title') };
}

function strip<T extends { order: string }>(item: T): Omit<T, 'order'> {
  const { order: _order, ...rest } = item;
  return rest;
}

export function readJourney(id: string, m: YMap, onIssue: IssueSink): JourneySnapshot | null {
  const kind = m.get('kind');
  if (kind !== 'cjm' && kind !== 'reverse' && kind !== 'ejm') {
    onIssue?.({ collection: 'journeys', id, problem: 'unknown-kind' });
    return null;
  }
  const stagesMap = subMap(m, 'stages');
  const lanesMap = subMap(m, 'lanes');
  const cardsMap = subMap(m, 'cards');
  const momentsMap = subMap(m, 'moments');
  if (!stagesMap || !lanesMap || !cardsMap || !momentsMap) {
    onIssue?.({ collection: 'journeys', id, problem: 'missing-structure' });
    return null;
  }
  const stages = [...childMaps(stagesMap, 'stages', onIssue)]
    .map(([sid, sm]) => readStage(sid, sm))
    .sort(compareOrdered);
  const lanes: (LaneSnapshot & { order: string })[] = [];
  for (const [lid, lm] of childMaps(lanesMap, 'lanes', onIssue)) {
    const lane = readLane(lid, lm);
    if (lane) lanes.push(lane);
    else onIssue?.({ collection: 'lanes', id: lid, problem: 'unknown-type' });
  }
  lanes.sort(compareOrdered);
  const stageIds = new Set(stages.map((s) => s.id));
  const laneIds = new Set(lanes.map((l) => l.id));

  const cellLists = new Map<string, (CardSnapshot & { order: string })[]>();
  for (const [cid, cm] of childMaps(cardsMap, 'cards', onIssue)) {
    const stageId = str(cm, 'stageId');
    const laneId = str(cm, 'laneId');
    // A card whose stage or lane is gone (deleted concurrently) is not part of the board.
    if (!stageIds.has(stageId) || !laneIds.has(laneId)) continue;
    const key = cellKey(stageId, laneId);
    const list = cellLists.get(key) ?? [];
    cellLists.set(key, list);
    list.push({
      id: cid,
      order: order(cm),
      stageId,
      laneId,
      text: readTextField(cm, 'text'),
      color: str(cm, 'color', 'yellow'),
      tags: stringList(cm, 'tags', LIMITS.tags, LIMITS.tagLength),
      evidence: readTextField(cm, 'evidence'),
      redact: cm.get('redact') === true,
    });
  }
  const cells: Record<string, CardSnapshot[]> = {};
  for (const key of [...cellLists.keys()].sort())
    cells[key] = cellLists.get(key)!.sort(compareOrdered).map(strip);

  const moments: MomentSnapshot[] = [];
  for (const [mid, mm] of childMaps(momentsMap, 'moments', onIssue)) {
    const stageId = str(mm, 'stageId');
    if (!stageIds.has(stageId)) continue;
    moments.push({
      id: mid,
      stageId,
      type: oneOf(mm, 'type', MOMENT_TYPES, 'FMOT'),
      target: readTextField(mm, 'target'),
      current: readTextField(mm, 'current'),
    });
  }
  moments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  return {
    id,
    kind,
    title: readTextField(m, 'title'),
    x: num(m, 'x', 0, -LIMITS.coordinate, LIMITS.coordinate),
    y: num(m, 'y', 0, -LIMITS.coordinate, LIMITS.coordinate),
    personaId: nullableStr(m, 'personaId'),
    segment: readTextField(m, 'segment'),
    scenarioGoal: readTextField(m, 'scenarioGoal'),
    state: oneOf(m, 'state', ['as-is', 'to-be'] as const, 'as-is'),
    endGoal: readTextField(m, 'endGoal'),
    goalKind: nullableOneOf(m, 'goalKind', GOAL_KINDS),
    whyLadder: stringList(m, 'whyLadder', LIMITS.whySteps, 2000),
    stages: stages.map(strip),
    lanes: lanes.map(strip),
    cells,
    moments,
  };
}

export function readPersona(id: string, m: YMap): PersonaSnapshot {
  return {
    id,
    name: readTextField(m, 'name'),
    segment: readTextField(m, 'segment'),
    goals: readTextField(m, 'goals'),
    jtbd: readTextField(m, 'jtbd'),
    expectations: {
      personalisation: readTextField(m, 'expPersonalisation'),
      speed: readTextField(m, 'expSpeed'),
      simplicity: readTextField(m, 'expSimplicity'),
    },
    quote: readTextField(m, 'quote'),
  };
}

/** Columns of a blueprint: the linked journey's stages, or its own ordered columns. */
export function readBlueprint(
  id: string,
  m: YMap,
  journeys: Readonly<Record<string, JourneySnapshot>>,
  onIssue: IssueSink,
): BlueprintSnapshot | null {
  const columnsMap = subMap(m, 'columns');
  const cardsMap = subMap(m, 'cards');
  if (!columnsMap || !cardsMap) {
    onIssue?.({ collection: 'blueprints', id, problem: 'missing-structure' });
    return null;
  }
  const journeyId = nullableStr(m, 'journeyId');
  const journey = journeyId ? journeys[journeyId] : undefined;
  const columns = journey
    ? journey.stages.map((s) => ({ id: s.id, title: s.title }))
    : [...childMaps(columnsMap, 'columns', onIssue)]
        .map(([cid, cm]) => ({ id: cid, order: order(cm), title: readTextField(cm, 'title') }))
        .sort(compareOrdered)
        .map(strip);
  const columnIds = new Set(columns.map((c) => c.id));
  const lists = new Map<string, (ProcessCardSnapshot & { order: string })[]>();
  for (const [cid, cm] of childMaps(cardsMap, 'cards', onIssue)) {
    const columnId = str(cm, 'columnId');
    const lane = cm.get('lane') as BlueprintLane;
    if (!columnIds.has(columnId) || !BLUEPRINT_LANES.includes(lane)) continue;
    const key = cellKey(columnId, lane);
    const list = lists.get(key) ?? [];
    lists.set(key, list);
    list.push({
      id: cid,
      order: order(cm),
      columnId,
      lane,
      text: readTextField(cm, 'text'),
      actorKind: oneOf(cm, 'actorKind', ACTOR_KINDS, 'employee'),
      owner: readTextField(cm, 'owner'),
      system: readTextField(cm, 'system'),
      pros: stringList(cm, 'pros', LIMITS.listItems),
      cons: stringList(cm, 'cons', LIMITS.listItems),
    });
  }
  const cells: Record<string, ProcessCardSnapshot[]> = {};
  for (const key of [...lists.keys()].sort()) cells[key] = lists.get(key)!.sort(compareOrdered).map(strip);
  return {
    id,
    title: readTextField(m, 'title'),
    x: num(m, 'x', 0, -LIMITS.coordinate, LIMITS.coordinate),
    y: num(m, 'y', 0, -LIMITS.coordinate, LIMITS.coordinate),
    journeyId: journey ? journeyId : null,
    columns,
    cells,
  };
}

function isReading(v: unknown): v is MetricReading {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.date === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(r.date) &&
    typeof r.value === 'number' &&
    Number.isFinite(r.value)
  );
}

export function readMetric(id: string, m: YMap, onIssue: IssueSink): MetricSnapshot | null {
  const journeyId = str(m, 'journeyId');
  const stageId = str(m, 'stageId');
  if (!journeyId || !stageId) {
    onIssue?.({ collection: 'metrics', id, problem: 'no-stage' });
    return null;
  }
  const rawHistory = m.get('history');
  const history = (rawHistory instanceof Y.Array ? rawHistory.toArray() : [])
    .filter(isReading)
    .map((r) => ({ date: r.date, value: r.value }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    id,
    journeyId,
    stageId,
    kind: str(m, 'kind', 'custom'),
    name: readTextField(m, 'name'),
    category: oneOf(m, 'category', METRIC_CATEGORIES, 'operational'),
    current: nullableNum(m, 'current', -1e15, 1e15),
    target: nullableNum(m, 'target', -1e15, 1e15),
    unit: str(m, 'unit'),
    period: str(m, 'period'),
    source: oneOf(m, 'source', ['customer', 'company'] as const, 'company'),
    owner: readTextField(m, 'owner'),
    history,
  };
}

/** Key of one field of one matrix row in the matrix's flat `rows` map. */
export function rowKey(stageId: string, field: string): string {
  return `${stageId}|${field}`;
}

function readRow(rows: YMap, stageId: string, stageTitle: string): MatrixRowSnapshot {
  const cells = {} as Record<MatrixColumn, string>;
  for (const column of MATRIX_COLUMNS) cells[column] = readTextField(rows, rowKey(stageId, `cell:${column}`));
  const flag = rows.get(rowKey(stageId, 'humanMustStay'));
  return {
    stageId,
    stageTitle,
    cells,
    metricId: nullableStr(rows, rowKey(stageId, 'metricId')),
    pain: score(rows, rowKey(stageId, 'pain')),
    money: score(rows, rowKey(stageId, 'money')),
    fit: score(rows, rowKey(stageId, 'fit')),
    humanMustStay: flag === true,
    humanReason: readTextField(rows, rowKey(stageId, 'humanReason')),
    risks: readTextField(rows, rowKey(stageId, 'risks')),
    decision: nullableOneOf(rows, rowKey(stageId, 'decision'), MATRIX_DECISIONS),
  };
}

function isDetachedRow(v: unknown): v is MatrixRowSnapshot {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.stageId === 'string' &&
    typeof r.stageTitle === 'string' &&
    !!r.cells &&
    typeof r.cells === 'object'
  );
}

/** The matrix follows its journey: one row per live stage, in stage order. */
export function readMatrix(
  id: string,
  m: YMap,
  journeys: Readonly<Record<string, JourneySnapshot>>,
  onIssue: IssueSink,
): MatrixSnapshot | null {
  const journeyId = str(m, 'journeyId');
  const journey = journeys[journeyId];
  const rows = subMap(m, 'rows');
  if (!journey || !rows) {
    onIssue?.({ collection: 'matrices', id, problem: journey ? 'missing-structure' : 'no-journey' });
    return null;
  }
  const detached = m.get('detached');
  return {
    id,
    journeyId,
    title: readTextField(m, 'title'),
    x: num(m, 'x', 0, -LIMITS.coordinate, LIMITS.coordinate),
    y: num(m, 'y', 0, -LIMITS.coordinate, LIMITS.coordinate),
    rows: journey.stages.map((s) => readRow(rows, s.id, s.title)),
    detachedRows: detached instanceof Y.Array ? detached.toArray().filter(isDetachedRow) : [],
  };
}

export { readRow };
