import { useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardCommandError, type BoardDoc, type ElementType, type ShapeKind } from '../../shared/board';
import { useBoard, useSessionStore } from '../board/BoardContext';
import type { SessionStore, Tool } from '../board/sessionStore';
import { type FoundFrame, FRAME_KINDS, findFrame, frameSize } from '../frames/registry';
import type { FrameKind } from '../frames/types';
import { notify } from '../shell/notices';
import {
  boundsOf,
  type ClipboardContent,
  collectForCopy,
  parseClipboard,
  pasteOffset,
  serializeClipboard,
} from './clipboard';
import { type Point, snapPoint } from './geometry';
import { boardObstacles, freeSpot } from './placement';
import { canvasSelector, frameAt, framesOf, type Rect } from './viewModel';

/** Grid step of the snap-to-grid toggle and of the background dots, in flow units. */
export const GRID = 20;

/** What each creation tool adds, and its default size. */
export const CREATION_TOOLS: Partial<
  Record<Tool, { type: ElementType; width: number; height: number; shape?: ShapeKind; edit: boolean }>
> = {
  sticky: { type: 'sticky', width: 200, height: 200, edit: true },
  text: { type: 'text', width: 240, height: 60, edit: true },
  rectangle: { type: 'shape', width: 200, height: 120, shape: 'rectangle', edit: false },
  ellipse: { type: 'shape', width: 200, height: 120, shape: 'ellipse', edit: false },
  diamond: { type: 'shape', width: 160, height: 160, shape: 'diamond', edit: false },
  frame: { type: 'frame', width: 800, height: 600, edit: false },
};

/** Stickies, shapes and frames are filled with palette colours; text and connectors are inked. */
export function colorKindOf(type: ElementType): 'fill' | 'ink' {
  return type === 'text' || type === 'connector' ? 'ink' : 'fill';
}

export interface CanvasActions {
  /** The visible part of the board in flow coordinates. */
  viewRect(): Rect;
  createAt(tool: Tool, point: Point): string | null;
  createInView(tool: Tool): string | null;
  connect(from: string, to: string): string | null;
  /**
   * Creates a frame of `kind` through its creation tool's `add`, near the view and then moved
   * to free space, as one undo step; selects it. Returns its id, or null when refused.
   */
  createFrame(kind: FrameKind, add: (board: BoardDoc, at: Point) => string): string | null;
  deleteSelection(): void;
  /** Duplicates the selection (elements and frames with all their content) into free space. */
  duplicateSelection(): void;
  nudgeSelection(dx: number, dy: number): void;
  selectAll(): void;
  /** The selection as clipboard text (elements and frames), or null when nothing is selected. */
  copySelection(): string | null;
  cutSelection(): string | null;
  /** Pastes clipboard text: our items (checked; placed in free space) or plain text as a sticky. */
  paste(text: string): void;
  undo(): void;
  redo(): void;
  editSelection(): void;
  /** Recolours the selected elements that take this kind of colour (fills or ink). */
  recolor(color: string, kind: 'fill' | 'ink'): void;
  setShape(shape: ShapeKind): void;
  bringToFront(): void;
}

/** Reports a refused command to the user instead of letting it escape an event handler. */
function attempt<T>(fn: () => T, failMessage: string): T | null {
  try {
    return fn();
  } catch (error) {
    if (error instanceof BoardCommandError) {
      notify(failMessage, 'error');
      return null;
    }
    throw error;
  }
}

function selectedIn(board: BoardDoc, session: SessionStore) {
  const snap = board.snapshot();
  const ids = session.getState().selection;
  return {
    snap,
    elements: ids.filter((id) => Object.hasOwn(snap.elements, id)),
    frames: ids.map((id) => findFrame(snap, id)).filter((f): f is FoundFrame => f !== null),
  };
}

/**
 * Adds copied items (from the clipboard, or the selection for a duplicate) with fresh ids as
 * one undo step: frames through their kind's `paste`, then the elements, connectors to a
 * copied frame following it. The group lands in the free space nearest to `preferred` (its
 * top-left corner). Returns the new ids. Throws BoardCommandError when the board refuses.
 */
export function insertCopies(
  board: BoardDoc,
  content: ClipboardContent,
  preferred: Point,
  name: string,
  kinds: readonly FrameKind[] = FRAME_KINDS,
): string[] {
  const bounds = boundsOf(content);
  if (!bounds) return [];
  const holdsFrames = content.frames.length > 0 || content.elements.some((e) => e.type === 'frame');
  const obstacles = boardObstacles(canvasSelector(kinds)(board.snapshot()), holdsFrames);
  const spot = freeSpot(bounds, preferred, obstacles);
  const dx = spot.x - bounds.x;
  const dy = spot.y - bounds.y;
  const ids: string[] = [];
  board.batch(name, () => {
    const newIds = new Map<string, string>();
    // Kinds in registry order: a frame that follows another one is pasted after it.
    const frames = [...content.frames].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
    for (const { kind, record } of frames) {
      const id = kind.paste(board, record, { x: record.x + dx, y: record.y + dy }, newIds);
      newIds.set(record.id, id);
      ids.push(id);
    }
    const end = (id: string | null) => (id !== null ? (newIds.get(id) ?? id) : null);
    const elements = content.elements.map((el) =>
      el.type === 'connector' ? { ...el, from: end(el.from), to: end(el.to) } : el,
    );
    if (elements.length > 0) ids.push(...board.pasteElements(elements, { dx, dy }));
  });
  return ids;
}

