import * as Y from 'yjs';
import type { MetricInputs } from '../metrics/inputs';
import * as blueprints from './commands/blueprints';
import type { CommandContext, Placement } from './commands/context';
import * as elements from './commands/elements';
import * as journeys from './commands/journeys';
import * as matrices from './commands/matrices';
import * as maturity from './commands/maturity';
import * as meta from './commands/meta';
import * as metrics from './commands/metrics';
import * as personas from './commands/personas';
import { BoardCommandError } from './errors';
import { compareOrdered } from './order';
import { childMaps, dict, type IssueSink, own, type YMap } from './read';
import {
  CANVAS_ITEM_COLLECTIONS,
  type BlueprintLane,
  type BlueprintSnapshot,
  type ElementSnapshot,
  type JourneyKind,
  type JourneySnapshot,
  type LaneType,
  type MatrixColumn,
  type MatrixSnapshot,
  type MaturityLevel,
  type MetricPatch,
  type MetricReading,
  type MetricSnapshot,
  metaFields,
  type MomentType,
  type PersonaPatch,
  type ProcessCardPatch,
  RECORD_COLLECTION_ENTRIES,
  RECORD_COLLECTIONS,
  ROOT_KEYS,
  readMeta,
} from './records';
import { SCHEMA_VERSION } from './schema';
import { newText } from './text';
import type { BoardChangeEvent, BoardCollection, BoardSnapshot, LanePreset } from './types';

export { BoardCommandError } from './errors';
export type { Placement } from './commands/context';
export type { ElementPatch, NewElement } from './commands/elements';
export type { JourneyPatch } from './commands/journeys';
export type { MatrixRowPatch } from './commands/matrices';
export type { MaturityAreaInput } from './commands/maturity';
export type { MetricPatch, PersonaPatch, ProcessCardPatch } from './records';

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

/**
 * A board: one Y.Doc, its root collections, the commands that change it and typed change
 * events. A small façade: the commands live in `commands/` (one module per collection) and
 * check every argument with the record definitions in `records/` before writing in one
 * transaction whose origin is a `LocalCommand` named after the command; this class adds the
 * snapshot cache, change events, undo and the read-only switch.
 */
