import * as Y from 'yjs';
import { metricKindInfo } from '../metrics/catalogue';
import { ID_PATTERN, newId } from './ids';
import { compareOrdered, type Ordered, planInsert } from './order';
import { defaultPreset, LANE_PRESETS } from './presets';
import {
  childMaps,
  type IssueSink,
  readBlueprint,
  readElement,
  readJourney,
  readMatrix,
  readMetric,
  readPersona,
  readRow,
  rowKey,
} from './read';
import { LIMITS, ROOT_KEYS, SCHEMA_VERSION } from './schema';
import { MAX_TEXT_LENGTH, newText, readTextField, setTextField } from './text';
import {
  ACTOR_KINDS,
  BLUEPRINT_LANES,
  type BlueprintLane,
  type BlueprintSnapshot,
  type BoardChangeEvent,
  type BoardCollection,
  type BoardSnapshot,
  type ElementSnapshot,
  type ElementStyle,
  type ElementType,
  EMOTION_MAX,
  EMOTION_MIN,
  GOAL_KINDS,
  type GoalKind,
  type JourneyKind,
  type JourneySnapshot,
  LANE_TYPES,
  type LanePreset,
  type LaneType,
  type MapState,
  MATRIX_COLUMNS,
  MATRIX_DECISIONS,
  type MatrixColumn,
  type MatrixDecision,
  type MatrixSnapshot,
  MATURITY_LEVELS,
  type MaturityLevel,
  METRIC_CATEGORIES,
  type MetricSnapshot,
  MOMENT_TYPES,
  type MomentType,
  type PersonaSnapshot,
  type ProcessCardSnapshot,
} from './types';

type YMap = Y.Map<unknown>;

/** Why a command was refused. The board is unchanged when this is thrown. */
export class BoardCommandError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid-argument' | 'limit' | 'read-only',
    message: string,
  ) {
    super(message);
    this.name = 'BoardCommandError';
  }
}

/**
 * Origin of every transaction this BoardDoc's commands make. The undo manager tracks this
 * class only, so a user undoes their own changes and never a collaborator's.
 */
export class LocalCommand {
  constructor(readonly name: string) {}
}

/** Local undo/redo over this user's own commands. */
export interface BoardHistory {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Ends the current undo step so the next change starts a new one. */
  stopCapturing(): void;
  clear(): void;
  onChange(listener: () => void): () => void;
}

/** Position relative to a sibling: before one, after one, or (neither) at the default end. */
export interface Placement {
  before?: string;
  after?: string;
}

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

const ELEMENT_DEFAULTS: Record<ElementType, { width: number; height: number; color: string }> = {
  sticky: { width: 200, height: 200, color: 'yellow' },
  text: { width: 240, height: 60, color: '#1f2937' },
  shape: { width: 200, height: 120, color: 'blue' },
  frame: { width: 800, height: 600, color: 'gray' },
  connector: { width: 1, height: 1, color: '#475569' },
};

const MATRIX_ROW_TEXT_FIELDS = ['humanReason', 'risks'] as const;

// ---------- argument checks: run before any write, so a refused command changes nothing ----------

function fail(message: string): never {
  throw new BoardCommandError('invalid-argument', message);
}

function checkNumber(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    fail(`${what} must be a number from ${min} to ${max}`);
  }
  return value;
}

function checkCoord(value: unknown, what: string): number {
  return checkNumber(value, what, -LIMITS.coordinate, LIMITS.coordinate);
}

function checkSize(value: unknown, what: string): number {
  return checkNumber(value, what, 1, LIMITS.size);
}

function checkText(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} must be text`);
  if (value.length > MAX_TEXT_LENGTH)
    throw new BoardCommandError('limit', `${what} is longer than ${MAX_TEXT_LENGTH} characters`);
  return value;
}

function checkShort(value: unknown, what: string, max = 200): string {
  if (typeof value !== 'string' || value.length > max)
    fail(`${what} must be text of at most ${max} characters`);
  return value;
}

function checkEnum<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) fail(`${what} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) fail(`${what} is not a valid id`);
  return value;
}

function checkScore(value: unknown, what: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
    fail(`${what} must be 1 to 5`);
  return value;
}

function checkStringList(value: unknown, what: string, maxItems: number, maxLength: number): string[] {
  if (!Array.isArray(value) || value.length > maxItems)
    fail(`${what} must be a list of at most ${maxItems} items`);
  for (const item of value) {
    if (typeof item !== 'string' || item.length > maxLength)
      fail(`${what} items must be text of at most ${maxLength}`);
  }
  return [...value];
}

function checkStyle(style: Partial<ElementStyle>): Partial<ElementStyle> {
  if (!style || typeof style !== 'object') fail('style must be an object');
  const out: Partial<ElementStyle> = {};
  if (style.color !== undefined) out.color = checkShort(style.color, 'colour', 32);
  if (style.shape !== undefined)
    out.shape = checkEnum(style.shape, ['rectangle', 'ellipse', 'diamond'] as const, 'shape');
  if (style.fontSize !== undefined) out.fontSize = checkNumber(style.fontSize, 'font size', 6, 400);
  return out;
}

function isoDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    fail('date must be yyyy-mm-dd');
  }
  return value;
}

function ordered(map: YMap): Ordered[] {
  const items: Ordered[] = [];
  for (const [id, child] of map.entries()) {
    if (child instanceof Y.Map) items.push({ id, order: String(child.get('order') ?? 'a0') });
  }
  return items.sort(compareOrdered);
}

/** Index in `list` for a placement; `atStart` decides where "no placement" goes. */
function placementIndex(list: readonly Ordered[], place: Placement, atStart: boolean, what: string): number {
  if (place.before !== undefined) {
    const i = list.findIndex((item) => item.id === place.before);
    if (i < 0) throw new BoardCommandError('not-found', `${what} ${place.before} not found`);
    return i;
  }
  if (place.after !== undefined) {
    const i = list.findIndex((item) => item.id === place.after);
    if (i < 0) throw new BoardCommandError('not-found', `${what} ${place.after} not found`);
    return i + 1;
  }
  return atStart ? 0 : list.length;
}

/** Writes an order key (and any re-keys of siblings) for an item placed at `index` among `siblings`. */
function placeAt(container: YMap, siblings: readonly Ordered[], index: number, item: YMap): void {
  const { key, rekey } = planInsert(siblings, index);
  for (const [id, k] of rekey) (container.get(id) as YMap).set('order', k);
  item.set('order', key);
}

function record(fields: Record<string, unknown>): YMap {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) map.set(k, v);
  return map;
}

/**
 * A board: one Y.Doc, its root collections, the commands that change it and typed change
 * events. Every command validates its arguments first, then writes in one transaction whose
 * origin is a `LocalCommand` named after it. Readers get immutable snapshots.
 */
export class BoardDoc {
  readonly ydoc: Y.Doc;
  readonly history: BoardHistory;
  private readonly roots: Record<BoardCollection, YMap>;
  private readonly undoManager: Y.UndoManager;
  private readonly listeners = new Set<(event: BoardChangeEvent) => void>();
  private readonly dirty: Record<BoardCollection, Set<string>> = emptyDirty();
  private dirtyAll = true;
  private pendingEvent: Record<BoardCollection, Set<string>> = emptyDirty();
  private cached: BoardSnapshot | null = null;
  /** See `setReadOnly`. */
  readOnly = false;
  private rawElements: Record<string, ElementSnapshot> | null = null;
  private readonly teardown: (() => void)[] = [];

  private constructor(ydoc: Y.Doc) {
    this.ydoc = ydoc;
    this.roots = Object.fromEntries(ROOT_KEYS.map((key) => [key, ydoc.getMap<unknown>(key)])) as Record<
      BoardCollection,
      YMap
    >;
    this.undoManager = new Y.UndoManager(
      ROOT_KEYS.filter((k) => k !== 'meta').map((k) => this.roots[k]),
      { trackedOrigins: new Set([LocalCommand]), captureTimeout: 0 },
    );
    this.history = this.makeHistory();
    for (const key of ROOT_KEYS) {
      const root = this.roots[key];
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.noteEvents(key, root, events);
      root.observeDeep(observer);
      this.teardown.push(() => root.unobserveDeep(observer));
    }
    const afterTransaction = (transaction: Y.Transaction) => this.emitChange(transaction);
    ydoc.on('afterTransaction', afterTransaction);
    this.teardown.push(() => ydoc.off('afterTransaction', afterTransaction));
  }

