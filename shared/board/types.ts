import type { z } from 'zod';
import type { boardSnapshotSchema, RecordCollectionKey } from './records';

/**
 * Plain, immutable views of the board document. The renderer, exporters and tests read
 * these; only `BoardDoc` (this folder) touches the Yjs structures behind them. Each
 * record's type is derived from its definition in `records/`.
 */
export * from './records/blueprint';
export * from './records/element';
export * from './records/journey';
export * from './records/matrix';
export * from './records/maturity';
export * from './records/meta';
export * from './records/metric';
export * from './records/persona';
export type { LanePreset } from './presets';

/**
 * The whole board as plain data. Unchanged parts keep their identity between snapshots.
 * Collections are null-prototype objects: `journeys['constructor']` is undefined unless a
 * journey has that id.
 */
export type BoardSnapshot = z.infer<typeof boardSnapshotSchema>;

/** Root collections of the board; change events name the ones touched. */
export type BoardCollection = 'meta' | RecordCollectionKey;

/** What one transaction changed, for subscribers. */
export interface BoardChangeEvent {
  /** True when the change came from this BoardDoc's own commands (including undo/redo). */
  local: boolean;
  /** Name of the command that made a local change (e.g. 'addStage'), or 'remote'/'undo'/'redo'. */
  origin: string;
  /** Ids touched, per collection (the id of the element/journey/... that owns the change). */
  changed: Partial<Record<BoardCollection, string[]>>;
}