export class BoardDoc {
  readonly ydoc: Y.Doc;
  readonly history: BoardHistory;
  private readonly roots: Record<BoardCollection, YMap>;
  private readonly ctx: CommandContext;
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
    this.ctx = {
      roots: this.roots,
      run: (name, write) => this.run(name, write),
      snapshot: () => this.snapshot(),
    };
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
    const title = metaFields.title.check(init.title ?? '', 'title');
    board.ydoc.transact(() => {
      board.roots.meta.set('schemaVersion', SCHEMA_VERSION);
      board.roots.meta.set('title', newText(title));
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
      RECORD_COLLECTIONS.journeys.read(id, m, NO_JOURNEYS, undefined),
    );
    const journeysChanged = journeys !== prev?.journeys;
    const collections = dict<Record<string, unknown>>();
    for (const [key, definition] of RECORD_COLLECTION_ENTRIES) {
      if (key === 'journeys' || key === 'elements') continue;
      const old = prev?.[key] as Record<string, unknown> | undefined;
      const read = (id: string, m: YMap) => definition.read(id, m, journeys, undefined);
      // Records that follow their journey's stages are reread when a journey changes.
      collections[key] =
        definition.followsJourneys && journeysChanged
          ? this.readCollection(key, undefined, read, old)
          : this.readCollection(key, old, read);
    }
    const rawElements = this.readCollection('elements', this.rawElements ?? undefined, (id, m) =>
      RECORD_COLLECTIONS.elements.read(id, m, journeys, undefined),
    );
    // The collections connectors may end on, as read now (elements: the raw ones).
    const items = CANVAS_ITEM_COLLECTIONS.map((key) =>
      key === 'elements' ? rawElements : key === 'journeys' ? journeys : collections[key]!,
    );
    const elements =
      prev &&
      rawElements === this.rawElements &&
      CANVAS_ITEM_COLLECTIONS.every((key, i) => key === 'elements' || items[i] === prev[key])
        ? prev.elements
        : liveElements(rawElements, items);
    this.rawElements = rawElements;
    const next = {
      ...(collections as Omit<BoardSnapshot, 'meta' | 'elements' | 'elementOrder' | 'journeys'>),
      meta: this.dirty.meta.size > 0 || !prev ? readMeta(this.roots.meta) : prev.meta,
      elements,
      elementOrder:
        prev && elements === prev.elements
          ? prev.elementOrder
          : Object.values(elements)
              .map((e) => ({ id: e.id, order: e.z }))
              .sort(compareOrdered)
              .map((e) => e.id),
      journeys,
    } satisfies BoardSnapshot;
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
   * skipped (unreadable records).
   */
  inspect(onIssue: IssueSink): void {
    const journeys = dict<JourneySnapshot>();
    for (const [key, definition] of RECORD_COLLECTION_ENTRIES) {
      for (const [id, m] of childMaps(this.roots[key], key, onIssue)) {
        const record = definition.read(id, m, journeys, onIssue);
        if (key === 'journeys' && record) journeys[id] = record as JourneySnapshot;
      }
    }
  }

  /**
   * Rebuilds one collection of the snapshot, rereading only dirty records. `reuse` is the
   * previous collection when everything must be reread (a journey changed under blueprints
   * and matrices): records that read the same keep their previous identity. The result is a
   * null-prototype object: record ids from peers are never resolved against Object.prototype.
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
    const out = dict<T>();
    let count = 0;
    let changed = !base;
    for (const [id, m] of this.roots[key].entries()) {
      const old = base ? own(base, id) : undefined;
      if (prev && old !== undefined && !dirty.has(id)) {
        out[id] = old;
        count++;
        continue;
      }
      const value = m instanceof Y.Map ? read(id, m as YMap) : null;
      if (value === null) {
        if (old !== undefined) changed = true;
        continue;
      }
      out[id] = old !== undefined && !prev && sameJson(old, value) ? old : value;
      count++;
      if (out[id] !== old) changed = true;
    }
    if (base && Object.keys(base).length !== count) changed = true;
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
   * Checked before any argument, so a viewer's command is refused the same way whatever it asks.
   */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
  }

  /** Runs a command module's function after the read-only check. */
  private command<A extends unknown[], R>(fn: (ctx: CommandContext, ...args: A) => R, ...args: A): R {
    this.assertWritable();
    return fn(this.ctx, ...args);
  }

  // ------------------------------------------------------------------ board (commands/meta.ts)

  /** Renames the board. */
  setTitle(title: string): void {
    this.command(meta.setTitle, title);
  }

  // ------------------------------------------------------------------ free elements (commands/elements.ts)

  /** Adds a free element and returns its id. Connectors need `from` and `to`. */
  addElement(input: elements.NewElement): string {
    return this.command(elements.addElement, input);
  }

  /** Changes geometry, style, frame or connector ends of an element. */
  updateElement(id: string, patch: elements.ElementPatch): void {
    this.command(elements.updateElement, id, patch);
  }

  /** Moves elements to new positions; a moved frame carries the elements inside it. */
  moveElements(moves: readonly { id: string; x: number; y: number }[]): void {
    this.command(elements.moveElements, moves);
  }

  /** Replaces an element's text (a sticky's note, a frame's title, a connector's label). */
  setElementText(id: string, text: string): void {
    this.command(elements.setElementText, id, text);
  }

  /** Deletes elements, connectors attached to them, and un-parents the contents of deleted frames. */
  deleteElements(ids: readonly string[]): void {
    this.command(elements.deleteElements, ids);
  }

  /** Raises elements above all others, keeping their relative order. */
  bringToFront(ids: readonly string[]): void {
    this.command(elements.bringToFront, ids);
  }

  /** Copies elements (and connectors between copied ones) with an offset; returns the new ids. */
  duplicateElements(ids: readonly string[], offset: { dx: number; dy: number }): string[] {
    return this.command(elements.duplicateElements, ids, offset);
  }

