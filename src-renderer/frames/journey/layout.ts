import type { JourneySnapshot, LaneSnapshot, LaneType } from '../../../shared/board';

/**
 * Layout of a journey-map frame: where the header, the stage columns, the lanes and the
 * cards sit inside the one React Flow node, in canvas units (px at zoom 1). Everything is
 * computed from the snapshot, so the node's size is known before the DOM is measured and
 * the DOM (absolutely positioned from these numbers) always has exactly this size.
 */

/** Fixed sizes of the frame's parts. */
export const JOURNEY_METRICS = {
  /** Space between the frame border and its content. */
  padding: 12,
  /** Title row + persona/segment/goal row (two rows of 44 px, each with a 4 px gap). */
  headerBase: 96,
  /** Reverse CJM: the end-goal row. */
  goalRow: 48,
  /** Reverse CJM: the "why?" ladder caption row (with its add button). */
  ladderCaption: 28,
  /** Reverse CJM: one step of the "why?" ladder. */
  ladderRow: 32,
  /** Reverse CJM in the forward reading: the one-line summary replacing the ladder editor. */
  forwardSummary: 28,
  stageHeaderHeight: 64,
  laneHeaderWidth: 204,
  stageWidth: 240,
  /** The thin column holding the "add stage" button. */
  addColumnWidth: 44,
  /** Reverse CJM: the column showing the end goal after the last stage. */
  goalColumnWidth: 168,
  addLaneRowHeight: 44,
  cellPadding: 8,
  /** Gap between a cell's item list and its add button. */
  cellGap: 8,
  cardHeight: 76,
  cardGap: 8,
  addButtonHeight: 28,
  minLaneHeight: 80,
  emotionLaneHeight: 184,
  momentHeight: 44,
  momentGap: 6,
  /** A metric chip in the Metrics lane (name row, value row with a sparkline). */
  chipHeight: 44,
  chipGap: 6,
  /** Narrower frames cannot fit the header's controls. */
  minWidth: 760,
} as const;

/**
 * Below this zoom cards are drawn as plain coloured tiles: their 12 px text would be under
 * 5 px on screen, and skipping text, buttons and handlers keeps thousands of cards cheap to
 * render and pan (the tiles keep the exact card boxes, so the layout does not change).
 */
export const COMPACT_ZOOM = 0.4;

/** Which reading of a reverse CJM is shown: built right-to-left, or read as a forward map. */
export type ReverseView = 'build' | 'forward';

export interface ColumnBox {
  stageId: string;
  x: number;
  width: number;
}

export interface LaneBox {
  laneId: string;
  type: LaneType;
  y: number;
  height: number;
  /** Largest number of items (cards or moments) in one cell of this lane. */
  maxItems: number;
}

/**
 * How many metrics each stage has (stage id → count). A journey's metrics are shown as chips
 * in its first Metrics lane, above that cell's cards.
 */
export type StageMetricCounts = ReadonlyMap<string, number>;

const NO_METRICS: StageMetricCounts = new Map();

/** Height of a cell's chip list for `count` metrics, with the gap before the cards (0 when none). */
export function chipBlockHeight(count: number): number {
  const m = JOURNEY_METRICS;
  return count > 0 ? count * (m.chipHeight + m.chipGap) - m.chipGap + m.cellGap : 0;
}

/** The lane that shows the stages' metric chips: the first Metrics lane, or null. */
export function metricsLaneId(journey: JourneySnapshot): string | null {
  return journey.lanes.find((lane) => lane.type === 'metrics')?.id ?? null;
}

export interface JourneyLayout {
  width: number;
  height: number;
  headerHeight: number;
  /** Left edge of the stage columns area (right of the lane headers). */
  gridLeft: number;
  /** Top of the stage header row. */
  stageHeaderY: number;
  /** Top of the first lane. */
  lanesTop: number;
  /** Bottom of the last lane (top of the "add lane" row). */
  lanesBottom: number;
  columns: ColumnBox[];
  lanes: LaneBox[];
  addColumn: { x: number; width: number };
  /** Reverse CJM only: the end-goal column. */
  goalColumn: { x: number; width: number } | null;
  addLaneRow: { y: number; height: number };
  /** The lane showing metric chips (see `metricsLaneId`), and each stage's chip count. */
  metricsLaneId: string | null;
  metricCounts: StageMetricCounts;
}

/** Lane types whose cells hold ordinary cards (text, colour, tags, evidence). */
export function isCardLane(type: LaneType): boolean {
  return type !== 'emotions' && type !== 'moments';
}

/** Height of the header for this journey and reading. */
export function headerHeight(journey: JourneySnapshot, view: ReverseView): number {
  const m = JOURNEY_METRICS;
  if (journey.kind !== 'reverse') return m.headerBase;
  if (view === 'forward') return m.headerBase + m.goalRow + m.forwardSummary;
  return m.headerBase + m.goalRow + m.ladderCaption + journey.whyLadder.length * m.ladderRow;
}

