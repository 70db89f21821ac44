import * as Y from 'yjs';
import { z } from 'zod';
import { BoardCommandError, fail } from '../errors';
import { ID_PATTERN } from '../ids';
import { isOrderKey } from '../order';
import { LIMITS } from '../schema';
import { MAX_TEXT_LENGTH } from '../text';

/**
 * One field of a stored record, defined once: its validator, its default, how an untrusted
 * stored value is repaired, and how a command argument is checked. Every rule (type, range,
 * length, list size) lives in the field, so writing and reading apply the same bound: what a
 * command may write is exactly what a reader keeps, and nothing read is ever longer, deeper
 * or larger than a command could have written.
 */
export interface Field<T> {
  /** Validator of a plain value (snapshots, clipboard, imports). */
  readonly schema: z.ZodType<T>;
  /** Value a reader uses when the stored one is missing or unusable. */
  readonly fallback: T;
  /**
   * Coerces an untrusted stored value (from a file or a peer) into a valid one: clamps,
   * trims or falls back. Never throws and never walks into nested values.
   */
  repair(raw: unknown): T;
  /** Checks a command argument; throws `BoardCommandError` naming `what` when it is refused. */
  check(value: unknown, what: string): T;
}

/** The plain type a field holds. */
export type FieldValue<F> = F extends Field<infer T> ? T : never;

function makeField<T>(
  schema: z.ZodType<T>,
  fallback: T,
  repair: (raw: unknown) => T,
  rule: string,
  refuse?: (value: unknown, what: string) => void,
): Field<T> {
  return {
    schema,
    fallback,
    repair,
    check(value, what) {
      refuse?.(value, what);
      const parsed = schema.safeParse(value);
      if (!parsed.success) fail(`${what} ${rule}`);
      return parsed.data;
    },
  };
}

/** Longest title (board, journey, blueprint, matrix, stage-title lists). */
export const MAX_TITLE_LENGTH = 500;