  /**
   * Adds copies of element snapshots (from this board or another one, e.g. the clipboard)
   * with fresh ids; connectors keep only ends that were copied too; returns the new ids.
   * One invalid element refuses the whole paste.
   */
  pasteElements(sources: readonly ElementSnapshot[], offset: { dx: number; dy: number }): string[] {
    return this.command(elements.pasteElements, sources, offset);
  }

  // ------------------------------------------------------------------ journeys (commands/journeys.ts)

  /** Adds a journey map frame with the preset's lanes and optional stages. */
  addJourney(input: {
    kind: JourneyKind;
    preset?: LanePreset;
    title?: string;
    x: number;
    y: number;
    stageTitles?: readonly string[];
  }): string {
    return this.command(journeys.addJourney, input);
  }

  /** Changes a journey's header fields and position. */
  updateJourney(id: string, patch: journeys.JourneyPatch): void {
    this.command(journeys.updateJourney, id, patch);
  }

  /** Sets the reverse-CJM "why?" ladder, first answer first. */
  setWhyLadder(journeyId: string, steps: readonly string[]): void {
    this.command(journeys.setWhyLadder, journeyId, steps);
  }

  /** Weighs a metric of the journey in its CX index, or (null) takes it out of the index. */
  setCxWeight(journeyId: string, metricId: string, weight: number | null): void {
    this.command(journeys.setCxWeight, journeyId, metricId, weight);
  }

  /** Deletes a journey with everything that hangs on it: metrics, matrices, connectors; linked blueprints become standalone. */
  deleteJourney(id: string): void {
    this.command(journeys.deleteJourney, id);
  }

  /** Adds a stage. Without a placement it goes last, or first on a reverse CJM (built right to left). */
  addStage(journeyId: string, input: { title: string } & Placement): string {
    return this.command(journeys.addStage, journeyId, input);
  }

  /** Renames a stage (matrix rows and linked blueprint columns follow). */
  renameStage(journeyId: string, stageId: string, title: string): void {
    this.command(journeys.renameStage, journeyId, stageId, title);
  }

  /** Moves a stage before or after another one. */
  moveStage(journeyId: string, stageId: string, target: Placement): void {
    this.command(journeys.moveStage, journeyId, stageId, target);
  }

  /**
   * Deletes a stage with its cards, moments and metrics. Each AI matrix of the journey either
   * drops the stage's row or keeps it as a detached row (`matrixRows: 'keep'`); each linked
   * blueprint deletes the column's process cards or keeps the column (`blueprintCards: 'keep'`).
   */
  deleteStage(journeyId: string, stageId: string, opts: journeys.StageDeleteOptions = {}): void {
    this.command(journeys.deleteStage, journeyId, stageId, opts);
  }

  /** Adds a typed lane; without a placement it goes last. */
  addLane(journeyId: string, input: { type: LaneType; title?: string } & Placement): string {
    return this.command(journeys.addLane, journeyId, input);
  }

  /** Renames a lane. An empty title shows the lane type's translated name. */
  renameLane(journeyId: string, laneId: string, title: string): void {
    this.command(journeys.renameLane, journeyId, laneId, title);
  }

  /** Moves a lane above or below another one. */
  moveLane(journeyId: string, laneId: string, target: Placement): void {
    this.command(journeys.moveLane, journeyId, laneId, target);
  }

  /** Deletes a lane and its cards. */
  deleteLane(journeyId: string, laneId: string): void {
    this.command(journeys.deleteLane, journeyId, laneId);
  }

  /** Adds a card to a cell (stage × lane), at `index` in the cell or last. */
  addCard(
    journeyId: string,
    input: { stageId: string; laneId: string; text?: string; color?: string; index?: number },
  ): string {
    return this.command(journeys.addCard, journeyId, input);
  }

  /** Replaces a card's text; concurrent edits elsewhere in the same text are kept. */
  setCardText(journeyId: string, cardId: string, text: string): void {
    this.command(journeys.setCardText, journeyId, cardId, text);
  }

