import type { BoardSnapshot, ElementSnapshot, JourneySnapshot, MatrixSnapshot } from '../board';
import { matricesOf } from '../matrix';

/** Whether a point lies inside a frame element's rectangle (edges included). */
function inside(frame: ElementSnapshot, x: number, y: number): boolean {
  return x >= frame.x && x <= frame.x + frame.width && y >= frame.y && y <= frame.y + frame.height;
}

/** Frames of a board (the `frame` free elements), top to bottom, left to right. */
export function framesOf(board: BoardSnapshot): ElementSnapshot[] {
  return Object.values(board.elements)
    .filter((e) => e.type === 'frame')
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));
}

export type FrameLookup =
  | { ok: true; frame: ElementSnapshot }
  | { ok: false; reason: 'not-found' | 'ambiguous' };

/**
 * The frame named by `query`: its id, else its title (trimmed, case-insensitive). Two frames
 * with that title are ambiguous (the caller asks for the id).
 */
export function findFrame(board: BoardSnapshot, query: string): FrameLookup {
  const frames = framesOf(board);
  const byId = frames.find((f) => f.id === query);
  if (byId) return { ok: true, frame: byId };
  const wanted = query.trim().toLocaleLowerCase();
  const named = frames.filter((f) => f.text.trim().toLocaleLowerCase() === wanted);
  if (named.length === 1) return { ok: true, frame: named[0]! };
  return { ok: false, reason: named.length === 0 ? 'not-found' : 'ambiguous' };
}

/** Reading order on the board: top to bottom, then left to right. */
function byPosition(
  a: { x: number; y: number; id: string },
  b: { x: number; y: number; id: string },
): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The journeys placed in a frame (their top-left corner inside it; a structured frame such as
 * a journey map is placed by that corner), in reading order.
 */
export function journeysInFrame(board: BoardSnapshot, frame: ElementSnapshot): JourneySnapshot[] {
  return Object.values(board.journeys)
    .filter((j) => inside(frame, j.x, j.y))
    .sort(byPosition);
}

/**
 * The matrices a frame exports: those placed in it, and those of journeys placed in it (a
 * workshop frame holds the map, the matrix may sit beside it), in reading order.
 */
export function matricesInFrame(board: BoardSnapshot, frame: ElementSnapshot): MatrixSnapshot[] {
  const journeys = new Set(journeysInFrame(board, frame).map((j) => j.id));
  return Object.values(board.matrices)
    .filter((m) => Object.hasOwn(board.journeys, m.journeyId))
    .filter((m) => inside(frame, m.x, m.y) || journeys.has(m.journeyId))
    .sort(byPosition);
}

/** What an export covers: the whole board, one item (a frame of any kind), or a selection. */
export type ExportScopeIds =
  | { kind: 'board' }
  | { kind: 'frame'; id: string }
  | { kind: 'selection'; ids: readonly string[] };

/**
 * The matrices and journeys a spreadsheet export of `scope` covers: a matrix itself; a journey
 * and its matrices; a free frame's journeys and matrices (placed in it); the whole board's.
 * Ids are untrusted keys (own keys only); each list in reading order, without repeats.
 */
export function spreadsheetScope(
  board: BoardSnapshot,
  scope: ExportScopeIds,
): { matrices: MatrixSnapshot[]; journeys: JourneySnapshot[] } {
  if (scope.kind === 'board')
    return { matrices: matricesOf(board), journeys: Object.values(board.journeys).sort(byPosition) };
  const ids = scope.kind === 'frame' ? [scope.id] : scope.ids;
  const matrices = new Map<string, MatrixSnapshot>();
  const journeys = new Map<string, JourneySnapshot>();
  const live = (m: MatrixSnapshot) => Object.hasOwn(board.journeys, m.journeyId);
  for (const id of ids) {
    if (Object.hasOwn(board.matrices, id) && live(board.matrices[id]!)) matrices.set(id, board.matrices[id]!);
    else if (Object.hasOwn(board.journeys, id)) {
      journeys.set(id, board.journeys[id]!);
      for (const m of Object.values(board.matrices)) if (m.journeyId === id) matrices.set(m.id, m);
    } else if (Object.hasOwn(board.elements, id) && board.elements[id]!.type === 'frame') {
      const frame = board.elements[id]!;
      for (const j of journeysInFrame(board, frame)) journeys.set(j.id, j);
      for (const m of matricesInFrame(board, frame)) matrices.set(m.id, m);
    }
  }
  return {
    matrices: [...matrices.values()].sort(byPosition),
    journeys: [...journeys.values()].sort(byPosition),
  };
}
