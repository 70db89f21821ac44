import type { Rect } from './viewModel';

export interface Point {
  x: number;
  y: number;
}

export function centerOf(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/**
 * Where the straight line from the centre of `rect` towards `toward` leaves the rectangle.
 * Connectors are drawn between these points, so they meet each outline wherever the other
 * item is, instead of at a fixed handle.
 */
export function borderPoint(rect: Rect, toward: Point): Point {
  const c = centerOf(rect);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const halfW = rect.width / 2;
  const halfH = rect.height / 2;
  // Scale the direction so it just touches the nearer pair of sides.
  const scale = Math.min(
    dx === 0 ? Infinity : halfW / Math.abs(dx),
    dy === 0 ? Infinity : halfH / Math.abs(dy),
  );
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/** True when the two rectangles overlap (touching counts). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** Rounds a position to the grid when snapping is on. */
export function snapPoint(point: Point, grid: number | null): Point {
  if (!grid) return point;
  return { x: Math.round(point.x / grid) * grid, y: Math.round(point.y / grid) * grid };
}