  /** Changes a card's colour, tags, evidence note, redaction flag or the metric of its journey it is tied to. */
  updateCard(
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
    this.command(journeys.updateCard, journeyId, cardId, patch);
  }

  /** Moves a card to a cell (possibly the same one) at `index`, or last. */
  moveCard(journeyId: string, cardId: string, to: { stageId: string; laneId: string; index?: number }): void {
    this.command(journeys.moveCard, journeyId, cardId, to);
  }

  /** Deletes a card. */
  deleteCard(journeyId: string, cardId: string): void {
    this.command(journeys.deleteCard, journeyId, cardId);
  }

  /** Sets a stage's emotion score for one series (clamped to −2..+2), or clears it with null. */
  setEmotion(journeyId: string, stageId: string, series: 'asIs' | 'toBe', value: number | null): void {
    this.command(journeys.setEmotion, journeyId, stageId, series, value);
  }

  /** Marks a moment of truth on a stage. */
  addMoment(
    journeyId: string,
    input: { stageId: string; type: MomentType; target?: string; current?: string },
  ): string {
    return this.command(journeys.addMoment, journeyId, input);
  }

  /** Edits a moment of truth: its type, target and current state, or its stage. */
  updateMoment(
    journeyId: string,
    momentId: string,
    patch: Partial<{ type: MomentType; target: string; current: string; stageId: string }>,
  ): void {
    this.command(journeys.updateMoment, journeyId, momentId, patch);
  }

  /** Removes a moment of truth. */
  deleteMoment(journeyId: string, momentId: string): void {
    this.command(journeys.deleteMoment, journeyId, momentId);
  }

  // ------------------------------------------------------------------ personas (commands/personas.ts)

  /** Adds a persona / segment card. */
  addPersona(input: PersonaPatch = {}): string {
    return this.command(personas.addPersona, input);
  }

  /** Edits a persona's fields or moves its card. */
  updatePersona(id: string, patch: PersonaPatch): void {
    this.command(personas.updatePersona, id, patch);
  }

  /** Deletes a persona card and connectors attached to it; journeys that used it keep their segment text. */
  deletePersona(id: string): void {
    this.command(personas.deletePersona, id);
  }

  // ------------------------------------------------------------------ maturity cards (commands/maturity.ts)

  /** Adds a CX maturity self-assessment card with the given areas; returns its id. */
  addMaturityCard(input: {
    x: number;
    y: number;
    title?: string;
    areas?: readonly maturity.MaturityAreaInput[];
  }): string {
    return this.command(maturity.addMaturityCard, input);
  }

  /** Moves or renames a maturity card. */
  updateMaturityCard(id: string, patch: Partial<{ title: string; x: number; y: number }>): void {
    this.command(maturity.updateMaturityCard, id, patch);
  }

  /** Deletes a maturity card and connectors attached to it. */
  deleteMaturityCard(id: string): void {
    this.command(maturity.deleteMaturityCard, id);
  }

  /** Adds an area to a maturity card at `index` (the end when not given); returns its id. */
  addMaturityArea(cardId: string, input: maturity.MaturityAreaInput & { index?: number }): string {
    return this.command(maturity.addMaturityArea, cardId, input);
  }

  /** Renames an area or sets the stage the company stands at there (null: not assessed). */
  updateMaturityArea(
    cardId: string,
    areaId: string,
    patch: { name?: string; level?: MaturityLevel | null },
  ): void {
    this.command(maturity.updateMaturityArea, cardId, areaId, patch);
  }

  /** Removes an area from a maturity card. */
  deleteMaturityArea(cardId: string, areaId: string): void {
    this.command(maturity.deleteMaturityArea, cardId, areaId);
  }

  // ------------------------------------------------------------------ blueprints (commands/blueprints.ts)

  /** Adds a service blueprint, linked to a journey (columns follow its stages) or standalone. */
  addBlueprint(input: {
    journeyId?: string | null;
    title?: string;
    x: number;
    y: number;
    columnTitles?: readonly string[];
  }): string {
    return this.command(blueprints.addBlueprint, input);
  }

