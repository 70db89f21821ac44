import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { BoardCommandError, fail } from '../errors';
import { newId } from '../ids';
import { compareOrdered, isOrderKey, type Ordered } from '../order';
import type { YMap } from '../read';
import {
  CANVAS_ITEM_COLLECTIONS,
  checkStyle,
  ELEMENT_DEFAULTS,
  type ElementSnapshot,
  type ElementStyle,
  type ElementType,
  elementFields,
  elementInputSchema,
  id as idField,
  repairStyle,
} from '../records';
import { LIMITS } from '../schema';
import { newText, setTextField } from '../text';
import { type CommandContext, checkList, clampCoord, newRecord, recordIn } from './context';

/** Commands of the free elements: stickies, texts, shapes, frames and connectors. */

export interface NewElement {
  type: ElementType;
  x: number;
  y: number;
  width?: number;
  height?: number;
  text?: string;
  style?: Partial<ElementStyle>;
  frameId?: string | null;
  from?: string | null;
  to?: string | null;
  id?: string;
}

export interface ElementPatch {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  style?: Partial<ElementStyle>;
  frameId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Most elements one paste or duplicate may add. */
export const MAX_PASTE = 5000;

function hasEndpoint(ctx: CommandContext, id: string): boolean {
  return CANVAS_ITEM_COLLECTIONS.some((k) => ctx.roots[k].get(id) instanceof Y.Map);
}

function checkEndpoint(ctx: CommandContext, id: unknown): string {
  const value = idField().check(id, 'connector end');
  if (!hasEndpoint(ctx, value)) throw new BoardCommandError('not-found', `connector end ${value} not found`);
  return value;
}

function checkFrame(ctx: CommandContext, frameId: unknown): string {
  const frame = typeof frameId === 'string' ? ctx.roots.elements.get(frameId) : undefined;
  if (!(frame instanceof Y.Map) || frame.get('type') !== 'frame')
    throw new BoardCommandError('not-found', `frame ${String(frameId)} not found`);
  return frameId as string;
}

/** `n` order keys above every element, in order. */
function topKeys(ctx: CommandContext, n: number): string[] {
  // Compare the raw keys first (cheap); only a broken top key costs a repaired rescan.
  const top = (read: (raw: unknown) => string) => {
    let max: Ordered | null = null;
    for (const [id, m] of ctx.roots.elements.entries()) {
      if (!(m instanceof Y.Map)) continue;
      const item = { id, order: read(m.get('order')) };
      if (!max || compareOrdered(item, max) > 0) max = item;
    }
    return max?.order ?? null;
  };
  let max = top((raw) => String(raw ?? elementFields.order.fallback));
  if (max !== null && !isOrderKey(max)) max = top((raw) => elementFields.order.repair(raw));
  return generateNKeysBetween(max, null, n);
}

function checkRoom(ctx: CommandContext, adding: number): void {
  if (ctx.roots.elements.size + adding > LIMITS.elements)
    throw new BoardCommandError('limit', 'too many elements on this board');
}

/** Adds a free element and returns its id. Connectors need `from` and `to`. */
export function addElement(ctx: CommandContext, input: NewElement): string {
  if (typeof input !== 'object' || input === null) fail('element must be an object');
  const type = elementFields.type.check(input.type, 'element type');
  const defaults = ELEMENT_DEFAULTS[type];
  const id = input.id === undefined ? newId() : idField().check(input.id, 'element id');
  if (ctx.roots.elements.has(id)) fail(`element ${id} already exists`);
  checkRoom(ctx, 1);
  const x = elementFields.x.check(input.x, 'x');
  const y = elementFields.y.check(input.y, 'y');
  const width = input.width === undefined ? defaults.width : elementFields.width.check(input.width, 'width');
  const height =
    input.height === undefined ? defaults.height : elementFields.height.check(input.height, 'height');
  const text = elementFields.text.check(input.text ?? '', 'text');
  const style = {
    color: defaults.color,
    ...(type === 'shape' ? { shape: 'rectangle' as const } : {}),
    ...checkStyle(input.style ?? {}),
  };
  const frameId = input.frameId ? checkFrame(ctx, input.frameId) : null;
  const from = type === 'connector' ? checkEndpoint(ctx, input.from) : null;
  const to = type === 'connector' ? checkEndpoint(ctx, input.to) : null;
  const [order] = topKeys(ctx, 1);
  ctx.run('addElement', () => {
    ctx.roots.elements.set(
      id,
      newRecord({ id, type, x, y, width, height, text: newText(text), style, order, frameId, from, to }),
    );
  });
  return id;
}

/** Changes geometry, style, frame or connector ends of an element. */
export function updateElement(ctx: CommandContext, id: string, patch: ElementPatch): void {
  const m = recordIn(ctx.roots.elements, id, 'element');
  if (typeof patch !== 'object' || patch === null) fail('patch must be an object');
  const writes: [string, unknown][] = [];
  for (const key of ['x', 'y', 'width', 'height'] as const)
    if (patch[key] !== undefined) writes.push([key, elementFields[key].check(patch[key], key)]);
  if (patch.style !== undefined)
    writes.push(['style', { ...repairStyle(m.get('style')), ...checkStyle(patch.style) }]);
  if (patch.frameId !== undefined) {
    if (patch.frameId === id) fail('an element cannot be its own frame');
    writes.push(['frameId', patch.frameId === null ? null : checkFrame(ctx, patch.frameId)]);
  }
  if (patch.from !== undefined) writes.push(['from', checkEndpoint(ctx, patch.from)]);
  if (patch.to !== undefined) writes.push(['to', checkEndpoint(ctx, patch.to)]);
  ctx.run('updateElement', () => {
    for (const [k, v] of writes) m.set(k, v);
  });
}

/** Moves elements to new positions; a moved frame carries the elements inside it. */
export function moveElements(
  ctx: CommandContext,
  moves: readonly { id: string; x: number; y: number }[],
): void {
  const planned = new Map<string, { m: YMap; x: number; y: number }>();
  for (const move of checkList<{ id: string; x: number; y: number }>(moves, 'moves', LIMITS.elements)) {
    if (typeof move !== 'object' || move === null) fail('a move must be an object');
    const m = recordIn(ctx.roots.elements, move.id, 'element');
    planned.set(move.id, { m, x: elementFields.x.check(move.x, 'x'), y: elementFields.y.check(move.y, 'y') });
  }
  for (const [id, { m, x, y }] of [...planned]) {
    if (m.get('type') !== 'frame') continue;
    const dx = x - elementFields.x.repair(m.get('x'));
    const dy = y - elementFields.y.repair(m.get('y'));
    for (const [childId, child] of ctx.roots.elements.entries()) {
      if (!(child instanceof Y.Map) || child.get('frameId') !== id || planned.has(childId)) continue;
      planned.set(childId, {
        m: child as YMap,
        x: clampCoord(elementFields.x.repair(child.get('x')) + dx),
        y: clampCoord(elementFields.y.repair(child.get('y')) + dy),
      });
    }
  }
  ctx.run('moveElements', () => {
    for (const { m, x, y } of planned.values()) {
      m.set('x', x);
      m.set('y', y);
    }
  });
}

/** Replaces an element's text (a sticky's note, a frame's title, a connector's label). */
export function setElementText(ctx: CommandContext, id: string, text: string): void {
  const m = recordIn(ctx.roots.elements, id, 'element');
  const value = elementFields.text.check(text, 'text');
  ctx.run('setElementText', () => setTextField(m, 'text', value));
}

/** Deletes elements, connectors attached to them, and un-parents the contents of deleted frames. */
export function deleteElements(ctx: CommandContext, ids: readonly string[]): void {
  const list = checkList<unknown>(ids, 'ids', LIMITS.elements);
  const doomed = new Set(
    list.filter((id): id is string => typeof id === 'string' && ctx.roots.elements.has(id)),
  );
  if (doomed.size === 0) return;
  ctx.run('deleteElements', () => deleteWithAttachments(ctx, doomed));
}

/**
 * Deletes the elements in `doomed`, with connectors attached to anything in it (elements or
 * structured frames), and frees the contents of deleted frames. Call inside `run`.
 */
export function deleteWithAttachments(ctx: CommandContext, doomed: Set<string>): void {
  const elements = ctx.roots.elements;
  for (const [id, m] of elements.entries()) {
    if (!(m instanceof Y.Map) || doomed.has(id)) continue;
    if (doomed.has(String(m.get('from'))) || doomed.has(String(m.get('to')))) doomed.add(id);
  }
  for (const [id, m] of elements.entries()) {
    if (m instanceof Y.Map && !doomed.has(id) && doomed.has(String(m.get('frameId')))) m.set('frameId', null);
  }
  for (const id of doomed) elements.delete(id);
}

/** Raises elements above all others, keeping their relative order. */
export function bringToFront(ctx: CommandContext, ids: readonly string[]): void {
  const wanted = new Set(checkList<string>(ids, 'ids', LIMITS.elements));
  const records = ctx
    .snapshot()
    .elementOrder.filter((id) => wanted.has(id))
    .map((id) => recordIn(ctx.roots.elements, id, 'element'));
  if (records.length === 0) return;
  const keys = topKeys(ctx, records.length);
  ctx.run('bringToFront', () => {
    for (const [i, m] of records.entries()) m.set('order', keys[i]);
  });
}

/** Copies elements (and connectors between copied ones) with an offset; returns the new ids. */
export function duplicateElements(
  ctx: CommandContext,
  ids: readonly string[],
  offset: { dx: number; dy: number },
): string[] {
  const snap = ctx.snapshot();
  const wanted = checkList<string>(ids, 'ids', MAX_PASTE);
  const sources = wanted
    .map((id) => (Object.hasOwn(snap.elements, id) ? snap.elements[id] : undefined))
    .filter((e): e is ElementSnapshot => !!e);
  return pasteElements(ctx, sources, offset);
}

/**
 * Adds copies of element snapshots (from this board or another one, e.g. the clipboard)
 * with fresh ids; connectors keep only ends that were copied too (or that exist here);
 * returns the new ids. Every source is checked first: one bad element refuses the paste.
 */
export function pasteElements(
  ctx: CommandContext,
  sources: readonly ElementSnapshot[],
  offset: { dx: number; dy: number },
): string[] {
  if (typeof offset !== 'object' || offset === null) fail('offset must be an object');
  const dx = elementFields.x.check(offset.dx, 'dx');
  const dy = elementFields.y.check(offset.dy, 'dy');
  const checked: ElementSnapshot[] = [];
  for (const [i, source] of checkList<unknown>(sources, 'elements', MAX_PASTE).entries()) {
    const parsed = elementInputSchema.safeParse(source);
    if (!parsed.success) fail(`element ${i + 1} of the paste is not a valid element`);
    checked.push(parsed.data);
  }
  const idMap = new Map(checked.map((s) => [s.id, newId()]));
  const endOf = (end: string | null) =>
    end ? (idMap.get(end) ?? (hasEndpoint(ctx, end) ? end : null)) : null;
  const planned = checked.flatMap((s) => {
    const from = endOf(s.from);
    const to = endOf(s.to);
    if (s.type === 'connector' && (!from || !to)) return [];
    return [
      { s, id: idMap.get(s.id)!, from, to, frameId: s.frameId ? (idMap.get(s.frameId) ?? null) : null },
    ];
  });
  if (planned.length === 0) return [];
  checkRoom(ctx, planned.length);
  const keys = topKeys(ctx, planned.length);
  ctx.run('pasteElements', () => {
    planned.forEach(({ s, id, from, to, frameId }, i) => {
      ctx.roots.elements.set(
        id,
        newRecord({
          id,
          type: s.type,
          x: clampCoord(s.x + dx),
          y: clampCoord(s.y + dy),
          width: s.width,
          height: s.height,
          text: newText(s.text),
          style: s.style,
          order: keys[i],
          frameId,
          from: s.type === 'connector' ? from : null,
          to: s.type === 'connector' ? to : null,
        }),
      );
    });
  });
  return planned.map((p) => p.id);
}
