import { frameSize } from '../frames/registry';
import type { Point } from './geometry';
import { allFrames, type CanvasSnapshot, type Rect } from './viewModel';

/**
 * Where new things land: a new map or frame, a duplicate, a paste. They go to the free spot
 * nearest to where the user expects them, so nothing is dropped on top of existing work
 * (a new reverse CJM used to land on the map already there; Ctrl+D put the copy 20 px over
 * the original).
 */

/** Space kept between a placed box and its neighbours, in flow units. */
export const PLACEMENT_GAP = 40;

/** True when the two boxes, each grown by `gap`/2 on every side, overlap. */
function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/**
 * The top-left corner nearest to `preferred` (straight-line distance) where a box of `size`
 * overlaps none of `obstacles` and keeps `gap` from each. Pure.
 *
 * Candidates are the preferred corner and the corners that put the box flush beside an
 * obstacle (right of, below, left of, above it; in line with the preferred corner or with the
 * obstacle's own edge). The nearest free one wins. One candidate is always free: right of
 * everything, in line with the preferred corner. Cost O(n²) in the obstacles, a few
 * milliseconds for thousands, once per user action.
 */
export function freeSpot(
  size: { width: number; height: number },
  preferred: Point,
  obstacles: readonly Rect[],
  gap = PLACEMENT_GAP,
): Point {
  const box = (p: Point): Rect => ({ x: p.x, y: p.y, width: size.width, height: size.height });
  const isFree = (p: Point) => !obstacles.some((o) => overlaps(box(p), o, gap));
  const start = { x: Math.round(preferred.x), y: Math.round(preferred.y) };
  if (isFree(start)) return start;

  const candidates: Point[] = [];
  const add = (x: number, y: number) => candidates.push({ x: Math.round(x), y: Math.round(y) });
  for (const o of obstacles) {
    const right = Math.ceil(o.x + o.width + gap);
    const below = Math.ceil(o.y + o.height + gap);
    const left = Math.floor(o.x - gap - size.width);
    const above = Math.floor(o.y - gap - size.height);
    add(right, start.y);
    add(left, start.y);
    add(start.x, below);
    add(start.x, above);
    add(right, o.y);
    add(o.x, below);
    add(left, o.y);
    add(o.x, above);
  }
  const distance = (p: Point) => (p.x - start.x) ** 2 + (p.y - start.y) ** 2;
  candidates.sort((a, b) => distance(a) - distance(b));
  // Never undefined: right of the rightmost obstacle, in line with `start`, is a free candidate.
  return candidates.find(isFree)!;
}

/**
 * The boxes on the board that new items keep clear of: every element and frame. Free frame
 * elements count only when `frameElements` is set: a sticky may land inside a frame, a frame
 * or a map may not. Connectors have no box.
 */
export function boardObstacles(snapshot: CanvasSnapshot, frameElements: boolean): Rect[] {
  const rects: Rect[] = [];
  for (const id of snapshot.elementOrder) {
    const el = snapshot.elements[id];
    if (!el || el.type === 'connector' || (el.type === 'frame' && !frameElements)) continue;
    rects.push({ x: el.x, y: el.y, width: el.width, height: el.height });
  }
  for (const [kind, record] of allFrames(snapshot))
    rects.push({ x: record.x, y: record.y, ...frameSize(kind, record) });
  return rects;
}
