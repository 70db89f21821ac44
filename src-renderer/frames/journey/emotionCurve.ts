import { EMOTION_MAX, EMOTION_MIN } from '../../../shared/board';

/**
 * The emotion lane's geometry: score ↔ vertical position, snapping, and the curve drawn
 * through the per-stage points. Scores run from EMOTION_MIN (−2, bottom) to EMOTION_MAX
 * (+2, top) and snap to halves: fine enough to tell "a bit better" from "better", coarse
 * enough that a point dragged by hand lands on a value people can read and discuss.
 */

/** Step of the emotion scale (snapping, arrow keys). */
export const EMOTION_STEP = 0.5;

/** Clamps to −2..+2 and snaps to the nearest half. */
export function snapEmotion(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const snapped = Math.round(value / EMOTION_STEP) * EMOTION_STEP;
  // `+ 0` turns −0 into 0 so "0" never prints as "-0".
  return Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, snapped)) + 0;
}

/** Vertical band of the chart, in the lane's coordinates. */
export interface ChartBand {
  top: number;
  height: number;
}

/** Space above +2 and below −2 inside the emotion lane, for the points and scale labels. */
const BAND_MARGIN = 18;

/** The chart band of an emotion lane `height` units tall. */
export function emotionBand(height: number): ChartBand {
  return { top: BAND_MARGIN, height: height - BAND_MARGIN * 2 };
}

/** y of a score: +2 at the band's top, −2 at its bottom. */
export function emotionToY(value: number, band: ChartBand): number {
  const clamped = Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, value));
  return band.top + ((EMOTION_MAX - clamped) / (EMOTION_MAX - EMOTION_MIN)) * band.height;
}

/** The snapped score at a y position (outside the band clamps to the ends). */
export function yToEmotion(y: number, band: ChartBand): number {
  const ratio = band.height > 0 ? (y - band.top) / band.height : 0.5;
  return snapEmotion(EMOTION_MAX - ratio * (EMOTION_MAX - EMOTION_MIN));
}

/**
 * The score after a keyboard step from `current`: an unset point starts from the neutral 0
 * (so the first key press sets a value next to neutral), and steps stop at the ends.
 */
export function stepEmotion(current: number | null, steps: number): number {
  return snapEmotion((current ?? 0) + steps * EMOTION_STEP);
}

export interface Point {
  x: number;
  y: number;
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * Tangents of a monotone cubic through `points` (Fritsch–Carlson, as d3's curveMonotoneX):
 * the curve never overshoots between two neighbours, so it stays inside −2..+2 and a flat
 * stretch stays flat.
 */
function monotoneTangents(points: readonly Point[]): number[] {
  const n = points.length;
  const secants: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    secants.push(b.x !== a.x ? (b.y - a.y) / (b.x - a.x) : 0);
  }
  const tangents: number[] = new Array(n).fill(0);
  if (n < 2) return tangents;
  tangents[0] = secants[0]!;
  tangents[n - 1] = secants[n - 2]!;
  for (let i = 1; i < n - 1; i++) {
    const s0 = secants[i - 1]!;
    const s1 = secants[i]!;
    if (s0 * s1 <= 0) {
      tangents[i] = 0; // a local extreme: flat tangent, no overshoot
    } else {
      const h0 = points[i]!.x - points[i - 1]!.x;
      const h1 = points[i + 1]!.x - points[i]!.x;
      const p = (s0 * h1 + s1 * h0) / (h0 + h1);
      // At most twice the smaller secant: well inside the 3× bound that keeps it monotone.
      tangents[i] = Math.sign(s0) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) * 2;
    }
  }
  return tangents;
}

/** SVG path data for one run of consecutive points. */
function runPath(points: readonly Point[]): string {
  const first = points[0]!;
  if (points.length === 1) return `M${fmt(first.x)},${fmt(first.y)}`;
  const t = monotoneTangents(points);
  let d = `M${fmt(first.x)},${fmt(first.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const h = (b.x - a.x) / 3;
    d += `C${fmt(a.x + h)},${fmt(a.y + t[i]! * h)},${fmt(b.x - h)},${fmt(b.y - t[i + 1]! * h)},${fmt(b.x)},${fmt(b.y)}`;
  }
  return d;
}

/**
 * Path data of the curve through per-stage points, left to right. An unset stage (null)
 * breaks the curve: a gap says "not measured", where a line across it would invent a value.
 * A run of one point draws nothing (the point marker shows it).
 */
export function emotionPath(points: readonly (Point | null)[]): string {
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (const point of points) {
    if (point) {
      run.push(point);
    } else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs
    .filter((r) => r.length > 1)
    .map(runPath)
    .join('');
}

/** A signed, readable score ("+1.5", "0", "−2"). */
export function formatEmotion(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  return `${value > 0 ? '+' : '−'}${Number.isInteger(abs) ? abs : abs.toFixed(1)}`;
}
