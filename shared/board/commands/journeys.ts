import * as Y from 'yjs';
import { BoardCommandError, fail } from '../errors';
import { newId } from '../ids';
import type { Ordered } from '../order';
import { defaultPreset, LANE_PRESET_NAMES, LANE_PRESETS, type LanePreset } from '../presets';
import type { YMap } from '../read';
import {
  cardFields,
  cxWeightField,
  EMOTION_MAX,
  EMOTION_MIN,
  type GoalKind,
  type JourneyKind,
  journeyFields,
  laneFields,
  type LaneType,
  MAX_CX_METRICS,
  MAX_LANES,
  MAX_STAGES,
  type MapState,
  type MomentType,
  momentFields,
  oneOf,
  readRow,
  rowKey,
  stageFields,
} from '../records';
import { LIMITS } from '../schema';
import { newText, readTextField, setTextField } from '../text';
import {
  type CommandContext,
  checkIndex,
  checkList,
  newRecord,
  ordered,
  partOf,
  type Placement,
  placeAt,
  placementIndex,
  planKeys,
  recordIn,
} from './context';
import { deleteProcessCardsWhere, keepStageColumn } from './blueprints';
import { deleteWithAttachments } from './elements';

/** Commands of journey maps and their parts: stages, lanes, cards, emotions, moments of truth. */

type JourneyPart = 'stages' | 'lanes' | 'cards' | 'moments';

/** The journey `id` and one of its part maps. */
function journeyPart(
  ctx: CommandContext,
  journeyId: string,
  part: JourneyPart,
): { journey: YMap; part: YMap } {
  const journey = recordIn(ctx.roots.journeys, journeyId, 'journey');
  return { journey, part: partOf(journey, part, `journey ${journeyId}`) };
}

/** Fields of a journey's header that `updateJourney` accepts. */
export type JourneyPatch = Partial<{
  title: string;
  x: number;
  y: number;
  segment: string;
  scenarioGoal: string;
  state: MapState;
  personaId: string | null;
  endGoal: string;
  goalKind: GoalKind | null;
}>;

const presetField = oneOf(LANE_PRESET_NAMES, 'full');

/** Adds a journey map frame with the preset's lanes and optional stages. */
export function addJourney(
  ctx: CommandContext,
  input: {
    kind: JourneyKind;
    preset?: LanePreset;
    title?: string;
    x: number;
    y: number;
    stageTitles?: readonly string[];
  },
): string {
  if (typeof input !== 'object' || input === null) fail('journey must be an object');
  const kind = journeyFields.kind.check(input.kind, 'journey kind');
  const preset = presetField.check(input.preset ?? defaultPreset(kind), 'lane preset');
  const title = journeyFields.title.check(input.title ?? '', 'title');
  const x = journeyFields.x.check(input.x, 'x');
  const y = journeyFields.y.check(input.y, 'y');
  const stageTitles = checkList<unknown>(input.stageTitles ?? [], 'stage titles', MAX_STAGES).map((t) =>
    stageFields.title.check(t, 'stage title'),
  );
  const id = newId();
  ctx.run('addJourney', () => {
    const stages = new Y.Map<unknown>();
    const lanes = new Y.Map<unknown>();
    const stageKeys = planKeys(stageTitles.length);
    stageTitles.forEach((t, i) => {
      const sid = newId();
      stages.set(
        sid,
        newRecord({ id: sid, order: stageKeys[i], title: newText(t), emotionAsIs: null, emotionToBe: null }),
      );
    });
    const laneTypes = LANE_PRESETS[preset];
    const laneKeys = planKeys(laneTypes.length);
    laneTypes.forEach((type, i) => {
      const lid = newId();
      lanes.set(lid, newRecord({ id: lid, order: laneKeys[i], type, title: newText('') }));
    });
    ctx.roots.journeys.set(
      id,
      newRecord({
        id,
        kind,
        title: newText(title),
        x,
        y,
        personaId: null,
        segment: newText(),
        scenarioGoal: newText(),
        state: 'as-is',
        endGoal: newText(),
        goalKind: null,
        whyLadder: [],
        stages,
        lanes,
        cards: new Y.Map(),
        moments: new Y.Map(),
        cxWeights: new Y.Map(),
      }),
    );
  });
  return id;
}

