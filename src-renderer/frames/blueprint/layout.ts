import {
  BLUEPRINT_LINES,
  type BlueprintLane,
  type BlueprintLaneSnapshot,
  type BlueprintLine,
  type BlueprintSnapshot,
  type CardSnapshot,
  cellKey,
  type JourneySnapshot,
} from '../../../shared/board';

/**
 * Layout of a service-blueprint frame, in canvas units, from its snapshot alone (plus, for a
 * linked blueprint, where its journey draws its stage columns): the DOM is absolutely
 * positioned from these numbers, so the node's size is known before it is measured. A linked
 * blueprint sits at its journey's x, so giving each column its stage column's x and width
 * lines every column up under its stage.
 */
export const BLUEPRINT_METRICS = {
  padding: 12,
  /** Title row with the blueprint's controls. */
  headerHeight: 52,
  columnHeaderHeight: 40,
  /** Same as the journey's lane header column, so the grids line up. */
  laneHeaderWidth: 204,
  columnWidth: 240,
  /** The thin column with the "add column" button (standalone) or the gap before kept columns. */
  addColumnWidth: 44,
  /** The band a line of interaction / visibility / internal interaction is drawn in. */
  lineBand: 26,
  cellPadding: 8,
  cellGap: 8,
  cardHeight: 96,
  cardGap: 8,
  /** A read-only mirror of a journey step in the customer-actions lane. */
  mirrorHeight: 40,
  addButtonHeight: 28,
  minLaneHeight: 80,
  addLaneRowHeight: 44,
  minWidth: 760,
  /** Space between a journey and the blueprint laid under it. */
  gapBelowJourney: 32,
} as const;

export interface BlueprintColumnBox {
  id: string;
  x: number;
  width: number;
  kept: boolean;
}

export interface BlueprintLaneBox {
  lane: BlueprintLaneSnapshot;
  y: number;
  height: number;
}

export interface BlueprintLayout {
  width: number;
  height: number;
  gridLeft: number;
  /** Right edge of the last column. */
  gridRight: number;
  columnHeaderY: number;
  lanesTop: number;
  lanesBottom: number;
  columns: BlueprintColumnBox[];
  /** Standalone only: where the "add column" button sits. */
  addColumnX: number | null;
  lanes: BlueprintLaneBox[];
  /** Each line's y (the middle of its band). */
  lines: { line: BlueprintLine; y: number }[];
  addLaneRowY: number;
}

/** Where a journey draws its stage columns (x and width relative to the frame's left edge). */
export type StageColumns = readonly { stageId: string; x: number; width: number }[];

/** Journey step cards the customer-actions lane mirrors, per stage (empty when not mirrored). */
export function mirroredSteps(
  bp: BlueprintSnapshot,
  journey: JourneySnapshot | undefined,
): ReadonlyMap<string, CardSnapshot[]> {
  const byStage = new Map<string, CardSnapshot[]>();
  if (!bp.mirrorSteps || !journey) return byStage;
  const steps = journey.lanes.find((l) => l.type === 'steps');
  if (!steps) return byStage;
  for (const stage of journey.stages) {
    const cards = journey.cells[cellKey(stage.id, steps.id)];
    if (cards?.length) byStage.set(stage.id, cards);
  }
  return byStage;
}

/** Height of a lane holding at most `cards` process cards and `mirrors` mirrored steps in one cell. */
export function blueprintLaneHeight(cards: number, mirrors: number): number {
  const m = BLUEPRINT_METRICS;
  const mirrorList = mirrors > 0 ? mirrors * (m.mirrorHeight + m.cardGap) : 0;
  const list = cards > 0 ? cards * (m.cardHeight + m.cardGap) - m.cardGap + m.cellGap : 0;
  return Math.max(m.minLaneHeight, m.cellPadding * 2 + mirrorList + list + m.addButtonHeight);
}

/** The zone whose bottom a line is drawn under, per line, in drawing order. */
const LINE_AFTER = new Map<BlueprintLane, BlueprintLine>(
  (Object.entries(BLUEPRINT_LINES) as [BlueprintLine, BlueprintLane][]).map(([line, lane]) => [lane, line]),
);

