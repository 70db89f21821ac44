import * as Y from 'yjs';
import { BoardCommandError, fail } from '../errors';
import { newId } from '../ids';
import type { Ordered } from '../order';
import type { YMap } from '../read';
import {
  type BlueprintLane,
  blueprintFields,
  columnFields,
  MAX_COLUMNS,
  type ProcessCardPatch,
  processCardFields,
} from '../records';
import { LIMITS } from '../schema';
import { newText, setTextField } from '../text';
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
      newRecord({ id, title: newText(title), x, y, journeyId, columns, cards: new Y.Map() }),
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
  if (bp.get('journeyId')) fail('a linked blueprint takes its columns from the journey');
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

/** Ids of a blueprint's live columns: its linked journey's stages, or its own columns. */
function blueprintColumns(ctx: CommandContext, bp: YMap, blueprintId: string): Set<string> {
  const journeyId = bp.get('journeyId');
  const journey = typeof journeyId === 'string' ? ctx.roots.journeys.get(journeyId) : undefined;
  const stages = journey instanceof Y.Map ? journey.get('stages') : undefined;
  const source =
    stages instanceof Y.Map ? (stages as YMap) : partOf(bp, 'columns', `blueprint ${blueprintId}`);
  return new Set(source.keys());
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

/** Adds a process card to a blueprint cell (column × lane). */
export function addProcessCard(
  ctx: CommandContext,
  blueprintId: string,
  input: { columnId: string; lane: BlueprintLane } & ProcessCardPatch,
): string {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  if (typeof input !== 'object' || input === null) fail('process card must be an object');
  if (typeof input.columnId !== 'string' || !blueprintColumns(ctx, bp, blueprintId).has(input.columnId))
    throw new BoardCommandError('not-found', `column ${String(input.columnId)} not found`);
  const lane = processCardFields.lane.check(input.lane, 'blueprint lane');
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
  to: { columnId: string; lane: BlueprintLane; index?: number },
): void {
  const bp = recordIn(ctx.roots.blueprints, blueprintId, 'blueprint');
  const cards = partOf(bp, 'cards', `blueprint ${blueprintId}`);
  const card = recordIn(cards, cardId, 'process card');
  if (typeof to !== 'object' || to === null) fail('target must be an object');
  if (typeof to.columnId !== 'string' || !blueprintColumns(ctx, bp, blueprintId).has(to.columnId))
    throw new BoardCommandError('not-found', `column ${String(to.columnId)} not found`);
  const lane = processCardFields.lane.check(to.lane, 'blueprint lane');
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
  ctx.run('deleteProcessCard', () => cards.delete(cardId));
}
