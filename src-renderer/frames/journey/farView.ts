import type { JourneySnapshot, MetricSnapshot, MomentType } from '../../../shared/board';
import { metricStatus } from '../../../shared/metrics';
import { emotionBand, emotionPath, emotionToY } from './emotionCurve';
import { isCardLane, JOURNEY_METRICS, type JourneyLayout } from './layout';
import { colorClass } from './palette';

/**
 * What a journey frame draws when the canvas is zoomed far out (below the canvas's
 * FAR_ZOOM): its grid, cards as coloured blocks, moments of truth as blocks coloured by
 * type and the emotion curve, all as a handful of SVG paths in the frame's exact layout.
 * Text there would be a few pixels high; a couple of paths per colour instead of a DOM
 * subtree per card keeps a board of thousands of cards cheap to pan and zoom.
 */

/** Rectangles of one colour, drawn as one path. */
export interface FarShapes {
  key: string;
  /** Its colour class (`jm-c-<name>`, `jm-far-card`, `jm-far-moment-<type>`), or '' when `fill` is set. */
  className: string;
  /** A validated `#rrggbb` fill for colours outside the palette. */
  fill?: string;
  d: string;
}

export interface FarArt {
  /** The stage header row and the lane header column. */
  headers: string;
  /** Cell borders: a line after every stage column and under every lane. */
  grid: string;
  /** Cards grouped by colour. */
  cards: FarShapes[];
  /** Moments of truth grouped by type. */
  moments: FarShapes[];
  /** The emotion lane's neutral line and its curves (as-is, then to-be when it has points). */
  emotion: { zero: string; curves: { series: 'asIs' | 'toBe'; d: string }[] } | null;
}

const HEX = /^#[0-9a-f]{6}$/i;
const n = (value: number): string => String(Math.round(value * 10) / 10);

/** SVG path data of a rectangle. */
export function rectPath(x: number, y: number, width: number, height: number): string {
  return `M${n(x)},${n(y)}h${n(width)}v${n(height)}h${n(-width)}z`;
}

/** The shapes of a journey frame at far zoom, from its snapshot and layout. */
export function farArt(journey: JourneySnapshot, layout: JourneyLayout): FarArt {
  const m = JOURNEY_METRICS;
  const gridRight = (layout.columns.at(-1)?.x ?? layout.gridLeft) + m.stageWidth;
  const blockWidth = m.stageWidth - m.cellPadding * 2;

  const headers =
    rectPath(layout.gridLeft, layout.stageHeaderY, gridRight - layout.gridLeft, m.stageHeaderHeight) +
    rectPath(m.padding, layout.lanesTop, m.laneHeaderWidth, layout.lanesBottom - layout.lanesTop);

  let grid = '';
  for (const column of layout.columns) {
    grid += `M${n(column.x + m.stageWidth)},${n(layout.stageHeaderY)}V${n(layout.lanesBottom)}`;
  }
  for (const lane of layout.lanes) {
    grid += `M${n(m.padding)},${n(lane.y + lane.height)}H${n(gridRight)}`;
  }

  const cards = new Map<string, FarShapes>();
  const moments = new Map<MomentType, FarShapes>();
  let emotion: FarArt['emotion'] = null;
  for (const lane of layout.lanes) {
    if (lane.type === 'emotions') emotion = emotionArt(journey, layout, lane.y, lane.height);
    if (!isCardLane(lane.type)) continue;
    const stride = m.cardHeight + m.cardGap;
    for (const column of layout.columns) {
      const x = column.x + m.cellPadding;
      const top = lane.y + m.cellPadding;
      const list = journey.cells[`${column.stageId}:${lane.laneId}`] ?? [];
      list.forEach((card, i) => {
        const palette = colorClass(card.color);
        const fill = !palette && HEX.test(card.color) ? card.color.toLowerCase() : undefined;
        // A palette class, an own fill, or the default card colour for anything else.
        const className = palette || (fill ? '' : 'jm-far-card');
        const key = fill ?? className;
        const shapes = cards.get(key) ?? { key, className, fill, d: '' };
        shapes.d += rectPath(x, top + i * stride, blockWidth, m.cardHeight);
        cards.set(key, shapes);
      });
    }
  }

  const momentsLane = layout.lanes.find((l) => l.type === 'moments');
  if (momentsLane) {
    const columnOf = new Map(layout.columns.map((c) => [c.stageId, c.x]));
    const indexInStage = new Map<string, number>();
    for (const moment of journey.moments) {
      const x = columnOf.get(moment.stageId);
      if (x === undefined) continue;
      const i = indexInStage.get(moment.stageId) ?? 0;
      indexInStage.set(moment.stageId, i + 1);
      const y = momentsLane.y + m.cellPadding + i * (m.momentHeight + m.momentGap);
      const shapes = moments.get(moment.type) ?? {
        key: moment.type,
        className: `jm-far-moment-${moment.type}`,
        d: '',
      };
      shapes.d += rectPath(x + m.cellPadding, y, blockWidth, m.momentHeight);
      moments.set(moment.type, shapes);
    }
  }

  return { headers, grid, cards: [...cards.values()], moments: [...moments.values()], emotion };
}