  /** A new, empty board with the current schema version. */
  static create(init: { title?: string } = {}): BoardDoc {
    const board = new BoardDoc(new Y.Doc());
    board.ydoc.transact(() => {
      board.roots.meta.set('schemaVersion', SCHEMA_VERSION);
      board.roots.meta.set('title', newText(checkShort(init.title ?? '', 'title', 500)));
    }, 'init');
    return board;
  }

  /**
   * Wraps an existing Y.Doc (loaded from a file after migration, or filled by a provider).
   * Writes nothing: a remote board's meta arrives with its first sync.
   */
  static fromYDoc(ydoc: Y.Doc): BoardDoc {
    return new BoardDoc(ydoc);
  }

  /**
   * An empty board to be filled by a provider (joining a live board): no meta is written,
   * so joining never overwrites the host's title or schema version.
   */
  static replica(): BoardDoc {
    return new BoardDoc(new Y.Doc());
  }

  /** Stops listening to the Y.Doc. The Y.Doc itself is left to its owner. */
  destroy(): void {
    for (const fn of this.teardown) fn();
    this.rawElements = null;
    this.undoManager.destroy();
    this.listeners.clear();
  }

  /** Subscribes to changes (local commands, undo/redo, remote updates). Returns an unsubscribe. */
  onChange(listener: (event: BoardChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs several commands as one transaction and one undo step. */
  batch(name: string, fn: () => void): void {
    this.run(name, fn);
  }

  // ------------------------------------------------------------------ reading

  /** The whole board as plain data; parts unchanged since the last call keep their identity. */
  snapshot(): BoardSnapshot {
    // Inside a transaction (a batch) observers have not run yet, so the dirty sets are stale:
    // read everything afresh and cache nothing.
    const inTransaction = this.ydoc._transaction !== null;
    if (inTransaction) {
      this.dirtyAll = true;
      this.rawElements = null;
    }
    if (this.cached && !this.dirtyAll && !ROOT_KEYS.some((k) => this.dirty[k].size > 0)) return this.cached;
    const prev = this.dirtyAll ? null : this.cached;
    const journeys = this.readCollection('journeys', prev?.journeys, (id, m) =>
      readJourney(id, m, undefined),
    );
    const journeysChanged = journeys !== prev?.journeys;
    // Blueprints, matrices and metrics follow their journey's stages, so a journey change rereads them.
    const dependent = <T>(
      key: BoardCollection,
      old: Record<string, T> | undefined,
      read: (id: string, m: YMap) => T | null,
    ) => this.readCollection(key, journeysChanged ? undefined : old, read, old);
    const blueprints = dependent('blueprints', prev?.blueprints, (id, m) =>
      readBlueprint(id, m, journeys, undefined),
    );
    const matrices = dependent('matrices', prev?.matrices, (id, m) => readMatrix(id, m, journeys, undefined));
    const metrics = dependent('metrics', prev?.metrics, (id, m) => {
      const metric = readMetric(id, m, undefined);
      return metric && journeys[metric.journeyId]?.stages.some((s) => s.id === metric.stageId)
        ? metric
        : null;
    });
    const rawElements = this.readCollection('elements', this.rawElements ?? undefined, (id, m) =>
      readElement(id, m, undefined),
    );
    const elements =
      prev &&
      rawElements === this.rawElements &&
      journeys === prev.journeys &&
      blueprints === prev.blueprints &&
      matrices === prev.matrices
        ? prev.elements
        : liveElements(rawElements, journeys, blueprints, matrices);
    this.rawElements = rawElements;
    const next: BoardSnapshot = {
      meta: this.dirty.meta.size > 0 || !prev ? this.readMeta() : prev.meta,
      elements,
      elementOrder:
        prev && elements === prev.elements
          ? prev.elementOrder
          : Object.values(elements)
              .map((e) => ({ id: e.id, order: e.z }))
              .sort(compareOrdered)
              .map((e) => e.id),
      journeys,
      personas: this.readCollection('personas', prev?.personas, (id, m) => readPersona(id, m)),
      blueprints,
      metrics,
      matrices,
    };
    if (inTransaction) {
      this.rawElements = null;
      this.cached = null;
      return next;
    }
    for (const key of ROOT_KEYS) this.dirty[key].clear();
    this.dirtyAll = false;
    this.cached = next;
    return next;
  }

  /**
   * Reads every record of the board through the repair readers and reports what had to be
   * skipped (unreadable records) — the basis of `repairBoard`.
   */
  inspect(onIssue: IssueSink): void {
    for (const [id, m] of childMaps(this.roots.elements, 'elements', onIssue)) readElement(id, m, onIssue);
    const journeys: Record<string, JourneySnapshot> = {};
    for (const [id, m] of childMaps(this.roots.journeys, 'journeys', onIssue)) {
      const j = readJourney(id, m, onIssue);
      if (j) journeys[id] = j;
    }
    for (const [id, m] of childMaps(this.roots.personas, 'personas', onIssue)) readPersona(id, m);
    for (const [id, m] of childMaps(this.roots.blueprints, 'blueprints', onIssue))
      readBlueprint(id, m, journeys, onIssue);
    for (const [id, m] of childMaps(this.roots.metrics, 'metrics', onIssue)) readMetric(id, m, onIssue);
    for (const [id, m] of childMaps(this.roots.matrices, 'matrices', onIssue))
      readMatrix(id, m, journeys, onIssue);
  }

  private readMeta(): BoardSnapshot['meta'] {
    const meta = this.roots.meta;
    const version = meta.get('schemaVersion');
    const maturity = meta.get('maturity');
    return {
      schemaVersion: typeof version === 'number' ? version : SCHEMA_VERSION,
      title: readTextField(meta, 'title'),
      maturity: MATURITY_LEVELS.includes(maturity as MaturityLevel) ? (maturity as MaturityLevel) : null,
    };
  }

  /**
   * Rebuilds one collection of the snapshot, rereading only dirty records. `reuse` is the
   * previous collection when everything must be reread (a journey changed under blueprints
   * and matrices): records that read the same keep their previous identity.
   */
  private readCollection<T>(
    key: BoardCollection,
    prev: Readonly<Record<string, T>> | undefined,
    read: (id: string, m: YMap) => T | null,
    reuse?: Readonly<Record<string, T>>,
  ): Record<string, T> {
    const dirty = this.dirty[key];
    if (prev && dirty.size === 0) return prev as Record<string, T>;
    const base = prev ?? reuse;
    const out: Record<string, T> = {};
    let changed = !base;
    for (const [id, m] of this.roots[key].entries()) {
      const old = base?.[id];
      if (prev && old !== undefined && !dirty.has(id)) {
        out[id] = old;
        continue;
      }
      const value = m instanceof Y.Map ? read(id, m as YMap) : null;
      if (value === null) {
        if (old !== undefined) changed = true;
        continue;
      }
      out[id] = old !== undefined && !prev && sameJson(old, value) ? old : value;
      if (out[id] !== old) changed = true;
    }
    if (base && Object.keys(base).length !== Object.keys(out).length) changed = true;
    return changed || !base ? out : (base as Record<string, T>);
  }

  // ------------------------------------------------------------------ change events

  private noteEvents(key: BoardCollection, root: YMap, events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    for (const event of events) {
      const ids: string[] =
        event.target === root ? [...event.keys.keys()] : event.path.length > 0 ? [String(event.path[0])] : [];
      for (const id of key === 'meta' ? ['meta'] : ids) {
        this.dirty[key].add(id);
        this.pendingEvent[key].add(id);
      }
    }
  }

  private emitChange(transaction: Y.Transaction): void {
    const pending = this.pendingEvent;
    const changed: BoardChangeEvent['changed'] = {};
    let any = false;
    for (const key of ROOT_KEYS) {
      if (pending[key].size > 0) {
        changed[key] = [...pending[key]];
        any = true;
      }
    }
    if (!any) return;
    this.pendingEvent = emptyDirty();
    const origin = transaction.origin;
    const local = origin instanceof LocalCommand || origin === this.undoManager;
    const event: BoardChangeEvent = {
      local,
      origin:
        origin instanceof LocalCommand
          ? origin.name
          : origin === this.undoManager
            ? (this.undoManager as unknown as { undoing: boolean }).undoing
              ? 'undo'
              : 'redo'
            : typeof origin === 'string'
              ? origin
              : 'remote',
      changed,
    };
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A failing subscriber must not stop the others nor break the transaction cleanup.
        console.error('board change listener failed', error);
      }
    }
  }