/** Changes a journey's header fields and position. */
export function updateJourney(ctx: CommandContext, id: string, patch: JourneyPatch): void {
  const m = recordIn(ctx.roots.journeys, id, 'journey');
  if (typeof patch !== 'object' || patch === null) fail('patch must be an object');
  const texts: [string, string][] = [];
  const values: [string, unknown][] = [];
  for (const key of ['title', 'segment', 'scenarioGoal', 'endGoal'] as const)
    if (patch[key] !== undefined) texts.push([key, journeyFields[key].check(patch[key], key)]);
  for (const key of ['x', 'y'] as const)
    if (patch[key] !== undefined) values.push([key, journeyFields[key].check(patch[key], key)]);
  if (patch.state !== undefined) values.push(['state', journeyFields.state.check(patch.state, 'state')]);
  if (patch.goalKind !== undefined)
    values.push(['goalKind', journeyFields.goalKind.check(patch.goalKind, 'goal kind')]);
  if (patch.personaId !== undefined) {
    if (patch.personaId !== null) recordIn(ctx.roots.personas, patch.personaId, 'persona');
    values.push(['personaId', patch.personaId]);
  }
  ctx.run('updateJourney', () => {
    for (const [k, v] of texts) setTextField(m, k, v);
    for (const [k, v] of values) m.set(k, v);
  });
}

/** Sets the reverse-CJM "why?" ladder, first answer first. */
export function setWhyLadder(ctx: CommandContext, journeyId: string, steps: readonly string[]): void {
  const m = recordIn(ctx.roots.journeys, journeyId, 'journey');
  const value = journeyFields.whyLadder.check(steps, 'why ladder');
  ctx.run('setWhyLadder', () => m.set('whyLadder', value));
}

/**
 * Weighs a metric of the journey in its CX index, or (null) takes it out of the index. A weight
 * of 0 keeps the metric listed but without effect.
 */
export function setCxWeight(
  ctx: CommandContext,
  journeyId: string,
  metricId: string,
  weight: number | null,
): void {
  const m = recordIn(ctx.roots.journeys, journeyId, 'journey');
  const stored = m.get('cxWeights');
  const weights = stored instanceof Y.Map ? (stored as YMap) : null;
  if (weight === null) {
    if (!weights?.has(metricId))
      throw new BoardCommandError('not-found', `metric ${String(metricId)} is not in the CX index`);
    ctx.run('setCxWeight', () => weights.delete(metricId));
    return;
  }
  const metric = recordIn(ctx.roots.metrics, metricId, 'metric');
  if (metric.get('journeyId') !== journeyId) fail('the CX index weighs only metrics of its own journey');
  const value = cxWeightField.check(weight, 'weight');
  if (!weights?.has(metricId) && (weights?.size ?? 0) >= MAX_CX_METRICS)
    throw new BoardCommandError('limit', `the CX index weighs at most ${MAX_CX_METRICS} metrics`);
  ctx.run('setCxWeight', () => {
    let target = weights;
    // Journeys made before the CX index have no map yet.
    if (!target) {
      target = new Y.Map<unknown>();
      m.set('cxWeights', target);
    }
    target.set(metricId, value);
  });
}

/** Deletes a journey with everything that hangs on it: metrics, matrices, connectors; linked blueprints become standalone. */
export function deleteJourney(ctx: CommandContext, id: string): void {
  const { part: stages } = journeyPart(ctx, id, 'stages');
  const { metrics, matrices, blueprints, journeys } = ctx.roots;
  ctx.run('deleteJourney', () => {
    for (const [mid, m] of metrics.entries())
      if (m instanceof Y.Map && m.get('journeyId') === id) metrics.delete(mid);
    for (const [xid, m] of matrices.entries())
      if (m instanceof Y.Map && m.get('journeyId') === id) matrices.delete(xid);
    for (const [, bp] of blueprints.entries()) {
      if (!(bp instanceof Y.Map) || bp.get('journeyId') !== id) continue;
      // Keep the blueprint's columns as its own, so its process cards stay where they were.
      let columns = bp.get('columns');
      if (!(columns instanceof Y.Map)) {
        columns = new Y.Map<unknown>();
        bp.set('columns', columns);
      }
      for (const [sid, s] of stages.entries()) {
        if (s instanceof Y.Map)
          (columns as YMap).set(
            sid,
            newRecord({ id: sid, order: s.get('order'), title: newText(readTextField(s as YMap, 'title')) }),
          );
      }
      bp.set('journeyId', null);
    }
    journeys.delete(id);
    deleteWithAttachments(ctx, new Set([id]));
  });
}