function emotionArt(
  journey: JourneySnapshot,
  layout: JourneyLayout,
  y: number,
  height: number,
): NonNullable<FarArt['emotion']> {
  const m = JOURNEY_METRICS;
  const band = emotionBand(height);
  const left = layout.columns[0]?.x ?? layout.gridLeft;
  const right = left + Math.max(1, journey.stages.length) * m.stageWidth;
  const zeroY = y + emotionToY(0, band);
  const curves: { series: 'asIs' | 'toBe'; d: string }[] = [];
  for (const series of ['asIs', 'toBe'] as const) {
    const points = journey.stages.map((stage, i) => {
      const value = stage.emotion[series];
      return value === null
        ? null
        : { x: left + i * m.stageWidth + m.stageWidth / 2, y: y + emotionToY(value, band) };
    });
    const d = emotionPath(points);
    if (d) curves.push({ series, d });
  }
  return { zero: `M${n(left)},${n(zeroY)}H${n(right)}`, curves };
}

/**
 * `text` broken at spaces into at most `lines` lines of about `perLine` characters; a word
 * longer than a line is cut, and what does not fit ends the last line with "…".
 */
export function wrapLabel(text: string, perLine: number, lines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) {
      line = next;
      continue;
    }
    if (line) out.push(line);
    line = word;
    if (out.length === lines) break;
  }
  if (out.length < lines && line) out.push(line);
  const shown = out.slice(0, lines);
  const complete = shown.join(' ') === words.join(' ');
  return shown.map((l, i) => {
    const last = i === shown.length - 1;
    if (l.length > perLine || (last && !complete))
      return `${l.slice(0, Math.max(1, perLine - 1)).trimEnd()}…`;
    return l;
  });
}

/**
 * The stages' metric chips at far zoom: one block per chip in its status colour
 * (`sm-far-<status>`), grouped into one path per status, in the chips lane of `layout`.
 */
export function farMetricChips(
  layout: JourneyLayout,
  byStage: ReadonlyMap<string, readonly MetricSnapshot[]>,
): FarShapes[] {
  const m = JOURNEY_METRICS;
  const lane = layout.lanes.find((l) => l.laneId === layout.metricsLaneId);
  if (!lane) return [];
  const paths = new Map<string, string>();
  for (const column of layout.columns) {
    const metrics = byStage.get(column.stageId) ?? [];
    metrics.forEach((metric, i) => {
      const status = metricStatus(metric.kind, metric.current, metric.target);
      const y = lane.y + m.cellPadding + i * (m.chipHeight + m.chipGap);
      const d = rectPath(column.x + m.cellPadding, y, m.stageWidth - m.cellPadding * 2, m.chipHeight);
      paths.set(status, (paths.get(status) ?? '') + d);
    });
  }
  return [...paths].map(([status, d]) => ({ key: status, className: `sm-far-${status}`, d }));
}