/** Largest number of items in one cell of `lane` (moments for the moments lane, else cards). */
export function laneMaxItems(journey: JourneySnapshot, lane: LaneSnapshot): number {
  if (lane.type === 'emotions') return 0;
  let max = 0;
  if (lane.type === 'moments') {
    const perStage = new Map<string, number>();
    for (const moment of journey.moments) {
      const n = (perStage.get(moment.stageId) ?? 0) + 1;
      perStage.set(moment.stageId, n);
      if (n > max) max = n;
    }
    return max;
  }
  for (const stage of journey.stages) {
    const n = journey.cells[`${stage.id}:${lane.id}`]?.length ?? 0;
    if (n > max) max = n;
  }
  return max;
}

/** Height of a lane holding at most `maxItems` items per cell (and `chips` pixels of metric chips above them). */
export function laneHeight(type: LaneType, maxItems: number, chips = 0): number {
  const m = JOURNEY_METRICS;
  if (type === 'emotions') return m.emotionLaneHeight;
  const [item, gap] = type === 'moments' ? [m.momentHeight, m.momentGap] : [m.cardHeight, m.cardGap];
  // The cell is a column: padding, the items with gaps between them, the cell gap, the add button.
  const list = maxItems > 0 ? maxItems * (item + gap) - gap + m.cellGap : 0;
  return Math.max(m.minLaneHeight, m.cellPadding * 2 + chips + list + m.addButtonHeight);
}

/** Height of the Metrics lane showing chips: its fullest cell, chips and cards together. */
function metricsLaneHeight(journey: JourneySnapshot, lane: LaneSnapshot, counts: StageMetricCounts): number {
  let height = laneHeight(lane.type, 0);
  for (const stage of journey.stages) {
    const cards = journey.cells[`${stage.id}:${lane.id}`]?.length ?? 0;
    height = Math.max(height, laneHeight(lane.type, cards, chipBlockHeight(counts.get(stage.id) ?? 0)));
  }
  return height;
}

/**
 * The full layout of a journey frame. Reverse maps built right-to-left show the "add stage"
 * column before the first stage; every other reading shows it after the last one.
 */
export function computeJourneyLayout(
  journey: JourneySnapshot,
  view: ReverseView = 'build',
  metricCounts: StageMetricCounts = NO_METRICS,
): JourneyLayout {
  const m = JOURNEY_METRICS;
  const header = headerHeight(journey, view);
  const stageHeaderY = m.padding + header;
  const lanesTop = stageHeaderY + m.stageHeaderHeight;
  const gridLeft = m.padding + m.laneHeaderWidth;
  const addFirst = journey.kind === 'reverse' && view === 'build';

  let x = gridLeft;
  const addColumn = { x: 0, width: m.addColumnWidth };
  if (addFirst) {
    addColumn.x = x;
    x += m.addColumnWidth;
  }
  const columns: ColumnBox[] = journey.stages.map((stage) => {
    const box = { stageId: stage.id, x, width: m.stageWidth };
    x += m.stageWidth;
    return box;
  });
  if (!addFirst) {
    addColumn.x = x;
    x += m.addColumnWidth;
  }
  let goalColumn: JourneyLayout['goalColumn'] = null;
  if (journey.kind === 'reverse') {
    goalColumn = { x, width: m.goalColumnWidth };
    x += m.goalColumnWidth;
  }

  let y = lanesTop;
  const chipsLane = metricsLaneId(journey);
  const lanes: LaneBox[] = journey.lanes.map((lane) => {
    const maxItems = laneMaxItems(journey, lane);
    const height =
      lane.id === chipsLane
        ? metricsLaneHeight(journey, lane, metricCounts)
        : laneHeight(lane.type, maxItems);
    const box = { laneId: lane.id, type: lane.type, y, height, maxItems };
    y += box.height;
    return box;
  });
  const lanesBottom = y;
  const addLaneRow = { y: lanesBottom, height: m.addLaneRowHeight };

  return {
    width: Math.max(m.minWidth, x + m.padding),
    height: addLaneRow.y + addLaneRow.height + m.padding,
    headerHeight: header,
    gridLeft,
    stageHeaderY,
    lanesTop,
    lanesBottom,
    columns,
    lanes,
    addColumn,
    goalColumn,
    addLaneRow,
    metricsLaneId: chipsLane,
    metricCounts,
  };
}

/** The size React Flow should give the journey node (its bounds, the minimap, culling). */
export function journeyNodeSize(
  journey: JourneySnapshot,
  view: ReverseView = 'build',
  metricCounts: StageMetricCounts = NO_METRICS,
): {
  width: number;
  height: number;
} {
  const { width, height } = computeJourneyLayout(journey, view, metricCounts);
  return { width, height };
}

/** Top-left corner of the card at `index` of a cell, relative to the frame. */
export function cardPosition(
  layout: JourneyLayout,
  stageId: string,
  laneId: string,
  index: number,
): { x: number; y: number } | null {
  const column = layout.columns.find((c) => c.stageId === stageId);
  const lane = layout.lanes.find((l) => l.laneId === laneId);
  if (!column || !lane) return null;
  const m = JOURNEY_METRICS;
  const stride = lane.type === 'moments' ? m.momentHeight + m.momentGap : m.cardHeight + m.cardGap;
  // Cards of the chips lane sit below the stage's metric chips.
  const chips = laneId === layout.metricsLaneId ? chipBlockHeight(layout.metricCounts.get(stageId) ?? 0) : 0;
  return { x: column.x + m.cellPadding, y: lane.y + m.cellPadding + chips + index * stride };
}