  /** Moves or renames a blueprint. */
  updateBlueprint(id: string, patch: Partial<{ title: string; x: number; y: number }>): void {
    this.command(blueprints.updateBlueprint, id, patch);
  }

  /** Deletes a blueprint and connectors attached to it. */
  deleteBlueprint(id: string): void {
    this.command(blueprints.deleteBlueprint, id);
  }

  /** Turns the customer-actions lane's mirror of the linked journey's steps lane on or off. */
  setBlueprintMirror(id: string, on: boolean): void {
    this.command(blueprints.setBlueprintMirror, id, on);
  }

  /** Makes a linked blueprint standalone at `at`: the stages become its own columns. */
  detachBlueprint(id: string, at: { x: number; y: number }): void {
    this.command(blueprints.detachBlueprint, id, at);
  }

  /** Adds a column to a standalone blueprint. */
  addBlueprintColumn(blueprintId: string, input: { title: string } & Placement): string {
    return this.command(blueprints.addBlueprintColumn, blueprintId, input);
  }

  /** Renames an own column (a standalone blueprint's, or a kept one). */
  renameBlueprintColumn(blueprintId: string, columnId: string, title: string): void {
    this.command(blueprints.renameBlueprintColumn, blueprintId, columnId, title);
  }

  /** Moves an own column before or after another. */
  moveBlueprintColumn(blueprintId: string, columnId: string, target: Placement): void {
    this.command(blueprints.moveBlueprintColumn, blueprintId, columnId, target);
  }

  /** Deletes an own column with its process cards. */
  deleteBlueprintColumn(blueprintId: string, columnId: string): void {
    this.command(blueprints.deleteBlueprintColumn, blueprintId, columnId);
  }

  /** Adds a custom lane at the end of a fixed lane's zone. */
  addBlueprintLane(blueprintId: string, input: { title: string; zone: BlueprintLane }): string {
    return this.command(blueprints.addBlueprintLane, blueprintId, input);
  }

  /** Renames a custom lane. */
  renameBlueprintLane(blueprintId: string, laneId: string, title: string): void {
    this.command(blueprints.renameBlueprintLane, blueprintId, laneId, title);
  }

  /** Deletes a custom lane with its process cards. */
  deleteBlueprintLane(blueprintId: string, laneId: string): void {
    this.command(blueprints.deleteBlueprintLane, blueprintId, laneId);
  }

  /** Adds a process card to a blueprint cell (column × lane: a fixed lane's name or a custom lane's id). */
  addProcessCard(blueprintId: string, input: { columnId: string; lane: string } & ProcessCardPatch): string {
    return this.command(blueprints.addProcessCard, blueprintId, input);
  }

  /** Edits a process card: text, actor kind, owner, system, pros and cons. */
  updateProcessCard(blueprintId: string, cardId: string, patch: ProcessCardPatch): void {
    this.command(blueprints.updateProcessCard, blueprintId, cardId, patch);
  }

  /** Replaces a process card's text. */
  setProcessCardText(blueprintId: string, cardId: string, text: string): void {
    this.command(blueprints.updateProcessCard, blueprintId, cardId, { text });
  }

  /** Moves a process card to another cell at `index`, or last. */
  moveProcessCard(
    blueprintId: string,
    cardId: string,
    to: { columnId: string; lane: string; index?: number },
  ): void {
    this.command(blueprints.moveProcessCard, blueprintId, cardId, to);
  }

  /** Deletes a process card and its handoffs. */
  deleteProcessCard(blueprintId: string, cardId: string): void {
    this.command(blueprints.deleteProcessCard, blueprintId, cardId);
  }

  /** Adds a handoff arrow from one process card to another. */
  addHandoff(blueprintId: string, from: string, to: string): string {
    return this.command(blueprints.addHandoff, blueprintId, from, to);
  }

  /** Removes a handoff arrow. */
  deleteHandoff(blueprintId: string, handoffId: string): void {
    this.command(blueprints.deleteHandoff, blueprintId, handoffId);
  }