/** Adds a stage. Without a placement it goes last, or first on a reverse CJM (built right to left). */
export function addStage(
  ctx: CommandContext,
  journeyId: string,
  input: { title: string } & Placement,
): string {
  const { journey, part: stages } = journeyPart(ctx, journeyId, 'stages');
  if (typeof input !== 'object' || input === null) fail('stage must be an object');
  const title = stageFields.title.check(input.title, 'stage title');
  if (stages.size >= MAX_STAGES) throw new BoardCommandError('limit', 'too many stages');
  const list = ordered(stages);
  const index = placementIndex(list, input, journey.get('kind') === 'reverse', 'stage');
  const id = newId();
  ctx.run('addStage', () => {
    const stage = newRecord({ id, title: newText(title), emotionAsIs: null, emotionToBe: null });
    placeAt(stages, list, index, stage);
    stages.set(id, stage);
  });
  return id;
}

/** Renames a stage (matrix rows and linked blueprint columns follow). */
export function renameStage(ctx: CommandContext, journeyId: string, stageId: string, title: string): void {
  const stage = recordIn(journeyPart(ctx, journeyId, 'stages').part, stageId, 'stage');
  const value = stageFields.title.check(title, 'stage title');
  ctx.run('renameStage', () => setTextField(stage, 'title', value));
}

/** Moves an ordered item (stage, lane, column) before or after a sibling. */
export function moveOrdered(
  ctx: CommandContext,
  container: YMap,
  id: string,
  target: Placement,
  what: string,
  name: string,
): void {
  const item = recordIn(container, id, what);
  if (typeof target !== 'object' || target === null) fail('target must be an object');
  if (target.before === id || target.after === id) return;
  const list = ordered(container).filter((o) => o.id !== id);
  const index = placementIndex(list, target, false, what);
  ctx.run(name, () => placeAt(container, list, index, item));
}

/** Moves a stage before or after another one. */
export function moveStage(ctx: CommandContext, journeyId: string, stageId: string, target: Placement): void {
  moveOrdered(ctx, journeyPart(ctx, journeyId, 'stages').part, stageId, target, 'stage', 'moveStage');
}

const matrixRowsChoice = oneOf(['delete', 'keep'] as const, 'delete');

/** What deleting a stage does with what follows it outside the journey. */
export interface StageDeleteOptions {
  /** Each AI matrix drops the stage's row, or keeps it as a detached row. */
  matrixRows?: 'delete' | 'keep';
  /** Each linked blueprint deletes the stage column's process cards, or keeps the column (as its own). */
  blueprintCards?: 'delete' | 'keep';
}

/**
 * Deletes a stage with its cards, moments and metrics. Each AI matrix of the journey either
 * drops the stage's row or keeps it as a detached row (`matrixRows: 'keep'`); each linked
 * blueprint either deletes the column's process cards or keeps the column (`blueprintCards: 'keep'`).
 */