  private makeHistory(): BoardHistory {
    const um = this.undoManager;
    return {
      undo: () => {
        this.assertWritable();
        um.undo();
      },
      redo: () => {
        this.assertWritable();
        um.redo();
      },
      canUndo: () => um.canUndo(),
      canRedo: () => um.canRedo(),
      stopCapturing: () => um.stopCapturing(),
      clear: () => um.clear(),
      onChange: (listener) => {
        const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
        for (const e of events) um.on(e, listener);
        return () => {
          for (const e of events) um.off(e, listener);
        };
      },
    };
  }

  private run(name: string, fn: () => void): void {
    this.assertWritable();
    this.ydoc.transact(fn, new LocalCommand(name));
  }

  private assertWritable(): void {
    if (this.readOnly) throw new BoardCommandError('read-only', 'this board is open for viewing only');
  }

  /**
   * Viewing only (e.g. joined with a viewer token): every command and undo/redo is refused,
   * so a viewer's copy never drifts from the room (the server would not apply the edits).
   */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
  }

  // ------------------------------------------------------------------ lookups (throw not-found)

  private recordIn(parent: YMap, id: string, what: string): YMap {
    const m = parent.get(id);
    if (!(m instanceof Y.Map)) throw new BoardCommandError('not-found', `${what} ${id} not found`);
    return m as YMap;
  }

  private journey(id: string): YMap {
    return this.recordIn(this.roots.journeys, id, 'journey');
  }

  private part(journey: YMap, key: 'stages' | 'lanes' | 'cards' | 'moments'): YMap {
    return journey.get(key) as YMap;
  }

  // ------------------------------------------------------------------ board

  /** Renames the board. */
  setTitle(title: string): void {
    const value = checkShort(title, 'title', 500);
    this.run('setTitle', () => setTextField(this.roots.meta, 'title', value));
  }

  /** Sets the board's CX maturity self-assessment (DOMAIN 2.7). */
  setMaturity(level: MaturityLevel | null): void {
    const value = level === null ? null : checkEnum(level, MATURITY_LEVELS, 'maturity');
    this.run('setMaturity', () => this.roots.meta.set('maturity', value));
  }

  // ------------------------------------------------------------------ free elements

  /** Adds a free element and returns its id. Connectors need `from` and `to`. */
  addElement(input: NewElement): string {
    const type = checkEnum(
      input.type,
      ['sticky', 'text', 'shape', 'frame', 'connector'] as const,
      'element type',
    );
    const defaults = ELEMENT_DEFAULTS[type];
    const id = input.id === undefined ? newId() : checkId(input.id, 'element id');
    if (this.roots.elements.has(id)) fail(`element ${id} already exists`);
    if (this.roots.elements.size >= LIMITS.elements)
      throw new BoardCommandError('limit', 'too many elements on this board');
    const x = checkCoord(input.x, 'x');
    const y = checkCoord(input.y, 'y');
    const width = input.width === undefined ? defaults.width : checkSize(input.width, 'width');
    const height = input.height === undefined ? defaults.height : checkSize(input.height, 'height');
    const text = checkText(input.text ?? '', 'text');
    const style = {
      color: defaults.color,
      ...(type === 'shape' ? { shape: 'rectangle' as const } : {}),
      ...checkStyle(input.style ?? {}),
    };
    const frameId = input.frameId ? this.checkFrame(input.frameId) : null;
    let from: string | null = null;
    let to: string | null = null;
    if (type === 'connector') {
      from = this.checkEndpoint(input.from);
      to = this.checkEndpoint(input.to);
    }
    const order = this.topZ();
    this.run('addElement', () => {
      this.roots.elements.set(
        id,
        record({ id, type, x, y, width, height, text: newText(text), style, order, frameId, from, to }),
      );
    });
    return id;
  }

  /** Changes geometry, style, frame or connector ends of an element. */
  updateElement(id: string, patch: ElementPatch): void {
    const m = this.recordIn(this.roots.elements, id, 'element');
    const writes: [string, unknown][] = [];
    if (patch.x !== undefined) writes.push(['x', checkCoord(patch.x, 'x')]);
    if (patch.y !== undefined) writes.push(['y', checkCoord(patch.y, 'y')]);
    if (patch.width !== undefined) writes.push(['width', checkSize(patch.width, 'width')]);
    if (patch.height !== undefined) writes.push(['height', checkSize(patch.height, 'height')]);
    if (patch.style !== undefined) {
      const current = (m.get('style') as Partial<ElementStyle> | undefined) ?? {};
      writes.push(['style', { ...current, ...checkStyle(patch.style) }]);
    }
    if (patch.frameId !== undefined) {
      if (patch.frameId === id) fail('an element cannot be its own frame');
      writes.push(['frameId', patch.frameId === null ? null : this.checkFrame(patch.frameId)]);
    }
    if (patch.from !== undefined) writes.push(['from', this.checkEndpoint(patch.from)]);
    if (patch.to !== undefined) writes.push(['to', this.checkEndpoint(patch.to)]);
    this.run('updateElement', () => {
      for (const [k, v] of writes) m.set(k, v);
    });
  }

  /** Moves elements to new positions; a moved frame carries the elements inside it. */
  moveElements(moves: readonly { id: string; x: number; y: number }[]): void {
    const planned = new Map<string, { m: YMap; x: number; y: number }>();
    for (const move of moves) {
      const m = this.recordIn(this.roots.elements, move.id, 'element');
      planned.set(move.id, { m, x: checkCoord(move.x, 'x'), y: checkCoord(move.y, 'y') });
    }
    for (const [id, { m, x, y }] of [...planned]) {
      if (m.get('type') !== 'frame') continue;
      const dx = x - Number(m.get('x') ?? 0);
      const dy = y - Number(m.get('y') ?? 0);
      for (const [childId, child] of this.roots.elements.entries()) {
        if (!(child instanceof Y.Map) || child.get('frameId') !== id || planned.has(childId)) continue;
        planned.set(childId, {
          m: child as YMap,
          x: clampCoord(Number(child.get('x') ?? 0) + dx),
          y: clampCoord(Number(child.get('y') ?? 0) + dy),
        });
      }
    }
    this.run('moveElements', () => {
      for (const { m, x, y } of planned.values()) {
        m.set('x', x);
        m.set('y', y);
      }
    });
  }

  /** Replaces an element's text (a sticky's note, a frame's title, a connector's label). */
  setElementText(id: string, text: string): void {
    const m = this.recordIn(this.roots.elements, id, 'element');
    const value = checkText(text, 'text');
    this.run('setElementText', () => setTextField(m, 'text', value));
  }

  /** Deletes elements, connectors attached to them, and un-parents the contents of deleted frames. */
  deleteElements(ids: readonly string[]): void {
    const doomed = new Set(ids.filter((id) => this.roots.elements.has(id)));
    this.run('deleteElements', () => this.deleteWithAttachments(doomed));
  }

  private deleteWithAttachments(doomed: Set<string>): void {
    for (const [id, m] of this.roots.elements.entries()) {
      if (!(m instanceof Y.Map) || doomed.has(id)) continue;
      if (doomed.has(String(m.get('from'))) || doomed.has(String(m.get('to')))) doomed.add(id);
    }
    for (const [id, m] of this.roots.elements.entries()) {
      if (m instanceof Y.Map && !doomed.has(id) && doomed.has(String(m.get('frameId'))))
        m.set('frameId', null);
    }
    for (const id of doomed) this.roots.elements.delete(id);
  }

  /** Raises elements above all others, keeping their relative order. */
  bringToFront(ids: readonly string[]): void {
    const records = this.snapshot()
      .elementOrder.filter((id) => ids.includes(id))
      .map((id) => this.recordIn(this.roots.elements, id, 'element'));
    this.run('bringToFront', () => {
      for (const m of records) {
        m.set('order', this.topZ());
      }
    });
  }

  /** Copies elements (and connectors between copied ones) with an offset; returns the new ids. */
  duplicateElements(ids: readonly string[], offset: { dx: number; dy: number }): string[] {
    const snap = this.snapshot();
    const sources = ids.map((id) => snap.elements[id]).filter((e): e is ElementSnapshot => !!e);
    return this.pasteElements(sources, offset);
  }

  /**
   * Adds copies of element snapshots (from this board or another one, e.g. the clipboard)
   * with fresh ids; connectors keep only ends that were copied too; returns the new ids.
   */
  pasteElements(sources: readonly ElementSnapshot[], offset: { dx: number; dy: number }): string[] {
    const dx = checkCoord(offset.dx, 'dx');
    const dy = checkCoord(offset.dy, 'dy');
    const idMap = new Map(sources.map((s) => [s.id, newId()]));
    const created: string[] = [];
    this.run('pasteElements', () => {
      for (const s of sources) {
        const isConnector = s.type === 'connector';
        const from = s.from ? (idMap.get(s.from) ?? (this.hasEndpoint(s.from) ? s.from : null)) : null;
        const to = s.to ? (idMap.get(s.to) ?? (this.hasEndpoint(s.to) ? s.to : null)) : null;
        if (isConnector && (!from || !to)) continue;
        const id = idMap.get(s.id)!;
        const frameId = s.frameId ? (idMap.get(s.frameId) ?? null) : null;
        const z = this.topZ();
        this.roots.elements.set(
          id,
          record({
            id,
            type: checkEnum(
              s.type,
              ['sticky', 'text', 'shape', 'frame', 'connector'] as const,
              'element type',
            ),
            x: clampCoord(s.x + dx),
            y: clampCoord(s.y + dy),
            width: checkSize(s.width, 'width'),
            height: checkSize(s.height, 'height'),
            text: newText(checkText(s.text, 'text')),
            style: { color: 'yellow', ...checkStyle(s.style) },
            order: z,
            frameId,
            from,
            to,
          }),
        );
        created.push(id);
      }
    });
    return created;
  }

  private topZ(): string {
    let max: Ordered | null = null;
    for (const [id, m] of this.roots.elements.entries()) {
      if (!(m instanceof Y.Map)) continue;
      const item = { id, order: String(m.get('order') ?? 'a0') };
      if (!max || compareOrdered(item, max) > 0) max = item;
    }
    return planInsert(max ? [max] : [], 1).key;
  }

  private checkFrame(frameId: string): string {
    const frame = this.roots.elements.get(frameId);
    if (!(frame instanceof Y.Map) || frame.get('type') !== 'frame') {
      throw new BoardCommandError('not-found', `frame ${frameId} not found`);
    }
    return frameId;
  }

  private hasEndpoint(id: string): boolean {
    return ['elements', 'journeys', 'blueprints', 'matrices'].some((k) =>
      this.roots[k as BoardCollection].has(id),
    );
  }

  private checkEndpoint(id: unknown): string {
    const value = checkId(id, 'connector end');
    if (!this.hasEndpoint(value))
      throw new BoardCommandError('not-found', `connector end ${value} not found`);
    return value;
  }

  // ------------------------------------------------------------------ journeys

  /** Adds a journey map frame with the preset's lanes and optional stages. */
  addJourney(input: {
    kind: JourneyKind;
    preset?: LanePreset;
    title?: string;
    x: number;
    y: number;
    stageTitles?: readonly string[];
  }): string {
    const kind = checkEnum(input.kind, ['cjm', 'reverse', 'ejm'] as const, 'journey kind');
    const preset = checkEnum(
      input.preset ?? defaultPreset(kind),
      ['full', 'light', 'ejm'] as const,
      'lane preset',
    );
    const title = checkShort(input.title ?? '', 'title', 500);
    const x = checkCoord(input.x, 'x');
    const y = checkCoord(input.y, 'y');
    const stageTitles = checkStringList(input.stageTitles ?? [], 'stage titles', 200, 500);
    const id = newId();
    this.run('addJourney', () => {
      const stages = new Y.Map<unknown>();
      const lanes = new Y.Map<unknown>();
      const stageKeys = planKeys(stageTitles.length);
      stageTitles.forEach((t, i) => {
        const sid = newId();
        stages.set(
          sid,
          record({ id: sid, order: stageKeys[i], title: newText(t), emotionAsIs: null, emotionToBe: null }),
        );
      });
      const laneTypes = LANE_PRESETS[preset];
      const laneKeys = planKeys(laneTypes.length);
      laneTypes.forEach((type, i) => {
        const lid = newId();
        lanes.set(lid, record({ id: lid, order: laneKeys[i], type, title: newText('') }));
      });
      this.roots.journeys.set(
        id,
        record({
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
        }),
      );
    });
    return id;
  }

  /** Changes a journey's header fields and position. */
  updateJourney(
    id: string,
    patch: Partial<{
      title: string;
      x: number;
      y: number;
      segment: string;
      scenarioGoal: string;
      state: MapState;
      personaId: string | null;
      endGoal: string;
      goalKind: GoalKind | null;
    }>,
  ): void {
    const m = this.journey(id);
    const texts: [string, string][] = [];
    const values: [string, unknown][] = [];
    for (const key of ['title', 'segment', 'scenarioGoal', 'endGoal'] as const) {
      if (patch[key] !== undefined) texts.push([key, checkText(patch[key], key)]);
    }
    if (patch.x !== undefined) values.push(['x', checkCoord(patch.x, 'x')]);
    if (patch.y !== undefined) values.push(['y', checkCoord(patch.y, 'y')]);
    if (patch.state !== undefined)
      values.push(['state', checkEnum(patch.state, ['as-is', 'to-be'] as const, 'state')]);
    if (patch.goalKind !== undefined) {
      values.push([
        'goalKind',
        patch.goalKind === null ? null : checkEnum(patch.goalKind, GOAL_KINDS, 'goal kind'),
      ]);
    }
    if (patch.personaId !== undefined) {
      if (patch.personaId !== null) this.recordIn(this.roots.personas, patch.personaId, 'persona');
      values.push(['personaId', patch.personaId]);
    }
    this.run('updateJourney', () => {
      for (const [k, v] of texts) setTextField(m, k, v);
      for (const [k, v] of values) m.set(k, v);
    });
  }

  /** Sets the reverse-CJM "why?" ladder, first answer first. */
  setWhyLadder(journeyId: string, steps: readonly string[]): void {
    const m = this.journey(journeyId);
    const value = checkStringList(steps, 'why ladder', LIMITS.whySteps, 2000);
    this.run('setWhyLadder', () => m.set('whyLadder', value));
  }

  /** Deletes a journey with everything that hangs on it: metrics, matrices, connectors; linked blueprints become standalone. */
  deleteJourney(id: string): void {
    const journey = this.journey(id);
    const stages = this.part(journey, 'stages');
    this.run('deleteJourney', () => {
      for (const [mid, m] of this.roots.metrics.entries()) {
        if (m instanceof Y.Map && m.get('journeyId') === id) this.roots.metrics.delete(mid);
      }
      for (const [xid, m] of this.roots.matrices.entries()) {
        if (m instanceof Y.Map && m.get('journeyId') === id) this.roots.matrices.delete(xid);
      }
      for (const [, bp] of this.roots.blueprints.entries()) {
        if (!(bp instanceof Y.Map) || bp.get('journeyId') !== id) continue;
        // Keep the blueprint's columns as its own, so its process cards stay where they were.
        const columns = bp.get('columns') as YMap;
        for (const [sid, s] of stages.entries()) {
          if (s instanceof Y.Map) {
            columns.set(
              sid,
              record({ id: sid, order: s.get('order'), title: newText(readTextField(s as YMap, 'title')) }),
            );
          }
        }
        bp.set('journeyId', null);
      }
      this.roots.journeys.delete(id);
      this.deleteWithAttachments(new Set([id]));
    });
  }

  /** Adds a stage. Without a placement it goes last, or first on a reverse CJM (built right to left). */
  addStage(journeyId: string, input: { title: string } & Placement): string {
    const journey = this.journey(journeyId);
    const stages = this.part(journey, 'stages');
    const title = checkText(input.title, 'stage title');
    if (stages.size >= 500) throw new BoardCommandError('limit', 'too many stages');
    const list = ordered(stages);
    const index = placementIndex(list, input, journey.get('kind') === 'reverse', 'stage');
    const id = newId();
    this.run('addStage', () => {
      const stage = record({ id, title: newText(title), emotionAsIs: null, emotionToBe: null });
      placeAt(stages, list, index, stage);
      stages.set(id, stage);
    });
    return id;
  }

  /** Renames a stage (matrix rows and linked blueprint columns follow). */
  renameStage(journeyId: string, stageId: string, title: string): void {
    const stage = this.recordIn(this.part(this.journey(journeyId), 'stages'), stageId, 'stage');
    const value = checkText(title, 'stage title');
    this.run('renameStage', () => setTextField(stage, 'title', value));
  }

  /** Moves a stage before or after another one. */
  moveStage(journeyId: string, stageId: string, target: Placement): void {
    this.moveOrdered(this.part(this.journey(journeyId), 'stages'), stageId, target, 'stage', 'moveStage');
  }

  private moveOrdered(container: YMap, id: string, target: Placement, what: string, name: string): void {
    const item = this.recordIn(container, id, what);
    if (target.before === id || target.after === id) return;
    const list = ordered(container).filter((o) => o.id !== id);
    const index = placementIndex(list, target, false, what);
    this.run(name, () => placeAt(container, list, index, item));
  }

  /**
   * Deletes a stage with its cards, moments and metrics. Each AI matrix of the journey either
   * drops the stage's row or keeps it as a detached row (`matrixRows: 'keep'`).
   */
  deleteStage(journeyId: string, stageId: string, opts: { matrixRows?: 'delete' | 'keep' } = {}): void {
    const journey = this.journey(journeyId);
    const stages = this.part(journey, 'stages');
    const stage = this.recordIn(stages, stageId, 'stage');
    const keepRows =
      checkEnum(opts.matrixRows ?? 'delete', ['delete', 'keep'] as const, 'matrix rows') === 'keep';
    const stageTitle = readTextField(stage, 'title');
    this.run('deleteStage', () => {
      for (const key of ['cards', 'moments'] as const) {
        const part = this.part(journey, key);
        for (const [id, m] of part.entries())
          if (m instanceof Y.Map && m.get('stageId') === stageId) part.delete(id);
      }
      for (const [id, m] of this.roots.metrics.entries()) {
        if (m instanceof Y.Map && m.get('journeyId') === journeyId && m.get('stageId') === stageId) {
          this.roots.metrics.delete(id);
        }
      }
      for (const [, matrix] of this.roots.matrices.entries()) {
        if (!(matrix instanceof Y.Map) || matrix.get('journeyId') !== journeyId) continue;
        const rows = matrix.get('rows') as YMap;
        if (keepRows) {
          const row = readRow(rows, stageId, stageTitle);
          (matrix.get('detached') as Y.Array<unknown>).push([{ ...row, metricId: null }]);
        }
        const prefix = rowKey(stageId, '');
        for (const key of [...rows.keys()]) if (key.startsWith(prefix)) rows.delete(key);
      }
      for (const [, bp] of this.roots.blueprints.entries()) {
        if (!(bp instanceof Y.Map) || bp.get('journeyId') !== journeyId) continue;
        const cards = bp.get('cards') as YMap;
        for (const [id, m] of cards.entries())
          if (m instanceof Y.Map && m.get('columnId') === stageId) cards.delete(id);
      }
      stages.delete(stageId);
    });
  }

  /** Adds a typed lane; without a placement it goes last. */
  addLane(journeyId: string, input: { type: LaneType; title?: string } & Placement): string {
    const lanes = this.part(this.journey(journeyId), 'lanes');
    const type = checkEnum(input.type, LANE_TYPES, 'lane type');
    const title = checkText(input.title ?? '', 'lane title');
    if (lanes.size >= 100) throw new BoardCommandError('limit', 'too many lanes');
    const list = ordered(lanes);
    const index = placementIndex(list, input, false, 'lane');
    const id = newId();
    this.run('addLane', () => {
      const lane = record({ id, type, title: newText(title) });
      placeAt(lanes, list, index, lane);
      lanes.set(id, lane);
    });
    return id;
  }

  /** Renames a lane. An empty title shows the lane type's translated name. */
  renameLane(journeyId: string, laneId: string, title: string): void {
    const lane = this.recordIn(this.part(this.journey(journeyId), 'lanes'), laneId, 'lane');
    const value = checkText(title, 'lane title');
    this.run('renameLane', () => setTextField(lane, 'title', value));
  }

  /** Moves a lane above or below another one. */
  moveLane(journeyId: string, laneId: string, target: Placement): void {
    this.moveOrdered(this.part(this.journey(journeyId), 'lanes'), laneId, target, 'lane', 'moveLane');
  }

  /** Deletes a lane and its cards. */
  deleteLane(journeyId: string, laneId: string): void {
    const journey = this.journey(journeyId);
    const lanes = this.part(journey, 'lanes');
    this.recordIn(lanes, laneId, 'lane');
    this.run('deleteLane', () => {
      const cards = this.part(journey, 'cards');
      for (const [id, m] of cards.entries())
        if (m instanceof Y.Map && m.get('laneId') === laneId) cards.delete(id);
      lanes.delete(laneId);
    });
  }

  private cellCards(cards: YMap, stageId: string, laneId: string, except?: string): Ordered[] {
    const list: Ordered[] = [];
    for (const [id, m] of cards.entries()) {
      if (
        id === except ||
        !(m instanceof Y.Map) ||
        m.get('stageId') !== stageId ||
        m.get('laneId') !== laneId
      )
        continue;
      list.push({ id, order: String(m.get('order') ?? 'a0') });
    }
    return list.sort(compareOrdered);
  }

  private checkCell(journey: YMap, stageId: string, laneId: string): void {
    this.recordIn(this.part(journey, 'stages'), stageId, 'stage');
    this.recordIn(this.part(journey, 'lanes'), laneId, 'lane');
  }

  /** Adds a card to a cell (stage × lane), at `index` in the cell or last. */
  addCard(
    journeyId: string,
    input: { stageId: string; laneId: string; text?: string; color?: string; index?: number },
  ): string {
    const journey = this.journey(journeyId);
    this.checkCell(journey, input.stageId, input.laneId);
    const cards = this.part(journey, 'cards');
    if (cards.size >= LIMITS.itemsPerJourney)
      throw new BoardCommandError('limit', 'too many cards in this journey');
    const text = checkText(input.text ?? '', 'card text');
    const color = checkShort(input.color ?? 'yellow', 'colour', 32);
    const list = this.cellCards(cards, input.stageId, input.laneId);
    const index = input.index === undefined ? list.length : checkNumber(input.index, 'index', 0, 1e9);
    const id = newId();
    this.run('addCard', () => {
      const card = record({
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
  setCardText(journeyId: string, cardId: string, text: string): void {
    const card = this.recordIn(this.part(this.journey(journeyId), 'cards'), cardId, 'card');
    const value = checkText(text, 'card text');
    this.run('setCardText', () => setTextField(card, 'text', value));
  }

  /** Changes a card's colour, tags, evidence note or redaction flag. */
  updateCard(
    journeyId: string,
    cardId: string,
    patch: Partial<{ color: string; tags: string[]; evidence: string; redact: boolean }>,
  ): void {
    const card = this.recordIn(this.part(this.journey(journeyId), 'cards'), cardId, 'card');
    const color = patch.color === undefined ? undefined : checkShort(patch.color, 'colour', 32);
    const tags =
      patch.tags === undefined
        ? undefined
        : checkStringList(patch.tags, 'tags', LIMITS.tags, LIMITS.tagLength);
    const evidence = patch.evidence === undefined ? undefined : checkText(patch.evidence, 'evidence');
    if (patch.redact !== undefined && typeof patch.redact !== 'boolean') fail('redact must be true or false');
    this.run('updateCard', () => {
      if (color !== undefined) card.set('color', color);
      if (tags !== undefined) card.set('tags', tags);
      if (evidence !== undefined) setTextField(card, 'evidence', evidence);
      if (patch.redact !== undefined) card.set('redact', patch.redact);
    });
  }

  /** Moves a card to a cell (possibly the same one) at `index`, or last. */
  moveCard(journeyId: string, cardId: string, to: { stageId: string; laneId: string; index?: number }): void {
    const journey = this.journey(journeyId);
    const cards = this.part(journey, 'cards');
    const card = this.recordIn(cards, cardId, 'card');
    this.checkCell(journey, to.stageId, to.laneId);
    const list = this.cellCards(cards, to.stageId, to.laneId, cardId);
    const index = to.index === undefined ? list.length : checkNumber(to.index, 'index', 0, 1e9);
    this.run('moveCard', () => {
      if (card.get('stageId') !== to.stageId) card.set('stageId', to.stageId);
      if (card.get('laneId') !== to.laneId) card.set('laneId', to.laneId);
      placeAt(cards, list, index, card);
    });
  }

  /** Deletes a card. */
  deleteCard(journeyId: string, cardId: string): void {
    const cards = this.part(this.journey(journeyId), 'cards');
    this.recordIn(cards, cardId, 'card');
    this.run('deleteCard', () => cards.delete(cardId));
  }

  /** Sets a stage's emotion score for one series (clamped to −2..+2), or clears it with null. */
  setEmotion(journeyId: string, stageId: string, series: 'asIs' | 'toBe', value: number | null): void {
    const stage = this.recordIn(this.part(this.journey(journeyId), 'stages'), stageId, 'stage');
    const key =
      checkEnum(series, ['asIs', 'toBe'] as const, 'series') === 'asIs' ? 'emotionAsIs' : 'emotionToBe';
    const score =
      value === null
        ? null
        : Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, checkNumber(value, 'emotion', -1e6, 1e6)));
    this.run('setEmotion', () => stage.set(key, score));
  }

  /** Marks a moment of truth on a stage. */
  addMoment(
    journeyId: string,
    input: { stageId: string; type: MomentType; target?: string; current?: string },
  ): string {
    const journey = this.journey(journeyId);
    this.recordIn(this.part(journey, 'stages'), input.stageId, 'stage');
    const type = checkEnum(input.type, MOMENT_TYPES, 'moment type');
    const target = checkText(input.target ?? '', 'target');
    const current = checkText(input.current ?? '', 'current');
    const id = newId();
    this.run('addMoment', () => {
      this.part(journey, 'moments').set(
        id,
        record({ id, stageId: input.stageId, type, target: newText(target), current: newText(current) }),
      );
    });
    return id;
  }

  /** Edits a moment of truth: its type, target and current state, or its stage. */
  updateMoment(
    journeyId: string,
    momentId: string,
    patch: Partial<{ type: MomentType; target: string; current: string; stageId: string }>,
  ): void {
    const journey = this.journey(journeyId);
    const moment = this.recordIn(this.part(journey, 'moments'), momentId, 'moment');
    const type = patch.type === undefined ? undefined : checkEnum(patch.type, MOMENT_TYPES, 'moment type');
    const target = patch.target === undefined ? undefined : checkText(patch.target, 'target');
    const current = patch.current === undefined ? undefined : checkText(patch.current, 'current');
    if (patch.stageId !== undefined) this.recordIn(this.part(journey, 'stages'), patch.stageId, 'stage');
    this.run('updateMoment', () => {
      if (type !== undefined) moment.set('type', type);
      if (target !== undefined) setTextField(moment, 'target', target);
      if (current !== undefined) setTextField(moment, 'current', current);
      if (patch.stageId !== undefined) moment.set('stageId', patch.stageId);
    });
  }

  /** Removes a moment of truth. */
  deleteMoment(journeyId: string, momentId: string): void {
    const moments = this.part(this.journey(journeyId), 'moments');
    this.recordIn(moments, momentId, 'moment');
    this.run('deleteMoment', () => moments.delete(momentId));
  }

  // ------------------------------------------------------------------ personas

  private static readonly PERSONA_FIELDS = {
    name: 'name',
    segment: 'segment',
    goals: 'goals',
    jtbd: 'jtbd',
    quote: 'quote',
  } as const;

  private personaWrites(patch: PersonaPatch): [string, string][] {
    const writes: [string, string][] = [];
    for (const key of Object.keys(BoardDoc.PERSONA_FIELDS) as (keyof typeof BoardDoc.PERSONA_FIELDS)[]) {
      if (patch[key] !== undefined) writes.push([key, checkText(patch[key], key)]);
    }
    const exp = patch.expectations;
    if (exp?.personalisation !== undefined)
      writes.push(['expPersonalisation', checkText(exp.personalisation, 'expectation')]);
    if (exp?.speed !== undefined) writes.push(['expSpeed', checkText(exp.speed, 'expectation')]);
    if (exp?.simplicity !== undefined)
      writes.push(['expSimplicity', checkText(exp.simplicity, 'expectation')]);
    return writes;
  }

  /** Adds a persona / segment card. */
  addPersona(input: PersonaPatch = {}): string {
    const writes = this.personaWrites(input);
    const id = newId();
    this.run('addPersona', () => {
      const m = record({ id });
      this.roots.personas.set(id, m);
      for (const [k, v] of writes) setTextField(m, k, v);
    });
    return id;
  }

  /** Edits a persona's fields. */
  updatePersona(id: string, patch: PersonaPatch): void {
    const m = this.recordIn(this.roots.personas, id, 'persona');
    const writes = this.personaWrites(patch);
    this.run('updatePersona', () => {
      for (const [k, v] of writes) setTextField(m, k, v);
    });
  }

  /** Deletes a persona; journeys that used it keep their segment text. */
  deletePersona(id: string): void {
    this.recordIn(this.roots.personas, id, 'persona');
    this.run('deletePersona', () => {
      for (const [, j] of this.roots.journeys.entries())
        if (j instanceof Y.Map && j.get('personaId') === id) j.set('personaId', null);
      this.roots.personas.delete(id);
    });
  }

  // ------------------------------------------------------------------ service blueprints

  /** Adds a service blueprint, linked to a journey (columns follow its stages) or standalone. */
  addBlueprint(input: {
    journeyId?: string | null;
    title?: string;
    x: number;
    y: number;
    columnTitles?: readonly string[];
  }): string {
    const journeyId = input.journeyId ?? null;
    if (journeyId !== null) this.journey(journeyId);
    const title = checkShort(input.title ?? '', 'title', 500);
    const x = checkCoord(input.x, 'x');
    const y = checkCoord(input.y, 'y');
    const columnTitles = checkStringList(input.columnTitles ?? [], 'column titles', 200, 500);
    if (journeyId !== null && columnTitles.length > 0)
      fail('a linked blueprint takes its columns from the journey');
    const id = newId();
    this.run('addBlueprint', () => {
      const columns = new Y.Map<unknown>();
      const keys = planKeys(columnTitles.length);
      columnTitles.forEach((t, i) => {
        const cid = newId();
        columns.set(cid, record({ id: cid, order: keys[i], title: newText(t) }));
      });
      this.roots.blueprints.set(
        id,
        record({ id, title: newText(title), x, y, journeyId, columns, cards: new Y.Map() }),
      );
    });
    return id;
  }

  /** Moves or renames a blueprint. */
  updateBlueprint(id: string, patch: Partial<{ title: string; x: number; y: number }>): void {
    const m = this.recordIn(this.roots.blueprints, id, 'blueprint');
    const title = patch.title === undefined ? undefined : checkShort(patch.title, 'title', 500);
    const x = patch.x === undefined ? undefined : checkCoord(patch.x, 'x');
    const y = patch.y === undefined ? undefined : checkCoord(patch.y, 'y');
    this.run('updateBlueprint', () => {
      if (title !== undefined) setTextField(m, 'title', title);
      if (x !== undefined) m.set('x', x);
      if (y !== undefined) m.set('y', y);
    });
  }

  /** Deletes a blueprint and connectors attached to it. */
  deleteBlueprint(id: string): void {
    this.recordIn(this.roots.blueprints, id, 'blueprint');
    this.run('deleteBlueprint', () => {
      this.roots.blueprints.delete(id);
      this.deleteWithAttachments(new Set([id]));
    });
  }

  /** Adds a column to a standalone blueprint. */
  addBlueprintColumn(blueprintId: string, input: { title: string } & Placement): string {
    const bp = this.recordIn(this.roots.blueprints, blueprintId, 'blueprint');
    if (bp.get('journeyId')) fail('a linked blueprint takes its columns from the journey');
    const columns = bp.get('columns') as YMap;
    const title = checkText(input.title, 'column title');
    const list = ordered(columns);
    const index = placementIndex(list, input, false, 'column');
    const id = newId();
    this.run('addBlueprintColumn', () => {
      const column = record({ id, title: newText(title) });
      placeAt(columns, list, index, column);
      columns.set(id, column);
    });
    return id;
  }

  private blueprintColumns(bp: YMap): Set<string> {
    const journeyId = bp.get('journeyId');
    const source =
      typeof journeyId === 'string' && this.roots.journeys.get(journeyId) instanceof Y.Map
        ? this.part(this.journey(journeyId), 'stages')
        : (bp.get('columns') as YMap);
    return new Set(source.keys());
  }

  private processCardWrites(patch: ProcessCardPatch): {
    texts: [string, string][];
    values: [string, unknown][];
  } {
    const texts: [string, string][] = [];
    const values: [string, unknown][] = [];
    for (const key of ['text', 'owner', 'system'] as const) {
      if (patch[key] !== undefined) texts.push([key, checkText(patch[key], key)]);
    }
    if (patch.actorKind !== undefined)
      values.push(['actorKind', checkEnum(patch.actorKind, ACTOR_KINDS, 'actor kind')]);
    if (patch.pros !== undefined)
      values.push(['pros', checkStringList(patch.pros, 'pros', LIMITS.listItems, 2000)]);
    if (patch.cons !== undefined)
      values.push(['cons', checkStringList(patch.cons, 'cons', LIMITS.listItems, 2000)]);
    return { texts, values };
  }

  /** Adds a process card to a blueprint cell (column × lane). */
  addProcessCard(
    blueprintId: string,
    input: { columnId: string; lane: BlueprintLane } & ProcessCardPatch,
  ): string {
    const bp = this.recordIn(this.roots.blueprints, blueprintId, 'blueprint');
    if (!this.blueprintColumns(bp).has(input.columnId))
      throw new BoardCommandError('not-found', `column ${input.columnId} not found`);
    const lane = checkEnum(input.lane, BLUEPRINT_LANES, 'blueprint lane');
    const { texts, values } = this.processCardWrites({ actorKind: 'employee', pros: [], cons: [], ...input });
    const cards = bp.get('cards') as YMap;
    const list = this.blueprintCell(cards, input.columnId, lane);
    const id = newId();
    this.run('addProcessCard', () => {
      const card = record({ id, columnId: input.columnId, lane });
      placeAt(cards, list, list.length, card);
      cards.set(id, card);
      for (const [k, v] of values) card.set(k, v);
      for (const [k, v] of texts) setTextField(card, k, v);
    });
    return id;
  }

  private blueprintCell(cards: YMap, columnId: string, lane: string, except?: string): Ordered[] {
    const list: Ordered[] = [];
    for (const [id, m] of cards.entries()) {
      if (id === except || !(m instanceof Y.Map) || m.get('columnId') !== columnId || m.get('lane') !== lane)
        continue;
      list.push({ id, order: String(m.get('order') ?? 'a0') });
    }
    return list.sort(compareOrdered);
  }

  /** Edits a process card: text, actor kind, owner, system, pros and cons. */
  updateProcessCard(blueprintId: string, cardId: string, patch: ProcessCardPatch): void {
    const bp = this.recordIn(this.roots.blueprints, blueprintId, 'blueprint');
    const card = this.recordIn(bp.get('cards') as YMap, cardId, 'process card');
    const { texts, values } = this.processCardWrites(patch);
    this.run('updateProcessCard', () => {
      for (const [k, v] of values) card.set(k, v);
      for (const [k, v] of texts) setTextField(card, k, v);
    });
  }

  /** Replaces a process card's text. */
  setProcessCardText(blueprintId: string, cardId: string, text: string): void {
    this.updateProcessCard(blueprintId, cardId, { text });
  }

  /** Moves a process card to another cell at `index`, or last. */
  moveProcessCard(
    blueprintId: string,
    cardId: string,
    to: { columnId: string; lane: BlueprintLane; index?: number },
  ): void {
    const bp = this.recordIn(this.roots.blueprints, blueprintId, 'blueprint');
    const cards = bp.get('cards') as YMap;
    const card = this.recordIn(cards, cardId, 'process card');
    if (!this.blueprintColumns(bp).has(to.columnId))
      throw new BoardCommandError('not-found', `column ${to.columnId} not found`);
    const lane = checkEnum(to.lane, BLUEPRINT_LANES, 'blueprint lane');
    const list = this.blueprintCell(cards, to.columnId, lane, cardId);
    const index = to.index === undefined ? list.length : checkNumber(to.index, 'index', 0, 1e9);
    this.run('moveProcessCard', () => {
      card.set('columnId', to.columnId);
      card.set('lane', lane);
      placeAt(cards, list, index, card);
    });
  }

  /** Deletes a process card. */
  deleteProcessCard(blueprintId: string, cardId: string): void {
    const bp = this.recordIn(this.roots.blueprints, blueprintId, 'blueprint');
    const cards = bp.get('cards') as YMap;
    this.recordIn(cards, cardId, 'process card');
    this.run('deleteProcessCard', () => cards.delete(cardId));
  }

  // ------------------------------------------------------------------ metrics

  private metricWrites(patch: MetricPatch): { texts: [string, string][]; values: [string, unknown][] } {
    const texts: [string, string][] = [];
    const values: [string, unknown][] = [];
    if (patch.name !== undefined) texts.push(['name', checkShort(patch.name, 'metric name', 500)]);
    if (patch.owner !== undefined) texts.push(['owner', checkShort(patch.owner, 'owner', 500)]);
    if (patch.kind !== undefined) values.push(['kind', checkShort(patch.kind, 'metric kind', 64)]);
    if (patch.category !== undefined)
      values.push(['category', checkEnum(patch.category, METRIC_CATEGORIES, 'category')]);
    for (const key of ['current', 'target'] as const) {
      const v = patch[key];
      if (v !== undefined) values.push([key, v === null ? null : checkNumber(v, key, -1e15, 1e15)]);
    }
    if (patch.unit !== undefined) values.push(['unit', checkShort(patch.unit, 'unit', 32)]);
    if (patch.period !== undefined) values.push(['period', checkShort(patch.period, 'period', 64)]);
    if (patch.source !== undefined)
      values.push(['source', checkEnum(patch.source, ['customer', 'company'] as const, 'source')]);
    return { texts, values };
  }

  /** Attaches a metric to a journey stage. */
  addMetric(input: { journeyId: string; stageId: string; kind: string } & MetricPatch): string {
    this.recordIn(this.part(this.journey(input.journeyId), 'stages'), input.stageId, 'stage');
    // Category, source and unit default from the metric catalogue (NPS: subjective, measured by
    // customers, in points); units are catalogue codes the UI translates.
    const info = metricKindInfo(input.kind);
    const { texts, values } = this.metricWrites({
      category: info?.category ?? 'operational',
      source: info?.source ?? 'company',
      unit: info && info.unit !== 'none' ? info.unit : '',
      period: '',
      ...input,
    });
    const id = newId();
    this.run('addMetric', () => {
      const m = record({
        id,
        journeyId: input.journeyId,
        stageId: input.stageId,
        current: null,
        target: null,
        history: new Y.Array(),
      });
      this.roots.metrics.set(id, m);
      for (const [k, v] of values) m.set(k, v);
      for (const [k, v] of texts) setTextField(m, k, v);
    });
    return id;
  }

  /** Edits a metric's fields. */
  updateMetric(id: string, patch: MetricPatch): void {
    const m = this.recordIn(this.roots.metrics, id, 'metric');
    const { texts, values } = this.metricWrites(patch);
    this.run('updateMetric', () => {
      for (const [k, v] of values) m.set(k, v);
      for (const [k, v] of texts) setTextField(m, k, v);
    });
  }

  /** Records a dated value; when it is the newest reading it also becomes the current value. */
  addMetricReading(id: string, reading: { date: string; value: number }): void {
    const m = this.recordIn(this.roots.metrics, id, 'metric');
    const date = isoDate(reading.date);
    const value = checkNumber(reading.value, 'value', -1e15, 1e15);
    const history = m.get('history') as Y.Array<{ date: string; value: number }>;
    if (history.length >= LIMITS.history) throw new BoardCommandError('limit', 'too many readings');
    const newest = history.toArray().every((r) => !r || typeof r.date !== 'string' || r.date <= date);
    this.run('addMetricReading', () => {
      history.push([{ date, value }]);
      if (newest) m.set('current', value);
    });
  }

  /** Deletes a metric; matrix rows that pointed at it lose the link. */
  deleteMetric(id: string): void {
    this.recordIn(this.roots.metrics, id, 'metric');
    this.run('deleteMetric', () => {
      this.roots.metrics.delete(id);
      for (const [, matrix] of this.roots.matrices.entries()) {
        if (!(matrix instanceof Y.Map)) continue;
        const rows = matrix.get('rows') as YMap;
        for (const [key, value] of rows.entries())
          if (key.endsWith('|metricId') && value === id) rows.set(key, null);
      }
    });
  }

  // ------------------------------------------------------------------ AI-opportunity matrix

  /** Adds an AI-opportunity matrix that follows a journey: one row per stage. */
  addMatrix(input: { journeyId: string; title?: string; x: number; y: number }): string {
    this.journey(input.journeyId);
    const title = checkShort(input.title ?? '', 'title', 500);
    const x = checkCoord(input.x, 'x');
    const y = checkCoord(input.y, 'y');
    const id = newId();
    this.run('addMatrix', () => {
      this.roots.matrices.set(
        id,
        record({
          id,
          journeyId: input.journeyId,
          title: newText(title),
          x,
          y,
          rows: new Y.Map(),
          detached: new Y.Array(),
        }),
      );
    });
    return id;
  }

  /** Moves or renames a matrix. */
  updateMatrix(id: string, patch: Partial<{ title: string; x: number; y: number }>): void {
    const m = this.recordIn(this.roots.matrices, id, 'matrix');
    const title = patch.title === undefined ? undefined : checkShort(patch.title, 'title', 500);
    const x = patch.x === undefined ? undefined : checkCoord(patch.x, 'x');
    const y = patch.y === undefined ? undefined : checkCoord(patch.y, 'y');
    this.run('updateMatrix', () => {
      if (title !== undefined) setTextField(m, 'title', title);
      if (x !== undefined) m.set('x', x);
      if (y !== undefined) m.set('y', y);
    });
  }

  /** Deletes a matrix and connectors attached to it. */
  deleteMatrix(id: string): void {
    this.recordIn(this.roots.matrices, id, 'matrix');
    this.run('deleteMatrix', () => {
      this.roots.matrices.delete(id);
      this.deleteWithAttachments(new Set([id]));
    });
  }

  private matrixRows(matrixId: string, stageId: string): YMap {
    const matrix = this.recordIn(this.roots.matrices, matrixId, 'matrix');
    const journeyId = String(matrix.get('journeyId'));
    this.recordIn(this.part(this.journey(journeyId), 'stages'), stageId, 'stage');
    return matrix.get('rows') as YMap;
  }

  /** Writes one of the six text columns of a stage's row. */
  setMatrixCell(matrixId: string, stageId: string, column: MatrixColumn, text: string): void {
    const rows = this.matrixRows(matrixId, stageId);
    const col = checkEnum(column, MATRIX_COLUMNS, 'matrix column');
    const value = checkText(text, 'cell text');
    this.run('setMatrixCell', () => setTextField(rows, rowKey(stageId, `cell:${col}`), value));
  }

  /** Scores, flags, decision and metric link of a stage's row. */
  updateMatrixRow(
    matrixId: string,
    stageId: string,
    patch: Partial<{
      pain: number | null;
      money: number | null;
      fit: number | null;
      humanMustStay: boolean;
      humanReason: string;
      risks: string;
      decision: MatrixDecision | null;
      metricId: string | null;
    }>,
  ): void {
    const rows = this.matrixRows(matrixId, stageId);
    const values: [string, unknown][] = [];
    const texts: [string, string][] = [];
    for (const key of ['pain', 'money', 'fit'] as const) {
      if (patch[key] !== undefined) values.push([key, checkScore(patch[key], key)]);
    }
    if (patch.humanMustStay !== undefined) {
      if (typeof patch.humanMustStay !== 'boolean') fail('humanMustStay must be true or false');
      values.push(['humanMustStay', patch.humanMustStay]);
    }
    for (const key of MATRIX_ROW_TEXT_FIELDS)
      if (patch[key] !== undefined) texts.push([key, checkText(patch[key], key)]);
    if (patch.decision !== undefined) {
      values.push([
        'decision',
        patch.decision === null ? null : checkEnum(patch.decision, MATRIX_DECISIONS, 'decision'),
      ]);
    }
    if (patch.metricId !== undefined) {
      if (patch.metricId !== null) {
        const metric = this.recordIn(this.roots.metrics, patch.metricId, 'metric');
        if (metric.get('stageId') !== stageId) fail('the metric belongs to another stage');
      }
      values.push(['metricId', patch.metricId]);
    }
    this.run('updateMatrixRow', () => {
      for (const [k, v] of values) rows.set(rowKey(stageId, k), v);
      for (const [k, v] of texts) setTextField(rows, rowKey(stageId, k), v);
    });
  }
}

/** Fields of a persona that commands accept. */
export type PersonaPatch = Partial<Omit<PersonaSnapshot, 'id' | 'expectations'>> & {
  expectations?: Partial<PersonaSnapshot['expectations']>;
};

/** Fields of a process card that commands accept. */
export type ProcessCardPatch = Partial<Omit<ProcessCardSnapshot, 'id' | 'columnId' | 'lane'>>;

/** Fields of a metric that commands accept. */
export type MetricPatch = Partial<Omit<MetricSnapshot, 'id' | 'journeyId' | 'stageId' | 'history'>>;

export type { BlueprintSnapshot, MatrixSnapshot, MetricSnapshot };

function emptyDirty(): Record<BoardCollection, Set<string>> {
  return Object.fromEntries(ROOT_KEYS.map((k) => [k, new Set<string>()])) as Record<
    BoardCollection,
    Set<string>
  >;
}

/**
 * Free elements as the user sees them: a connector whose end was deleted (possibly by a
 * collaborator at the same time) is not shown, and an element whose frame is gone is free.
 * Returns `raw` itself when nothing needs hiding, to keep snapshot identity.
 */
function liveElements(
  raw: Record<string, ElementSnapshot>,
  journeys: Record<string, JourneySnapshot>,
  blueprints: Record<string, BlueprintSnapshot>,
  matrices: Record<string, MatrixSnapshot>,
): Record<string, ElementSnapshot> {
  const exists = (id: string | null) =>
    !!id && (id in raw || id in journeys || id in blueprints || id in matrices);
  const broken = Object.values(raw).filter(
    (e) =>
      (e.type === 'connector' && (!exists(e.from) || !exists(e.to))) ||
      (e.frameId !== null && raw[e.frameId]?.type !== 'frame'),
  );
  if (broken.length === 0) return raw;
  const out = { ...raw };
  for (const e of broken) {
    if (e.type === 'connector' && (!exists(e.from) || !exists(e.to))) delete out[e.id];
    else out[e.id] = { ...e, frameId: null };
  }
  return out;
}

function planKeys(n: number): string[] {
  const keys: string[] = [];
  for (let i = 0; i < n; i++)
    keys.push(
      planInsert(
        keys.map((order, j) => ({ id: String(j), order })),
        i,
      ).key,
    );
  return keys;
}

function clampCoord(v: number): number {
  return Math.min(LIMITS.coordinate, Math.max(-LIMITS.coordinate, Number.isFinite(v) ? v : 0));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