/** What the canvas commands work on; `viewRect` and `t` come from React Flow and i18next in the app. */
export interface CanvasActionDeps {
  board: BoardDoc;
  session: SessionStore;
  /** The visible part of the board in flow coordinates. */
  viewRect(): Rect;
  /** Translates the messages of refused commands. */
  t(key: string): string;
}

/**
 * The user's canvas commands over a board and its session, without React: the action
 * registry (src-renderer/actions) calls them, and tests run them against a real BoardDoc.
 */
export function createCanvasActions({ board, session, viewRect, t }: CanvasActionDeps): CanvasActions {
  const pasteRepeat = { text: '', count: 0 };
  const createAt = (tool: Tool, point: Point): string | null => {
    const spec = CREATION_TOOLS[tool];
    if (!spec) return null;
    const state = session.getState();
    const topLeft = snapPoint(
      { x: point.x - spec.width / 2, y: point.y - spec.height / 2 },
      state.snapToGrid ? GRID : null,
    );
    const rect = { ...topLeft, width: spec.width, height: spec.height };
    const frameId = spec.type === 'frame' ? null : frameAt(framesOf(board.snapshot()), rect);
    const style =
      spec.type === 'sticky' ? { color: state.stickyColor } : spec.shape ? { shape: spec.shape } : undefined;
    const id = attempt(
      () => board.addElement({ type: spec.type, ...rect, frameId, ...(style ? { style } : {}) }),
      t('canvas.error.create'),
    );
    if (!id) return null;
    state.setTool('select');
    state.setSelection([id]);
    state.setEditing(spec.edit ? id : null);
    return id;
  };

  const selectAll = () => {
    const snap = board.snapshot();
    const frameIds = FRAME_KINDS.flatMap((kind) => Object.keys(kind.records(snap)));
    session.getState().setSelection([...snap.elementOrder, ...frameIds]);
  };

  const copySelection = (): string | null => {
    const content = collectForCopy(board.snapshot(), session.getState().selection);
    return content.elements.length + content.frames.length > 0 ? serializeClipboard(content) : null;
  };

  const deleteSelection = () => {
    const { elements, frames } = selectedIn(board, session);
    if (elements.length + frames.length === 0) return;
    board.batch('deleteSelection', () => {
      if (elements.length > 0) board.deleteElements(elements);
      for (const { kind, record } of frames) kind.remove(board, record.id);
    });
    session.getState().setSelection([]);
  };

  return {
    viewRect,
    createAt,
    createInView(tool) {
      const spec = CREATION_TOOLS[tool];
      if (!spec) return null;
      // No point was chosen: the middle of the view, or the free space nearest to it.
      const view = viewRect();
      const corner = freeSpot(
        spec,
        { x: view.x + view.width / 2 - spec.width / 2, y: view.y + view.height / 2 - spec.height / 2 },
        boardObstacles(canvasSelector()(board.snapshot()), spec.type === 'frame'),
      );
      return createAt(tool, { x: corner.x + spec.width / 2, y: corner.y + spec.height / 2 });
    },
    createFrame(kind, add) {
      const view = viewRect();
      const preferred = {
        x: Math.round(view.x + view.width * 0.1),
        y: Math.round(view.y + view.height * 0.1),
      };
      let id: string | null = null;
      attempt(
        () =>
          board.batch('createFrame', () => {
            const created = add(board, preferred);
            const full = board.snapshot();
            const snap = canvasSelector()(full);
            const record = kind.records(full)[created];
            if (record) {
              const obstacles = boardObstacles(
                {
                  ...snap,
                  frames: snap.frames.map((f) => ({ ...f, records: withoutKey(f.records, created) })),
                },
                true,
              );
              // Near where `add` put it (in view, or beside the frame it belongs to).
              const spot = freeSpot(frameSize(kind, record), { x: record.x, y: record.y }, obstacles);
              if (spot.x !== record.x || spot.y !== record.y) kind.moveTo(board, created, spot);
            }
            id = created;
          }),
        t('canvas.error.create'),
      );
      if (id) session.getState().setSelection([id]);
      return id;
    },
    connect(from, to) {
      if (from === to) return null;
      const id = attempt(
        () => board.addElement({ type: 'connector', x: 0, y: 0, from, to }),
        t('canvas.error.connect'),
      );
      if (id) {
        const state = session.getState();
        state.setConnectFrom(null);
        state.setTool('select');
        state.setSelection([id]);
      }
      return id;
    },
    deleteSelection,
    duplicateSelection() {
      const content = collectForCopy(board.snapshot(), session.getState().selection);
      const bounds = boundsOf(content);
      if (!bounds) return;
      // The copy goes to the free space nearest to the original (beside or below it).
      const ids = attempt(
        () => insertCopies(board, content, bounds, 'duplicate'),
        t('canvas.error.duplicate'),
      );
      if (ids) session.getState().setSelection(ids);
    },
    nudgeSelection(dx, dy) {
      const { snap, elements, frames } = selectedIn(board, session);
      const moves = elements
        .map((id) => snap.elements[id]!)
        .filter((el) => el.type !== 'connector')
        .map((el) => ({ id: el.id, x: el.x + dx, y: el.y + dy }));
      if (moves.length + frames.length === 0) return;
      attempt(
        () =>
          board.batch('nudge', () => {
            if (moves.length > 0) board.moveElements(moves);
            for (const { kind, record } of frames)
              kind.moveTo(board, record.id, { x: record.x + dx, y: record.y + dy });
          }),
        t('canvas.error.move'),
      );
    },
    selectAll,
    copySelection,
    cutSelection() {
      const text = copySelection();
      if (text) deleteSelection();
      return text;
    },
    paste(text) {
      const read = parseClipboard(text);
      if (read.kind === 'invalid') {
        notify(t(read.reason === 'too-many' ? 'canvas.paste.tooMany' : 'canvas.paste.invalid'), 'error');
        return;
      }
      if (read.kind === 'text') {
        const content = read.text.trim();
        if (!content) return;
        const view = viewRect();
        const id = attempt(
          () =>
            board.addElement({
              type: 'sticky',
              x: view.x + view.width / 2 - 100,
              y: view.y + view.height / 2 - 100,
              text: content.slice(0, 10_000),
              style: { color: session.getState().stickyColor },
            }),
          t('canvas.error.create'),
        );
        if (id) session.getState().setSelection([id]);
        return;
      }
      const bounds = boundsOf(read.content);
      if (!bounds) return;
      const repeat = pasteRepeat.text === text ? pasteRepeat.count + 1 : 1;
      pasteRepeat.text = text;
      pasteRepeat.count = repeat;
      const offset = pasteOffset(bounds, viewRect(), repeat);
      const ids = attempt(
        () =>
          insertCopies(board, read.content, { x: bounds.x + offset.dx, y: bounds.y + offset.dy }, 'paste'),
        t('canvas.paste.invalid'),
      );
      if (ids) session.getState().setSelection(ids);
    },
    undo() {
      session.getState().setEditing(null);
      board.history.undo();
    },
    redo() {
      session.getState().setEditing(null);
      board.history.redo();
    },
    editSelection() {
      const { elements } = selectedIn(board, session);
      if (elements.length === 1) session.getState().setEditing(elements[0]!);
    },
    recolor(color, kind) {
      const { snap, elements } = selectedIn(board, session);
      const targets = elements.filter((id) => {
        const type = snap.elements[id]?.type;
        return type !== undefined && colorKindOf(type) === kind;
      });
      if (targets.length === 0) return;
      board.batch('recolor', () => {
        for (const id of targets) board.updateElement(id, { style: { color } });
      });
      if (targets.some((id) => snap.elements[id]?.type === 'sticky'))
        session.getState().setStickyColor(color);
    },
    setShape(shape) {
      const { snap, elements } = selectedIn(board, session);
      const shapes = elements.filter((id) => snap.elements[id]?.type === 'shape');
      if (shapes.length === 0) return;
      board.batch('setShape', () => {
        for (const id of shapes) board.updateElement(id, { style: { shape } });
      });
    },
    bringToFront() {
      const { elements } = selectedIn(board, session);
      if (elements.length > 0) board.bringToFront(elements);
    },
  };
}

/**
 * The canvas commands of the board on screen, shared by the action registry, the style panel
 * and the frames. Must be used inside the board's ReactFlowProvider.
 */
export function useCanvasActions(): CanvasActions {
  const board = useBoard();
  const session = useSessionStore();
  const flowStore = useStoreApi();
  const { t } = useTranslation();
  return useMemo(
    () =>
      createCanvasActions({
        board,
        session,
        t,
        viewRect() {
          const { width, height, transform } = flowStore.getState();
          const [tx, ty, zoom] = transform;
          return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
        },
      }),
    [board, session, flowStore, t],
  );
}

/** A copy of `records` without `id` (own keys only). */
function withoutKey<T>(records: Readonly<Record<string, T>>, id: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(records)) if (key !== id) out[key] = value;
  return out;
}
