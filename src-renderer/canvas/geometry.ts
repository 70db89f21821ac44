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

/** The union of rectangles, or null for none. */
export function unionRect(rects: Iterable<{ x: number; y: number; width: number; height: number }>) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The viewport (translation and zoom) that shows `bounds` centred in a `width` × `height`
 * canvas with `padding` (a fraction of the canvas) around it, zoom clamped to [minZoom, maxZoom].
 */
export function fitViewport(
  bounds: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
  options: { padding: number; minZoom: number; maxZoom: number },
): { x: number; y: number; zoom: number } {
  const usableW = width * (1 - 2 * options.padding);
  const usableH = height * (1 - 2 * options.padding);
  const raw = Math.min(usableW / Math.max(bounds.width, 1), usableH / Math.max(bounds.height, 1));
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, raw));
  return {
    x: width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: height / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
}