export function deleteStage(
  ctx: CommandContext,
  journeyId: string,
  stageId: string,
  opts: StageDeleteOptions = {},
): void {
  const { journey, part: stages } = journeyPart(ctx, journeyId, 'stages');
  const stage = recordIn(stages, stageId, 'stage');
  if (typeof opts !== 'object' || opts === null) fail('options must be an object');
  const keepRows = matrixRowsChoice.check(opts.matrixRows ?? 'delete', 'matrix rows') === 'keep';
  const keepColumns = matrixRowsChoice.check(opts.blueprintCards ?? 'delete', 'blueprint cards') === 'keep';
  const stageTitle = stageFields.title.repair(stage.get('title'));
  ctx.run('deleteStage', () => {
    for (const key of ['cards', 'moments'] as const) {
      const part = journey.get(key);
      if (!(part instanceof Y.Map)) continue;
      for (const [id, m] of part.entries())
        if (m instanceof Y.Map && m.get('stageId') === stageId) part.delete(id);
    }
    const { metrics, matrices, blueprints } = ctx.roots;
    for (const [id, m] of metrics.entries()) {
      if (m instanceof Y.Map && m.get('journeyId') === journeyId && m.get('stageId') === stageId)
        metrics.delete(id);
    }
    for (const [, matrix] of matrices.entries()) {
      if (!(matrix instanceof Y.Map) || matrix.get('journeyId') !== journeyId) continue;
      const rows = matrix.get('rows');
      if (!(rows instanceof Y.Map)) continue;
      if (keepRows) {
        let detached = matrix.get('detached');
        if (!(detached instanceof Y.Array)) {
          detached = new Y.Array<unknown>();
          matrix.set('detached', detached);
        }
        const row = readRow(rows as YMap, stageId, stageTitle);
        (detached as Y.Array<unknown>).push([{ ...row, metricId: null }]);
      }
      const prefix = rowKey(stageId, '');
      for (const key of [...rows.keys()]) if (key.startsWith(prefix)) rows.delete(key);
    }
    for (const [, bp] of blueprints.entries()) {
      if (!(bp instanceof Y.Map) || bp.get('journeyId') !== journeyId) continue;
      if (keepColumns) keepStageColumn(bp as YMap, stageId, stageTitle);
      else deleteProcessCardsWhere(bp as YMap, (card) => card.get('columnId') === stageId);
    }
    stages.delete(stageId);
  });
}

/** Adds a typed lane; without a placement it goes last. */
export function addLane(
  ctx: CommandContext,
  journeyId: string,
  input: { type: LaneType; title?: string } & Placement,
): string {
  const { part: lanes } = journeyPart(ctx, journeyId, 'lanes');
  if (typeof input !== 'object' || input === null) fail('lane must be an object');
  const type = laneFields.type.check(input.type, 'lane type');
  const title = laneFields.title.check(input.title ?? '', 'lane title');
  if (lanes.size >= MAX_LANES) throw new BoardCommandError('limit', 'too many lanes');
  const list = ordered(lanes);
  const index = placementIndex(list, input, false, 'lane');
  const id = newId();
  ctx.run('addLane', () => {
    const lane = newRecord({ id, type, title: newText(title) });
    placeAt(lanes, list, index, lane);
    lanes.set(id, lane);
  });
  return id;
}

/** Renames a lane. An empty title shows the lane type's translated name. */
export function renameLane(ctx: CommandContext, journeyId: string, laneId: string, title: string): void {
  const lane = recordIn(journeyPart(ctx, journeyId, 'lanes').part, laneId, 'lane');
  const value = laneFields.title.check(title, 'lane title');
  ctx.run('renameLane', () => setTextField(lane, 'title', value));
}

/** Moves a lane above or below another one. */
export function moveLane(ctx: CommandContext, journeyId: string, laneId: string, target: Placement): void {
  moveOrdered(ctx, journeyPart(ctx, journeyId, 'lanes').part, laneId, target, 'lane', 'moveLane');
}

/** Deletes a lane and its cards. */
export function deleteLane(ctx: CommandContext, journeyId: string, laneId: string): void {
  const { journey, part: lanes } = journeyPart(ctx, journeyId, 'lanes');
  recordIn(lanes, laneId, 'lane');
  const cards = partOf(journey, 'cards', `journey ${journeyId}`);
  ctx.run('deleteLane', () => {
    for (const [id, m] of cards.entries())
      if (m instanceof Y.Map && m.get('laneId') === laneId) cards.delete(id);
    lanes.delete(laneId);
  });
}

/** The cards of one cell in order, `except` one. */
function cellCards(cards: YMap, stageId: string, laneId: string, except?: string): Ordered[] {
  return ordered(cards, (m) => m.get('stageId') === stageId && m.get('laneId') === laneId).filter(
    (o) => o.id !== except,
  );
}

