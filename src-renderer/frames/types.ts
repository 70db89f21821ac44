import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { BoardDoc, BoardSnapshot } from '../../shared/board';

/**
 * What a frame kind tells the canvas. A frame (journey map; later blueprint, AI matrix,
 * persona, metric board) is one React Flow node with its own internal layout; the canvas
 * draws, moves, deletes, copies, pastes and places frames only through this description,
 * so it names no kind. Each kind lives in its own folder and is listed once in `registry.ts`.
 */

/** The fields every frame record has: an id and the canvas position of its top-left corner. */
export interface FrameRecord {
  id: string;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Props of a kind's drawings (detailed and far-zoom). */
export interface FrameDrawingProps<R extends FrameRecord> {
  record: R;
  selected: boolean;
}

/** Props of a kind's creation tool (a toolbar control). */
export interface FrameCreateToolProps {
  /**
   * Creates a frame: `add` writes the record with its top-left corner at `at` and returns its
   * id; the canvas chooses `at` (near the view) and then moves the new frame to free space,
   * all as one undo step, and selects it. Returns the id, or null when the board refused.
   */
  create(add: (board: BoardDoc, at: { x: number; y: number }) => string): string | null;
  /** Class of the toolbar button. */
  className: string;
}

export interface FrameKind<R extends FrameRecord = FrameRecord> {
  /** React Flow node type, and the kind's name on the clipboard. */
  readonly type: string;
  /** The records of this kind in a snapshot (look ids up with `Object.hasOwn` only). */
  records(snapshot: BoardSnapshot): Readonly<Record<string, R>>;
  /**
   * Gives unchanged parts of a new record the identity they had in the previous one, so
   * memoised parts of the drawing skip rendering (optional).
   */
  stabilize?(previous: R | undefined, next: R): R;
  /** The node's size now, before React Flow has measured it (initial size, fit, placement). */
  sizeOf(record: R): Size;
  /** Rough cost of drawing it in detail, in stickies (level-of-detail scheduling). */
  detailWeight(record: R): number;
  /** The drawing at working zoom. */
  Detailed: ComponentType<FrameDrawingProps<R>>;
  /** The drawing below the canvas's FAR_ZOOM: one cheap picture, nothing focusable. */
  Far: ComponentType<FrameDrawingProps<R>>;
  /** The node's accessible name, in the current language. */
  label(record: R, t: TFunction): string;
  /** Fill of the frame in the minimap. */
  readonly minimapColor: string;
  /** Moves the frame (drag end, nudge, placement). Throws BoardCommandError when refused. */
  moveTo(board: BoardDoc, id: string, at: { x: number; y: number }): void;
  /** Deletes the frame with what hangs on it. */
  remove(board: BoardDoc, id: string): void;
  /** The toolbar control that creates frames of this kind (optional). */
  CreateTool?: ComponentType<FrameCreateToolProps>;
  /**
   * Reads a record from the clipboard (untrusted: another board, another app version, a
   * forged payload): the record in this kind's shape, within every limit the board's
   * commands enforce, or null. `paste` must never be refused for what `parse` accepted.
   */
  parse(raw: unknown): R | null;
  /**
   * Adds a copy of `record` (from this board or another one) at `at`, with fresh ids, using
   * the board's public commands. Runs inside the caller's batch. Returns the new id.
   * `pasted` maps the ids of frames pasted before it in the same batch (kinds are pasted in
   * registry order) to their copies, so a frame that follows another (an AI matrix its
   * journey) can follow the copy.
   */
  paste(
    board: BoardDoc,
    record: R,
    at: { x: number; y: number },
    pasted: ReadonlyMap<string, string>,
  ): string;
}

/**
 * Declares a frame kind. The registry keeps kinds without their record type, so this is
 * where a kind's own type is checked and then erased.
 */
export function defineFrameKind<R extends FrameRecord>(kind: FrameKind<R>): FrameKind {
  return kind as unknown as FrameKind;
}
