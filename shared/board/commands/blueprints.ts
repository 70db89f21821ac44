import * as Y from 'yjs';
import { BoardCommandError, fail } from '../errors';
import { newId } from '../ids';
import type { Ordered } from '../order';
import type { YMap } from '../read';
import {
  type BlueprintLane,
  blueprintFields,
  columnFields,
  customLaneFields,
  isFixedLane,
  MAX_COLUMNS,
  MAX_CUSTOM_LANES,
  MAX_HANDOFFS,
  type ProcessCardPatch,
  processCardFields,
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
import { deleteWithAttachments } from './elements';

/** Commands of service blueprints: the frame, its own columns and its process cards. */

/** Adds a service blueprint, linked to a journey (columns follow its stages) or standalone. */
export function addBlueprint(
  ctx: CommandContext,
  input: {
    journeyId?: string | null;
    title?: string;
    x: number;
    y: number;
    columnTitles?: readonly string[];
  },
): string {
  if (typeof input !== 'object' || input === null) fail('blueprint must be an object');
  const journeyId = input.journeyId ?? null;
  if (journeyId !== null) recordIn(ctx.roots.journeys, journeyId, 'journey');
  const title = blueprintFields.title.check(input.title ?? '', 'title');
  const x = blueprintFields.x.check(input.x, 'x');
  const y = blueprintFields.y.check(input.y, 'y');
  const columnTitles = checkList<unknown>(input.columnTitles ?? [], 'column titles', MAX_COLUMNS).map((t) =>
    columnFields.title.check(t, 'column title'),
  );
  if (journeyId !== null && columnTitles.length > 0)
    fail('a linked blueprint takes its columns from the journey');
  const id = newId();
  ctx.run('addBlueprint', () => {
    const columns = new Y.Map<unknown>();
    const keys = planKeys(columnTitles.length);
    columnTitles.forEach((t, i) => {
      const cid = newId();
      columns.set(cid, newRecord({ id: cid, order: keys[i], title: newText(t) }));
    });
    ctx.roots.blueprints.set(
      id,
      newRecord({
        id,
        title: newText(title),
        x,
        y,
        journeyId,
        mirrorSteps: false,
        columns,
        lanes: new Y.Map(),
        cards: new Y.Map(),
        handoffs: new Y.Map(),
      }),
    );
  });
  return id;
}

/** Moves or renames a frame record (blueprint or matrix): the fields `title`, `x`, `y`. */
export function checkFramePatch(
  fields: Pick<typeof blueprintFields, 'title' | 'x' | 'y'>,
  patch: Partial<{ title: string; x: number; y: number }>,
): { title?: string; x?: number; y?: number } {
  if (typeof patch !== 'object' || patch === null) fail('patch must be an object');
  return {
    title: patch.title === undefined ? undefined : fields.title.check(patch.title, 'title'),
    x: patch.x === undefined ? undefined : fields.x.check(patch.x, 'x'),
    y: patch.y === undefined ? undefined : fields.y.check(patch.y, 'y'),
  };
}

/** Writes a checked frame patch (inside `run`). */
export function writeFramePatch(m: YMap, patch: { title?: string; x?: number; y?: number }): void {
  if (patch.title !== undefined) setTextField(m, 'title', patch.title);
  if (patch.x !== undefined) m.set('x', patch.x);
  if (patch.y !== undefined) m.set('y', patch.y);
}

/** Moves or renames a blueprint. */
export function updateBlueprint(
  ctx: CommandContext,
  id: string,
  patch: Partial<{ title: string; x: number; y: number }>,
): void {
  const m = recordIn(ctx.roots.blueprints, id, 'blueprint');
  const checked = checkFramePatch(blueprintFields, patch);
  ctx.run('updateBlueprint', () => writeFramePatch(m, checked));
}

/** Deletes a blueprint and connectors attached to it. */
export function deleteBlueprint(ctx: CommandContext, id: string): void {
  recordIn(ctx.roots.blueprints, id, 'blueprint');
  ctx.run('deleteBlueprint', () => {
    ctx.roots.blueprints.delete(id);
    deleteWithAttachments(ctx, new Set([id]));
  });
}

/** Adds a column to a standalone blueprint. */
export function addBlueprintColumn(
  ctx: CommandContext,
  blueprintId: string,
  input: { title: string } & Placement,
): string {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  const journeyId = bp.get('journeyId');
  if (typeof journeyId === 'string' && ctx.roots.journeys.get(journeyId) instanceof Y.Map)
    fail('a linked blueprint takes its columns from the journey');
  if (typeof input !== 'object' || input === null) fail('column must be an object');
  const columns = partOf(bp, 'columns', `blueprint ${blueprintId}`);
  const title = columnFields.title.check(input.title, 'column title');
  if (columns.size >= MAX_COLUMNS) throw new BoardCommandError('limit', 'too many columns');
  const list = ordered(columns);
  const index = placementIndex(list, input, false, 'column');
  const id = newId();
  ctx.run('addBlueprintColumn', () => {
    const column = newRecord({ id, title: newText(title) });
    placeAt(columns, list, index, column);
    columns.set(id, column);
  });
  return id;
}

/**
 * Ids of a blueprint's live columns: its linked journey's stages and its kept columns, or
 * its own columns.
 */
function blueprintColumns(ctx: CommandContext, bp: YMap, blueprintId: string): Set<string> {
  const own = new Set(partOf(bp, 'columns', `blueprint ${blueprintId}`).keys());
  const journeyId = bp.get('journeyId');
  const journey = typeof journeyId === 'string' ? ctx.roots.journeys.get(journeyId) : undefined;
  const stages = journey instanceof Y.Map ? journey.get('stages') : undefined;
  if (stages instanceof Y.Map) for (const sid of stages.keys()) own.add(sid);
  return own;
}

/** Checks that `lane` is a fixed lane or a custom lane of the blueprint; returns it. */
function checkLane(bp: YMap, lane: unknown): string {
  const checked = processCardFields.lane.check(lane, 'blueprint lane');
  const custom = bp.get('lanes');
  if (isFixedLane(checked) || (custom instanceof Y.Map && custom.get(checked) instanceof Y.Map))
    return checked;
  throw new BoardCommandError('not-found', `lane ${checked} not found`);
}

/** The blueprint's map of `key` (custom lanes, handoffs), created when an older blueprint has none. */
function partCreated(bp: YMap, key: 'lanes' | 'handoffs'): YMap {
  const part = bp.get(key);
  if (part instanceof Y.Map) return part as YMap;
  // Blueprints made before custom lanes and handoffs existed get the map on first use.
  const created = new Y.Map<unknown>();
  bp.set(key, created);
  return created;
}

/** Deletes the handoffs of a blueprint that start or end at one of `cardIds` (inside `run`). */
function deleteHandoffsOf(bp: YMap, cardIds: ReadonlySet<string>): void {
  const handoffs = bp.get('handoffs');
  if (!(handoffs instanceof Y.Map)) return;
  for (const [hid, h] of [...handoffs.entries()])
    if (h instanceof Y.Map && (cardIds.has(h.get('from')) || cardIds.has(h.get('to')))) handoffs.delete(hid);
}

/** Deletes the process cards of a blueprint that `match` and their handoffs (inside `run`). */
export function deleteProcessCardsWhere(bp: YMap, match: (card: YMap) => boolean): void {
  const cards = bp.get('cards');
  if (!(cards instanceof Y.Map)) return;
  const gone = new Set<string>();
  for (const [cid, card] of [...cards.entries()]) {
    if (card instanceof Y.Map && match(card as YMap)) {
      cards.delete(cid);
      gone.add(cid);
    }
  }
  if (gone.size > 0) deleteHandoffsOf(bp, gone);
}

/**
 * Keeps the column of a deleted stage in a linked blueprint (inside `run`): an own column
 * with the stage's id, after the other kept columns, so its cards (and any a peer adds to
 * the stage at the same time) stay in it.
 */
export function keepStageColumn(bp: YMap, stageId: string, title: string): void {
  const columns = bp.get('columns');
  if (!(columns instanceof Y.Map)) return;
  const list = ordered(columns as YMap);
  const column = newRecord({ id: stageId, title: newText(title) });
  placeAt(columns as YMap, list, list.length, column);
  columns.set(stageId, column);
}

/** Turns the customer-actions lane's mirror of the linked journey's steps lane on or off. */
export function setBlueprintMirror(ctx: CommandContext, id: string, on: boolean): void {
  const m = recordIn(ctx.roots.blueprints, id, 'blueprint');
  const value = blueprintFields.mirrorSteps.check(on, 'mirror');
  ctx.run('setBlueprintMirror', () => m.set('mirrorSteps', value));
}

/**
 * Makes a linked blueprint standalone at `at` (where it was drawn): the journey's stages
 * become its own columns with the same ids (cards stay where they were), followed by its
 * kept columns; later stage changes no longer reach it.
 */
export function detachBlueprint(ctx: CommandContext, id: string, at: { x: number; y: number }): void {
  const bp = recordIn(ctx.roots.blueprints, id, 'blueprint');
  const columns = partOf(bp, 'columns', `blueprint ${id}`);
  if (typeof at !== 'object' || at === null) fail('position must be an object');
  const x = blueprintFields.x.check(at.x, 'x');
  const y = blueprintFields.y.check(at.y, 'y');
  const journeyId = bp.get('journeyId');
  const journey = typeof journeyId === 'string' ? ctx.roots.journeys.get(journeyId) : undefined;
  if (!(journey instanceof Y.Map)) fail('blueprint is not linked to a journey');
  const stages = ordered(partOf(journey as YMap, 'stages', `journey ${String(journeyId)}`));
  const stageIds = new Set(stages.map((s) => s.id));
  const kept = ordered(columns).filter((c) => !stageIds.has(c.id));
  if (stages.length + kept.length > MAX_COLUMNS) throw new BoardCommandError('limit', 'too many columns');
  const stageMaps = (journey as YMap).get('stages') as YMap;
  ctx.run('detachBlueprint', () => {
    const keys = planKeys(stages.length + kept.length);
    stages.forEach((s, i) => {
      const title = readTextField(stageMaps.get(s.id) as YMap, 'title');
      columns.set(s.id, newRecord({ id: s.id, order: keys[i], title: newText(title) }));
    });
    kept.forEach((c, i) => {
      (columns.get(c.id) as YMap).set('order', keys[stages.length + i]);
    });
    bp.set('journeyId', null);
    bp.set('x', x);
    bp.set('y', y);
  });
}

/** An own column of a blueprint (a standalone blueprint's column, or a kept one); refused for a stage's column. */
function ownColumn(
  ctx: CommandContext,
  blueprintId: string,
  columnId: string,
): { bp: YMap; columns: YMap; column: YMap } {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  const columns = partOf(bp, 'columns', `blueprint ${blueprintId}`);
  const column = recordIn(columns, columnId, 'column');
  const journeyId = bp.get('journeyId');
  const journey = typeof journeyId === 'string' ? ctx.roots.journeys.get(journeyId) : undefined;
  const stages = journey instanceof Y.Map ? journey.get('stages') : undefined;
  if (stages instanceof Y.Map && stages.has(columnId))
    fail('a linked column follows its stage: change the stage');
  return { bp, columns, column };
}

/** Renames an own column. */
export function renameBlueprintColumn(
  ctx: CommandContext,
  blueprintId: string,
  columnId: string,
  title: string,
): void {
  const { column } = ownColumn(ctx, blueprintId, columnId);
  const checked = columnFields.title.check(title, 'column title');
  ctx.run('renameBlueprintColumn', () => setTextField(column, 'title', checked));
}

/** Moves an own column before or after another own column. */
export function moveBlueprintColumn(
  ctx: CommandContext,
  blueprintId: string,
  columnId: string,
  target: Placement,
): void {
  const { columns, column } = ownColumn(ctx, blueprintId, columnId);
  if (typeof target !== 'object' || target === null) fail('target must be an object');
  const list = ordered(columns).filter((c) => c.id !== columnId);
  const index = placementIndex(list, target, false, 'column');
  ctx.run('moveBlueprintColumn', () => placeAt(columns, list, index, column));
}

/** Deletes an own column with its process cards. */
export function deleteBlueprintColumn(ctx: CommandContext, blueprintId: string, columnId: string): void {
  const { bp, columns } = ownColumn(ctx, blueprintId, columnId);
  ctx.run('deleteBlueprintColumn', () => {
    deleteProcessCardsWhere(bp, (card) => card.get('columnId') === columnId);
    columns.delete(columnId);
  });
}

/** Adds a custom lane at the end of a fixed lane's zone. */
export function addBlueprintLane(
  ctx: CommandContext,
  blueprintId: string,
  input: { title: string; zone: BlueprintLane },
): string {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  if (typeof input !== 'object' || input === null) fail('lane must be an object');
  const title = customLaneFields.title.check(input.title, 'lane title');
  const zone = customLaneFields.zone.check(input.zone, 'lane zone');
  const existing = bp.get('lanes');
  const list = existing instanceof Y.Map ? ordered(existing as YMap) : [];
  if (list.length >= MAX_CUSTOM_LANES) throw new BoardCommandError('limit', 'too many lanes');
  const id = newId();
  ctx.run('addBlueprintLane', () => {
    const lanes = partCreated(bp, 'lanes');
    const lane = newRecord({ id, title: newText(title), zone });
    placeAt(lanes, list, list.length, lane);
    lanes.set(id, lane);
  });
  return id;
}

/** A custom lane of a blueprint. */
function customLane(
  ctx: CommandContext,
  blueprintId: string,
  laneId: string,
): { bp: YMap; lanes: YMap; lane: YMap } {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  if (typeof laneId === 'string' && isFixedLane(laneId)) fail('the five blueprint lanes cannot be changed');
  const lanes = partOf(bp, 'lanes', `blueprint ${blueprintId}`);
  return { bp, lanes, lane: recordIn(lanes, laneId, 'lane') };
}

/** Renames a custom lane. */
export function renameBlueprintLane(
  ctx: CommandContext,
  blueprintId: string,
  laneId: string,
  title: string,
): void {
  const { lane } = customLane(ctx, blueprintId, laneId);
  const checked = customLaneFields.title.check(title, 'lane title');
  ctx.run('renameBlueprintLane', () => setTextField(lane, 'title', checked));
}

/** Deletes a custom lane with its process cards. */
export function deleteBlueprintLane(ctx: CommandContext, blueprintId: string, laneId: string): void {
  const { bp, lanes } = customLane(ctx, blueprintId, laneId);
  ctx.run('deleteBlueprintLane', () => {
    deleteProcessCardsWhere(bp, (card) => card.get('lane') === laneId);
    lanes.delete(laneId);
  });
}

/** Adds a handoff arrow from one process card to another of the same blueprint. */
export function addHandoff(ctx: CommandContext, blueprintId: string, from: string, to: string): string {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  const cards = partOf(bp, 'cards', `blueprint ${blueprintId}`);
  recordIn(cards, from, 'process card');
  recordIn(cards, to, 'process card');
  if (from === to) fail('a handoff needs two different cards');
  const existing = bp.get('handoffs');
  if (existing instanceof Y.Map) {
    if (existing.size >= MAX_HANDOFFS) throw new BoardCommandError('limit', 'too many handoffs');
    for (const h of existing.values())
      if (h instanceof Y.Map && h.get('from') === from && h.get('to') === to) fail('this handoff exists');
  }
  const id = newId();
  ctx.run('addHandoff', () => partCreated(bp, 'handoffs').set(id, newRecord({ id, from, to })));
  return id;
}

/** Removes a handoff arrow. */
export function deleteHandoff(ctx: CommandContext, blueprintId: string, handoffId: string): void {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  const handoffs = partOf(bp, 'handoffs', `blueprint ${blueprintId}`);
  recordIn(handoffs, handoffId, 'handoff');
  ctx.run('deleteHandoff', () => handoffs.delete(handoffId));
}

/** Checks a process-card patch; returns the text and plain fields to write. */
function processCardWrites(patch: ProcessCardPatch): {
  texts: [string, string][];
  values: [string, unknown][];
} {
  if (typeof patch !== 'object' || patch === null) fail('process card must be an object');
  const texts: [string, string][] = [];
  const values: [string, unknown][] = [];
  for (const key of ['text', 'owner', 'system'] as const)
    if (patch[key] !== undefined) texts.push([key, processCardFields[key].check(patch[key], key)]);
  for (const key of ['actorKind', 'pros', 'cons'] as const)
    if (patch[key] !== undefined) values.push([key, processCardFields[key].check(patch[key], key)]);
  return { texts, values };
}

/** The cards of one blueprint cell in order, `except` one. */
function blueprintCell(cards: YMap, columnId: string, lane: string, except?: string): Ordered[] {
  return ordered(cards, (m) => m.get('columnId') === columnId && m.get('lane') === lane).filter(
    (o) => o.id !== except,
  );
}

/** Adds a process card to a blueprint cell (column × lane: a fixed lane's name or a custom lane's id). */
export function addProcessCard(
  ctx: CommandContext,
  blueprintId: string,
  input: { columnId: string; lane: string } & ProcessCardPatch,
): string {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  if (typeof input !== 'object' || input === null) fail('process card must be an object');
  if (typeof input.columnId !== 'string' || !blueprintColumns(ctx, bp, blueprintId).has(input.columnId))
    throw new BoardCommandError('not-found', `column ${String(input.columnId)} not found`);
  const lane = checkLane(bp, input.lane);
  const { texts, values } = processCardWrites({ actorKind: 'employee', pros: [], cons: [], ...input });
  const cards = partOf(bp, 'cards', `blueprint ${blueprintId}`);
  if (cards.size >= LIMITS.itemsPerJourney) throw new BoardCommandError('limit', 'too many process cards');
  const list = blueprintCell(cards, input.columnId, lane);
  const id = newId();
  ctx.run('addProcessCard', () => {
    const card = newRecord({ id, columnId: input.columnId, lane });
    placeAt(cards, list, list.length, card);
    cards.set(id, card);
    for (const [k, v] of values) card.set(k, v);
    for (const [k, v] of texts) setTextField(card, k, v);
  });
  return id;
}

/** Edits a process card: text, actor kind, owner, system, pros and cons. */
export function updateProcessCard(
  ctx: CommandContext,
  blueprintId: string,
  cardId: string,
  patch: ProcessCardPatch,
): void {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  const card = recordIn(partOf(bp, 'cards', `blueprint ${blueprintId}`), cardId, 'process card');
  const { texts, values } = processCardWrites(patch);
  ctx.run('updateProcessCard', () => {
    for (const [k, v] of values) card.set(k, v);
    for (const [k, v] of texts) setTextField(card, k, v);
  });
}

/** Moves a process card to another cell at `index`, or last. */
export function moveProcessCard(
  ctx: CommandContext,
  blueprintId: string,
  cardId: string,
  to: { columnId: string; lane: string; index?: number },
): void {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  const cards = partOf(bp, 'cards', `blueprint ${blueprintId}`);
  const card = recordIn(cards, cardId, 'process card');
  if (typeof to !== 'object' || to === null) fail('target must be an object');
  if (typeof to.columnId !== 'string' || !blueprintColumns(ctx, bp, blueprintId).has(to.columnId))
    throw new BoardCommandError('not-found', `column ${String(to.columnId)} not found`);
  const lane = checkLane(bp, to.lane);
  const list = blueprintCell(cards, to.columnId, lane, cardId);
  const index = to.index === undefined ? list.length : checkIndex(to.index);
  ctx.run('moveProcessCard', () => {
    card.set('columnId', to.columnId);
    card.set('lane', lane);
    placeAt(cards, list, index, card);
  });
}

/** Deletes a process card. */
export function deleteProcessCard(ctx: CommandContext, blueprintId: string, cardId: string): void {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  const cards = partOf(bp, 'cards', `blueprint ${blueprintId}`);
  recordIn(cards, cardId, 'process card');
  ctx.run('deleteProcessCard', () => {
    cards.delete(cardId);
    deleteHandoffsOf(bp, new Set([cardId]));
  });
}