/** The journey's cards map after checking that the cell (stage × lane) exists. */
function cellOf(ctx: CommandContext, journeyId: string, stageId: unknown, laneId: unknown): YMap {
  const journey = recordIn(ctx.roots.journeys, journeyId, 'journey');
  recordIn(partOf(journey, 'stages', `journey ${journeyId}`), stageId, 'stage');
  recordIn(partOf(journey, 'lanes', `journey ${journeyId}`), laneId, 'lane');
  return partOf(journey, 'cards', `journey ${journeyId}`);
}

/** Adds a card to a cell (stage × lane), at `index` in the cell or last. */
export function addCard(
  ctx: CommandContext,
  journeyId: string,
  input: { stageId: string; laneId: string; text?: string; color?: string; index?: number },
): string {
  if (typeof input !== 'object' || input === null) fail('card must be an object');
  const cards = cellOf(ctx, journeyId, input.stageId, input.laneId);
  if (cards.size >= LIMITS.itemsPerJourney)
    throw new BoardCommandError('limit', 'too many cards in this journey');
  const text = cardFields.text.check(input.text ?? '', 'card text');
  const color = cardFields.color.check(input.color ?? cardFields.color.fallback, 'colour');
  const list = cellCards(cards, input.stageId, input.laneId);
  const index = input.index === undefined ? list.length : checkIndex(input.index);
  const id = newId();
  ctx.run('addCard', () => {
    const card = newRecord({
      id,
      stageId: input.stageId,
      laneId: input.laneId,
      text: newText(text),
      color,
      tags: [],
      evidence: newText(),
      redact: false,
    });
    placeAt(cards, list, index, card);
    cards.set(id, card);
  });
  return id;
}

/** Replaces a card's text; concurrent edits elsewhere in the same text are kept. */
export function setCardText(ctx: CommandContext, journeyId: string, cardId: string, text: string): void {
  const card = recordIn(journeyPart(ctx, journeyId, 'cards').part, cardId, 'card');
  const value = cardFields.text.check(text, 'card text');
  ctx.run('setCardText', () => setTextField(card, 'text', value));
}

/**
 * Changes a card's colour, tags, evidence note, redaction flag or the metric it is tied to
 * (a metric of the same journey, or null).
 */
export function updateCard(
  ctx: CommandContext,
  journeyId: string,
  cardId: string,
  patch: Partial<{
    color: string;
    tags: string[];
    evidence: string;
    redact: boolean;
    metricId: string | null;
  }>,
): void {
  const card = recordIn(journeyPart(ctx, journeyId, 'cards').part, cardId, 'card');
  if (typeof patch !== 'object' || patch === null) fail('patch must be an object');
  const metricId =
    patch.metricId === undefined ? undefined : cardFields.metricId.check(patch.metricId, 'metric');
  if (metricId) {
    const metric = recordIn(ctx.roots.metrics, metricId, 'metric');
    if (metric.get('journeyId') !== journeyId)
      throw new BoardCommandError('not-found', `metric ${metricId} is not a metric of journey ${journeyId}`);
  }
  const color = patch.color === undefined ? undefined : cardFields.color.check(patch.color, 'colour');
  const tags = patch.tags === undefined ? undefined : cardFields.tags.check(patch.tags, 'tags');
  const evidence =
    patch.evidence === undefined ? undefined : cardFields.evidence.check(patch.evidence, 'evidence');
  const redact = patch.redact === undefined ? undefined : cardFields.redact.check(patch.redact, 'redact');
  ctx.run('updateCard', () => {
    if (color !== undefined) card.set('color', color);
    if (tags !== undefined) card.set('tags', tags);
    if (evidence !== undefined) setTextField(card, 'evidence', evidence);
    if (redact !== undefined) card.set('redact', redact);
    if (metricId !== undefined) card.set('metricId', metricId);
  });
}

/** Moves a card to a cell (possibly the same one) at `index`, or last. */
export function moveCard(
  ctx: CommandContext,
  journeyId: string,
  cardId: string,
  to: { stageId: string; laneId: string; index?: number },
): void {
  const card = recordIn(journeyPart(ctx, journeyId, 'cards').part, cardId, 'card');
  if (typeof to !== 'object' || to === null) fail('target must be an object');
  const cards = cellOf(ctx, journeyId, to.stageId, to.laneId);
  const list = cellCards(cards, to.stageId, to.laneId, cardId);
  const index = to.index === undefined ? list.length : checkIndex(to.index);
  ctx.run('moveCard', () => {
    if (card.get('stageId') !== to.stageId) card.set('stageId', to.stageId);
    if (card.get('laneId') !== to.laneId) card.set('laneId', to.laneId);
    placeAt(cards, list, index, card);
  });
}

