import * as Y from 'yjs';
import { BoardCommandError, fail } from '../errors';
import { newId } from '../ids';
import {
  type MaturityAreaKind,
  type MaturityLevel,
  MAX_MATURITY_AREAS,
  maturityAreaFields,
  maturityCardFields,
} from '../records';
import { newText, setTextField } from '../text';
import {
  type CommandContext,
  checkIndex,
  checkList,
  newRecord,
  ordered,
  partOf,
  placeAt,
  planKeys,
  recordIn,
} from './context';
import { checkFramePatch, writeFramePatch } from './blueprints';
import { deleteWithAttachments } from './elements';

/** Commands of CX maturity self-assessment cards (DOMAIN 2.7): the card and its areas. */

/** An area as commands accept it. */
export interface MaturityAreaInput {
  kind?: MaturityAreaKind;
  name?: string;
  level?: MaturityLevel | null;
}

function checkArea(input: MaturityAreaInput): {
  kind: MaturityAreaKind;
  name: string;
  level: MaturityLevel | null;
} {
  if (typeof input !== 'object' || input === null) fail('area must be an object');
  return {
    kind: maturityAreaFields.kind.check(input.kind ?? 'custom', 'area kind'),
    name: maturityAreaFields.name.check(input.name ?? '', 'area name'),
    level: maturityAreaFields.level.check(input.level ?? null, 'maturity level'),
  };
}

function areaRecord(id: string, order: string, area: ReturnType<typeof checkArea>): Y.Map<unknown> {
  return newRecord({ id, order, kind: area.kind, name: newText(area.name), level: area.level });
}

/** Adds a maturity card at `x`, `y` with the given areas (in order); returns its id. */
export function addMaturityCard(
  ctx: CommandContext,
  input: { x: number; y: number; title?: string; areas?: readonly MaturityAreaInput[] },
): string {
  if (typeof input !== 'object' || input === null) fail('maturity card must be an object');
  const title = maturityCardFields.title.check(input.title ?? '', 'title');
  const x = maturityCardFields.x.check(input.x, 'x');
  const y = maturityCardFields.y.check(input.y, 'y');
  const areas = checkList<MaturityAreaInput>(input.areas ?? [], 'areas', MAX_MATURITY_AREAS).map(checkArea);
  const id = newId();
  ctx.run('addMaturityCard', () => {
    const map = new Y.Map<unknown>();
    const keys = planKeys(areas.length);
    areas.forEach((area, i) => {
      const aid = newId();
      map.set(aid, areaRecord(aid, keys[i]!, area));
    });
    ctx.roots.maturityCards.set(id, newRecord({ id, title: newText(title), x, y, areas: map }));
  });
  return id;
}

/** Moves or renames a maturity card. */
export function updateMaturityCard(
  ctx: CommandContext,
  id: string,
  patch: Partial<{ title: string; x: number; y: number }>,
): void {
  const m = recordIn(ctx.roots.maturityCards, id, 'maturity card');
  const checked = checkFramePatch(maturityCardFields, patch);
  ctx.run('updateMaturityCard', () => writeFramePatch(m, checked));
}

/** Deletes a maturity card and connectors attached to it. */
export function deleteMaturityCard(ctx: CommandContext, id: string): void {
  recordIn(ctx.roots.maturityCards, id, 'maturity card');
  ctx.run('deleteMaturityCard', () => {
    ctx.roots.maturityCards.delete(id);
    deleteWithAttachments(ctx, new Set([id]));
  });
}

/** Adds an area to a card at `index` (the end when not given); returns its id. */
export function addMaturityArea(
  ctx: CommandContext,
  cardId: string,
  input: MaturityAreaInput & { index?: number },
): string {
  const card = recordIn(ctx.roots.maturityCards, cardId, 'maturity card');
  const areas = partOf(card, 'areas', `maturity card ${cardId}`);
  const area = checkArea(input);
  const list = ordered(areas);
  const index = input.index === undefined ? list.length : Math.min(checkIndex(input.index), list.length);
  if (list.length >= MAX_MATURITY_AREAS)
    throw new BoardCommandError('limit', `a maturity card holds at most ${MAX_MATURITY_AREAS} areas`);
  const id = newId();
  ctx.run('addMaturityArea', () => {
    const record = areaRecord(id, 'a0', area);
    placeAt(areas, list, index, record);
    areas.set(id, record);
  });
  return id;
}

/** Renames an area or sets the stage the company stands at there (null: not assessed). */
export function updateMaturityArea(
  ctx: CommandContext,
  cardId: string,
  areaId: string,
  patch: { name?: string; level?: MaturityLevel | null },
): void {
  const card = recordIn(ctx.roots.maturityCards, cardId, 'maturity card');
  const area = recordIn(partOf(card, 'areas', `maturity card ${cardId}`), areaId, 'area');
  if (typeof patch !== 'object' || patch === null) fail('patch must be an object');
  const name = patch.name === undefined ? undefined : maturityAreaFields.name.check(patch.name, 'area name');
  const level =
    patch.level === undefined ? undefined : maturityAreaFields.level.check(patch.level, 'maturity level');
  ctx.run('updateMaturityArea', () => {
    if (name !== undefined) setTextField(area, 'name', name);
    if (level !== undefined) area.set('level', level);
  });
}

/** Removes an area from a card. */
export function deleteMaturityArea(ctx: CommandContext, cardId: string, areaId: string): void {
  const card = recordIn(ctx.roots.maturityCards, cardId, 'maturity card');
  const areas = partOf(card, 'areas', `maturity card ${cardId}`);
  recordIn(areas, areaId, 'area');
  ctx.run('deleteMaturityArea', () => areas.delete(areaId));
}