/** Cuts a string to `max` UTF-16 units without splitting a surrogate pair. */
export function trimTo(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Text read from a stored value: a Y.Text or a plain string (older data), bounded. */
function textOf(raw: unknown, max: number): string | null {
  if (raw instanceof Y.Text) return trimTo(raw.toString(), max);
  if (typeof raw === 'string') return trimTo(raw, max);
  return null;
}

/** Text of at most `max` characters (stored as Y.Text or a plain string). Too long is a `limit` refusal. */
export function text(max = MAX_TEXT_LENGTH, fallback = ''): Field<string> {
  return makeField(
    z.string().max(max),
    fallback,
    (raw) => textOf(raw, max) ?? fallback,
    'must be text',
    (value, what) => {
      if (typeof value === 'string' && value.length > max)
        throw new BoardCommandError('limit', `${what} is longer than ${max} characters`);
    },
  );
}

/** A finite number from `min` to `max`; stored values out of range are clamped. */
export function number(min: number, max: number, fallback: number): Field<number> {
  return makeField(
    z.number().finite().min(min).max(max),
    fallback,
    (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? Math.min(max, Math.max(min, raw)) : fallback),
    `must be a number from ${min} to ${max}`,
  );
}

/** A finite number from `min` to `max`, or null (not set). */
export function nullableNumber(min: number, max: number): Field<number | null> {
  return makeField(
    z.number().finite().min(min).max(max).nullable(),
    null,
    (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? Math.min(max, Math.max(min, raw)) : null),
    `must be a number from ${min} to ${max}`,
  );
}

/** A whole number from `min` to `max`, or null; anything else stored reads as null. */
export function nullableInteger(min: number, max: number): Field<number | null> {
  return makeField(
    z.number().int().min(min).max(max).nullable(),
    null,
    (raw) => (typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max ? raw : null),
    `must be ${min} to ${max}`,
  );
}

/** True or false; anything but `true` stored reads as the fallback. */
export function boolean(fallback = false): Field<boolean> {
  return makeField(
    z.boolean(),
    fallback,
    (raw) => (typeof raw === 'boolean' ? raw : fallback),
    'must be true or false',
  );
}

/** One of a fixed list of names. */
export function oneOf<const T extends string>(values: readonly T[], fallback: T): Field<T> {
  const allowed = new Set<string>(values);
  return makeField(
    z.enum(values as readonly [T, ...T[]]) as unknown as z.ZodType<T>,
    fallback,
    (raw) => (typeof raw === 'string' && allowed.has(raw) ? (raw as T) : fallback),
    `must be one of ${values.join(', ')}`,
  );
}

/** One of a fixed list of names, or null. */
export function nullableOneOf<const T extends string>(values: readonly T[]): Field<T | null> {
  const allowed = new Set<string>(values);
  return makeField(
    (z.enum(values as readonly [T, ...T[]]) as unknown as z.ZodType<T>).nullable(),
    null,
    (raw) => (typeof raw === 'string' && allowed.has(raw) ? (raw as T) : null),
    `must be one of ${values.join(', ')}`,
  );
}

const idSchema = z.string().regex(ID_PATTERN);

/** A record id (see `ID_PATTERN`); a stored value that is not one reads as ''. */
export function id(): Field<string> {
  return makeField(
    idSchema,
    '',
    (raw) => (typeof raw === 'string' && ID_PATTERN.test(raw) ? raw : ''),
    'is not a valid id',
  );
}

/** A reference to another record by id, or null. */
export function nullableId(): Field<string | null> {
  return makeField(
    idSchema.nullable(),
    null,
    (raw) => (typeof raw === 'string' && ID_PATTERN.test(raw) ? raw : null),
    'is not a valid id',
  );
}

/** A short plain string of at most `max` characters (colours, kinds, units); a longer stored one reads as the fallback. */
export function label(max: number, fallback = ''): Field<string> {
  return makeField(
    z.string().max(max),
    fallback,
    (raw) => (typeof raw === 'string' && raw.length <= max ? raw : fallback),
    `must be text of at most ${max} characters`,
  );
}

/** A list of at most `maxItems` strings of at most `maxLength` each; stored lists are filtered and cut. */
export function stringList(maxItems: number, maxLength: number): Field<string[]> {
  return makeField(
    z.array(z.string().max(maxLength)).max(maxItems),
    [],
    (raw) => {
      const items = raw instanceof Y.Array ? raw.toArray() : Array.isArray(raw) ? raw : [];
      const out: string[] = [];
      for (const item of items) {
        if (out.length >= maxItems) break;
        if (typeof item === 'string' && item.length <= maxLength) out.push(item);
      }
      return out;
    },
    `must be a list of at most ${maxItems} texts of at most ${maxLength} characters`,
  );
}

/**
 * A set of names from a fixed list, stored as a plain array. A stored list is read in the
 * list's own order with unknown and repeated names dropped; a command may not repeat a name.
 */
export function setOf<const T extends string>(values: readonly T[]): Field<T[]> {
  const members = (items: readonly unknown[]): T[] => values.filter((v) => items.includes(v));
  return makeField(
    z
      .array(z.enum(values as readonly [T, ...T[]]) as unknown as z.ZodType<T>)
      .max(values.length)
      .refine((list) => new Set(list).size === list.length),
    [],
    (raw) => members(raw instanceof Y.Array ? raw.toArray() : Array.isArray(raw) ? raw : []),
    `must be a list of distinct names from ${values.join(', ')}`,
  );
}

/** A fractional-index order key (see order.ts); a broken one reads as 'a0' (ties break by id). */
export function orderKey(): Field<string> {
  return makeField(
    z.string().refine(isOrderKey),
    'a0',
    (raw) => (isOrderKey(raw) ? raw : 'a0'),
    'is not an order key',
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written yyyy-mm-dd. */
export function isoDate(): Field<string> {
  return makeField(
    z
      .string()
      .regex(ISO_DATE)
      .refine((v) => !Number.isNaN(Date.parse(v))),
    '',
    (raw) => (typeof raw === 'string' && ISO_DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : ''),
    'must be yyyy-mm-dd',
  );
}

/** A set of fields read from one stored map. */
export type Fields = Record<string, Field<unknown>>;
/** The plain values of a field set. */
export type FieldValues<F extends Fields> = { [K in keyof F]: FieldValue<F[K]> };

/** Reads every field of `fields` from an untrusted stored map, repairing each one. */
export function repairFields<F extends Fields>(fields: F, map: Y.Map<unknown>): FieldValues<F> {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(fields)) out[key] = fields[key]!.repair(map.get(key));
  return out as FieldValues<F>;
}

/** A canvas x or y. */
export const coordinate = (): Field<number> => number(-LIMITS.coordinate, LIMITS.coordinate, 0);