/**
 * The full layout. `stageColumns` is the linked journey's column boxes (null when standalone);
 * kept columns follow the stages after a gap the width of the journey's "add stage" column.
 */
export function computeBlueprintLayout(
  bp: BlueprintSnapshot,
  stageColumns: StageColumns | null,
  mirrors: ReadonlyMap<string, readonly unknown[]> = new Map(),
): BlueprintLayout {
  const m = BLUEPRINT_METRICS;
  const gridLeft = m.padding + m.laneHeaderWidth;
  const columnHeaderY = m.padding + m.headerHeight;
  const lanesTop = columnHeaderY + m.columnHeaderHeight;

  const columns: BlueprintColumnBox[] = [];
  let addColumnX: number | null = null;
  if (stageColumns) {
    const byStage = new Map(stageColumns.map((c) => [c.stageId, c]));
    let keptX = stageColumns.reduce((r, c) => Math.max(r, c.x + c.width), gridLeft) + m.addColumnWidth;
    for (const column of bp.columns) {
      const stage = byStage.get(column.id);
      if (stage && !column.kept) columns.push({ id: column.id, x: stage.x, width: stage.width, kept: false });
      else {
        columns.push({ id: column.id, x: keptX, width: m.columnWidth, kept: column.kept });
        keptX += m.columnWidth;
      }
    }
  } else {
    let x = gridLeft;
    for (const column of bp.columns) {
      columns.push({ id: column.id, x, width: m.columnWidth, kept: false });
      x += m.columnWidth;
    }
    addColumnX = x;
  }
  const gridRight = Math.max(gridLeft, ...columns.map((c) => c.x + c.width));

  let y = lanesTop;
  const lanes: BlueprintLaneBox[] = [];
  const lines: BlueprintLayout['lines'] = [];
  bp.lanes.forEach((lane, i) => {
    let cards = 0;
    for (const column of bp.columns)
      cards = Math.max(cards, bp.cells[cellKey(column.id, lane.id)]?.length ?? 0);
    let mirrorCount = 0;
    if (lane.kind === 'customer')
      for (const list of mirrors.values()) mirrorCount = Math.max(mirrorCount, list.length);
    const height = blueprintLaneHeight(cards, mirrorCount);
    lanes.push({ lane, y, height });
    y += height;
    const line = LINE_AFTER.get(lane.zone);
    if (line && bp.lanes[i + 1]?.zone !== lane.zone) {
      lines.push({ line, y: y + m.lineBand / 2 });
      y += m.lineBand;
    }
  });
  const lanesBottom = y;
  return {
    // Room for the "add column" button (standalone), or the width of the journey above.
    width: Math.max(m.minWidth, gridRight + m.addColumnWidth + m.padding),
    height: lanesBottom + m.addLaneRowHeight + m.padding,
    gridLeft,
    gridRight,
    columnHeaderY,
    lanesTop,
    lanesBottom,
    columns,
    addColumnX,
    lanes,
    lines,
    addLaneRowY: lanesBottom,
  };
}

/** Top-left corner of the process card at `index` of a cell (after the cell's mirrored steps). */
export function processCardPosition(
  layout: BlueprintLayout,
  columnId: string,
  laneId: string,
  index: number,
  mirrorCount = 0,
): { x: number; y: number; width: number } | null {
  const column = layout.columns.find((c) => c.id === columnId);
  const lane = layout.lanes.find((l) => l.lane.id === laneId);
  if (!column || !lane) return null;
  const m = BLUEPRINT_METRICS;
  const mirrors = lane.lane.kind === 'customer' ? mirrorCount * (m.mirrorHeight + m.cardGap) : 0;
  return {
    x: column.x + m.cellPadding,
    y: lane.y + m.cellPadding + mirrors + index * (m.cardHeight + m.cardGap),
    width: column.width - m.cellPadding * 2,
  };
}