/** Deletes a card. */
export function deleteCard(ctx: CommandContext, journeyId: string, cardId: string): void {
  const { part: cards } = journeyPart(ctx, journeyId, 'cards');
  recordIn(cards, cardId, 'card');
  ctx.run('deleteCard', () => cards.delete(cardId));
}

const seriesField = oneOf(['asIs', 'toBe'] as const, 'asIs');

/** Sets a stage's emotion score for one series (clamped to −2..+2), or clears it with null. */
export function setEmotion(
  ctx: CommandContext,
  journeyId: string,
  stageId: string,
  series: 'asIs' | 'toBe',
  value: number | null,
): void {
  const stage = recordIn(journeyPart(ctx, journeyId, 'stages').part, stageId, 'stage');
  const key = seriesField.check(series, 'series') === 'asIs' ? 'emotionAsIs' : 'emotionToBe';
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value)))
    fail(`emotion must be a number from ${EMOTION_MIN} to ${EMOTION_MAX}`);
  // Out-of-range scores are clamped, as a drag past the chart's edge means "the most".
  const score = value === null ? null : stageFields.emotionAsIs.repair(value);
  ctx.run('setEmotion', () => stage.set(key, score));
}

/** Marks a moment of truth on a stage. */
export function addMoment(
  ctx: CommandContext,
  journeyId: string,
  input: { stageId: string; type: MomentType; target?: string; current?: string },
): string {
  const { journey, part: moments } = journeyPart(ctx, journeyId, 'moments');
  if (typeof input !== 'object' || input === null) fail('moment must be an object');
  recordIn(partOf(journey, 'stages', `journey ${journeyId}`), input.stageId, 'stage');
  const type = momentFields.type.check(input.type, 'moment type');
  const target = momentFields.target.check(input.target ?? '', 'target');
  const current = momentFields.current.check(input.current ?? '', 'current');
  if (moments.size >= LIMITS.itemsPerJourney) throw new BoardCommandError('limit', 'too many moments');
  const id = newId();
  ctx.run('addMoment', () => {
    moments.set(
      id,
      newRecord({ id, stageId: input.stageId, type, target: newText(target), current: newText(current) }),
    );
  });
  return id;
}

/** Edits a moment of truth: its type, target and current state, or its stage. */
export function updateMoment(
  ctx: CommandContext,
  journeyId: string,
  momentId: string,
  patch: Partial<{ type: MomentType; target: string; current: string; stageId: string }>,
): void {
  const { journey, part: moments } = journeyPart(ctx, journeyId, 'moments');
  const moment = recordIn(moments, momentId, 'moment');
  if (typeof patch !== 'object' || patch === null) fail('patch must be an object');
  const type = patch.type === undefined ? undefined : momentFields.type.check(patch.type, 'moment type');
  const target = patch.target === undefined ? undefined : momentFields.target.check(patch.target, 'target');
  const current =
    patch.current === undefined ? undefined : momentFields.current.check(patch.current, 'current');
  if (patch.stageId !== undefined)
    recordIn(partOf(journey, 'stages', `journey ${journeyId}`), patch.stageId, 'stage');
  ctx.run('updateMoment', () => {
    if (type !== undefined) moment.set('type', type);
    if (target !== undefined) setTextField(moment, 'target', target);
    if (current !== undefined) setTextField(moment, 'current', current);
    if (patch.stageId !== undefined) moment.set('stageId', patch.stageId);
  });
}

/** Removes a moment of truth. */
export function deleteMoment(ctx: CommandContext, journeyId: string, momentId: string): void {
  const { part: moments } = journeyPart(ctx, journeyId, 'moments');
  recordIn(moments, momentId, 'moment');
  ctx.run('deleteMoment', () => moments.delete(momentId));
}
