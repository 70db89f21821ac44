import { z } from 'zod';
import { fail } from '../errors';
import { LIMITS } from '../schema';
import {
  coordinate,
  id,
  label,
  nullableId,
  nullableNumber,
  nullableOneOf,
  number,
  oneOf,
  orderKey,
  repairFields,
  text,
} from './fields';
import type { IssueSink, YMap } from '../read';

/** Kinds of free canvas element. The one list of them: readers, commands and the clipboard use it. */
export const ELEMENT_TYPES = ['sticky', 'text', 'shape', 'frame', 'connector'] as const;
export type ElementType = (typeof ELEMENT_TYPES)[number];

export const SHAPE_KINDS = ['rectangle', 'ellipse', 'diamond'] as const;
/** Outline of a `shape` element. */
export type ShapeKind = (typeof SHAPE_KINDS)[number];

/** Sticky-note palette, named so the UI can translate them and exports can map them. */
export const STICKY_COLORS = ['yellow', 'orange', 'pink', 'violet', 'blue', 'cyan', 'green', 'gray'] as const;
export type StickyColor = (typeof STICKY_COLORS)[number];

/** Fields of an element's `style` (a plain object in the Y.Map). */
export const elementStyleFields = {
  /** A palette name (see STICKY_COLORS) or a `#rrggbb` colour. */
  color: label(32, 'yellow'),
  shape: nullableOneOf(SHAPE_KINDS),
  fontSize: nullableNumber(6, 400),
};

export const elementStyleSchema = z.object({
  color: elementStyleFields.color.schema,
  shape: z.enum(SHAPE_KINDS).optional(),
  fontSize: z.number().min(6).max(400).optional(),
});
export type ElementStyle = z.infer<typeof elementStyleSchema>;

/** Own string-keyed properties of a plain object, or null: never an inherited name. */
function ownObject(raw: unknown): Readonly<Record<string, unknown>> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  return raw as Record<string, unknown>;
}

function own(obj: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Repairs a stored or pasted style: unknown keys and bad values are dropped. */
export function repairStyle(raw: unknown, fallbackColor = elementStyleFields.color.fallback): ElementStyle {
  const obj = ownObject(raw) ?? {};
  const color = own(obj, 'color');
  const shape = elementStyleFields.shape.repair(own(obj, 'shape'));
  const fontSize = elementStyleFields.fontSize.repair(own(obj, 'fontSize'));
  return {
    color: color === undefined ? fallbackColor : elementStyleFields.color.repair(color),
    ...(shape !== null ? { shape } : {}),
    ...(fontSize !== null ? { fontSize } : {}),
  };
}

/** Checks a style patch given to a command: each present key must be valid. */
export function checkStyle(raw: unknown): Partial<ElementStyle> {
  const obj = ownObject(raw);
  if (!obj) fail('style must be an object');
  const out: Partial<ElementStyle> = {};
  const color = own(obj, 'color');
  const shape = own(obj, 'shape');
  const fontSize = own(obj, 'fontSize');
  if (color !== undefined) out.color = elementStyleFields.color.check(color, 'colour');
  if (shape !== undefined) out.shape = elementStyleFields.shape.check(shape, 'shape') ?? undefined;
  if (fontSize !== undefined)
    out.fontSize = elementStyleFields.fontSize.check(fontSize, 'font size') ?? undefined;
  return out;
}

/** Stored fields of an element (Y.Map keys). `style` is handled by `repairStyle`/`checkStyle`. */
export const elementFields = {
  type: oneOf(ELEMENT_TYPES, 'sticky'),
  x: coordinate(),
  y: coordinate(),
  width: number(1, LIMITS.size, 200),
  height: number(1, LIMITS.size, 200),
  /** Plain text of the element (the sticky's note, a frame's title, a connector's label). */
  text: text(),
  /** Stacking order key (fractional index). */
  order: orderKey(),
  /** The frame this element sits in, if any: moving the frame moves it. */
  frameId: nullableId(),
  /** Connector ends: ids of any two board items (free elements or structured frames). */
  from: nullableId(),
  to: nullableId(),
};

const idField = id();

/** A free element on the canvas, as plain data. */
export const elementSchema = z.object({
  id: idField.schema,
  type: elementFields.type.schema,
  x: elementFields.x.schema,
  y: elementFields.y.schema,
  width: elementFields.width.schema,
  height: elementFields.height.schema,
  text: elementFields.text.schema,
  style: elementStyleSchema,
  /** Stacking order key; the snapshot's `elementOrder` is sorted by it. */
  z: elementFields.order.schema,
  frameId: elementFields.frameId.schema,
  from: elementFields.from.schema,
  to: elementFields.to.schema,
});
/** A free element on the canvas (sticky, text, shape, frame or connector). */
export type ElementSnapshot = z.infer<typeof elementSchema>;

/**
 * An element arriving from outside the board (clipboard, another board or tab): identity,
 * kind, geometry and text must be valid, or the whole paste is refused; decoration is
 * repaired (unknown style keys and values dropped); a missing order or link reads as none.
 */
export const elementInputSchema = elementSchema.extend({
  style: z.looseObject({ color: elementStyleFields.color.schema }).transform((style) => repairStyle(style)),
  z: elementFields.order.schema.optional().transform((v) => v ?? elementFields.order.fallback),
  frameId: elementFields.frameId.schema.optional().transform((v) => v ?? null),
  from: elementFields.from.schema.optional().transform((v) => v ?? null),
  to: elementFields.to.schema.optional().transform((v) => v ?? null),
});

/** Size and colour a new element of each type starts with. */
export const ELEMENT_DEFAULTS: Record<ElementType, { width: number; height: number; color: string }> = {
  sticky: { width: 200, height: 200, color: 'yellow' },
  text: { width: 240, height: 60, color: '#1f2937' },
  shape: { width: 200, height: 120, color: 'blue' },
  frame: { width: 800, height: 600, color: 'gray' },
  connector: { width: 1, height: 1, color: '#475569' },
};

/** Reads an element; one of an unknown type cannot be drawn and is skipped (and reported). */
export function readElement(id: string, m: YMap, onIssue: IssueSink): ElementSnapshot | null {
  const type = m.get('type');
  if (typeof type !== 'string' || !(ELEMENT_TYPES as readonly string[]).includes(type)) {
    onIssue?.({ collection: 'elements', id, problem: 'unknown-type' });
    return null;
  }
  const f = repairFields(elementFields, m);
  return {
    id,
    type: f.type,
    x: f.x,
    y: f.y,
    width: f.width,
    height: f.height,
    text: f.text,
    style: repairStyle(m.get('style')),
    z: f.order,
    frameId: f.frameId,
    from: f.from,
    to: f.to,
  };
}
