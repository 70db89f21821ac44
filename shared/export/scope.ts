import type { BoardSnapshot, ElementSnapshot, JourneySnapshot, MatrixSnapshot } from '../board';

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