  // ------------------------------------------------------------------ metrics (commands/metrics.ts)

  /** Attaches a metric to a journey stage. */
  addMetric(input: { journeyId: string; stageId: string; kind: string } & MetricPatch): string {
    return this.command(metrics.addMetric, input);
  }

  /** Edits a metric's fields. */
  updateMetric(id: string, patch: MetricPatch): void {
    this.command(metrics.updateMetric, id, patch);
  }

  /** Stores a metric's calculator inputs and the value computed from them; null forgets them. */
  setMetricInputs(id: string, inputs: MetricInputs | null): void {
    this.command(metrics.setMetricInputs, id, inputs);
  }

  /** Records a dated value; when it is the newest reading it also becomes the current value (the inputs are dropped). */
  addMetricReading(id: string, reading: { date: string; value: number }): void {
    this.command(metrics.addMetricReading, id, reading);
  }

  /** Replaces one reading (found by date and value); the newest reading's value becomes current. */
  updateMetricReading(id: string, reading: MetricReading, next: MetricReading): void {
    this.command(metrics.updateMetricReading, id, reading, next);
  }

  /** Deletes one reading (found by date and value). */
  deleteMetricReading(id: string, reading: MetricReading): void {
    this.command(metrics.deleteMetricReading, id, reading);
  }

  /** Imports readings all or nothing, in one undo step; a reading replaces those of its date. */
  importMetricReadings(id: string, readings: readonly MetricReading[]): void {
    this.command(metrics.importMetricReadings, id, readings);
  }

  /** Links a metric to the metric of its journey it drives (null unlinks); a loop is refused. */
  setMetricDrives(id: string, drives: string | null): void {
    this.command(metrics.setMetricDrives, id, drives);
  }

  /** Deletes a metric with its links (matrix rows, metrics it was driven by, CX index weight). */
  deleteMetric(id: string): void {
    this.command(metrics.deleteMetric, id);
  }

  // ------------------------------------------------------------------ AI-opportunity matrix (commands/matrices.ts)

  /** Adds an AI-opportunity matrix that follows a journey: one row per stage. */
  addMatrix(input: { journeyId: string; title?: string; x: number; y: number }): string {
    return this.command(matrices.addMatrix, input);
  }

  /** Moves or renames a matrix. */
  updateMatrix(id: string, patch: Partial<{ title: string; x: number; y: number }>): void {
    this.command(matrices.updateMatrix, id, patch);
  }

  /** Deletes a matrix and connectors attached to it. */
  deleteMatrix(id: string): void {
    this.command(matrices.deleteMatrix, id);
  }

  /** Writes one of the six text columns of a stage's row. */
  setMatrixCell(matrixId: string, stageId: string, column: MatrixColumn, text: string): void {
    this.command(matrices.setMatrixCell, matrixId, stageId, column, text);
  }

  /** Scores, flags, decision and metric link of a stage's row. */
  updateMatrixRow(matrixId: string, stageId: string, patch: matrices.MatrixRowPatch): void {
    this.command(matrices.updateMatrixRow, matrixId, stageId, patch);
  }
}

export type { BlueprintSnapshot, MatrixSnapshot, MetricSnapshot };

const NO_JOURNEYS: Readonly<Record<string, JourneySnapshot>> = dict();

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
  items: readonly Readonly<Record<string, unknown>>[],
): Record<string, ElementSnapshot> {
  const exists = (id: string | null) => !!id && items.some((records) => Object.hasOwn(records, id));
  const broken = Object.values(raw).filter(
    (e) =>
      (e.type === 'connector' && (!exists(e.from) || !exists(e.to))) ||
      (e.frameId !== null && own(raw, e.frameId)?.type !== 'frame'),
  );
  if (broken.length === 0) return raw;
  const out = Object.assign(dict<ElementSnapshot>(), raw);
  for (const e of broken) {
    if (e.type === 'connector' && (!exists(e.from) || !exists(e.to))) delete out[e.id];
    else out[e.id] = { ...e, frameId: null };
  }
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
