/**
 * The benchmark board shared by the canvas and export benchmarks: journey maps (8 stages, the
 * "full" preset) holding the journey cards, laid out two per row without overlaps, and free
 * stickies to their right; `withMetrics` gives the first journey 10 stages × 5 metrics (each
 * with a target and a year of readings).
 */
import { BoardDoc } from '../../shared/board';
import { journeyNodeSize } from '../../src-renderer/frames/journey/layout';

/** How big the benchmark board is. */
export interface BenchBoardSize {
  journeys: number;
  cards: number;
  stickies: number;
  withMetrics: boolean;
}

/** The full size (`npm run bench`) and the tenth CI runs (`--short`). */
export function benchBoardSize(short: boolean, withMetrics = false): BenchBoardSize {
  const scale = short ? 0.1 : 1;
  return {
    journeys: short ? 2 : 10,
    cards: Math.round(2000 * scale),
    stickies: Math.round(1000 * scale),
    withMetrics,
  };
}

/** Stages of the first journey and metrics per stage when `withMetrics`. */
const METRIC_STAGES = 10;
const METRICS_PER_STAGE = 5;
const BENCH_METRIC_KINDS = ['nps', 'csat', 'fcr', 'churn', 'ltv'] as const;

const STAGES = [
  'Awareness',
  'Consideration',
  'Purchase',
  'Delivery',
  'First use',
  'Support',
  'Renewal',
  'Advocacy',
];
/** Lanes that hold cards (the emotion and moments lanes draw other things). */
const CARD_LANES = new Set(['goals', 'steps', 'touchpoints', 'expectations', 'barriers', 'quotes', 'ideas']);

/** The benchmark board, laid out without overlaps: journeys in two columns, stickies to the right. */
export function buildBenchBoard(size: BenchBoardSize): BoardDoc {
  const { journeys, cards, stickies, withMetrics } = size;
  const board = BoardDoc.create({ title: 'Canvas benchmark' });
  board.batch('bench', () => {
    const journeyIds: string[] = [];
    for (let j = 0; j < journeys; j++) {
      const stageTitles =
        withMetrics && j === 0
          ? Array.from({ length: METRIC_STAGES }, (_, i) => STAGES[i] ?? `Stage ${i + 1}`)
          : STAGES;
      journeyIds.push(
        board.addJourney({ kind: 'cjm', preset: 'full', title: `Journey ${j + 1}`, x: 0, y: 0, stageTitles }),
      );
    }
    if (withMetrics) addBenchMetrics(board, journeyIds[0]!);
    const snapshot = board.snapshot();
    let card = 0;
    for (const [j, id] of journeyIds.entries()) {
      const journey = snapshot.journeys[id]!;
      const lanes = journey.lanes.filter((l) => CARD_LANES.has(l.type));
      const perJourney = Math.floor(cards / journeys) + (j < cards % journeys ? 1 : 0);
      for (let i = 0; i < perJourney; i++) {
        const stage = journey.stages[i % journey.stages.length]!;
        const lane = lanes[Math.floor(i / journey.stages.length) % lanes.length]!;
        board.addCard(id, {
          stageId: stage.id,
          laneId: lane.id,
          text: `Card ${++card}: what the customer does and feels here`,
        });
      }
    }
    // Place the journeys by their real size, two per row.
    const after = board.snapshot();
    let y = 0;
    let rowHeight = 0;
    let maxRight = 0;
    for (const [j, id] of journeyIds.entries()) {
      const size = journeyNodeSize(after.journeys[id]!, 'build', metricCounts(after, id));
      const x = j % 2 === 0 ? 0 : maxRightOfColumn0(after, journeyIds) + 200;
      board.updateJourney(id, { x, y });
      rowHeight = Math.max(rowHeight, size.height);
      maxRight = Math.max(maxRight, x + size.width);
      if (j % 2 === 1) {
        y += rowHeight + 200;
        rowHeight = 0;
      }
    }
    const colors = ['yellow', 'orange', 'pink', 'violet', 'blue', 'cyan', 'green', 'gray'];
    const perRow = 40;
    for (let i = 0; i < stickies; i++) {
      board.addElement({
        type: 'sticky',
        x: maxRight + 400 + (i % perRow) * 240,
        y: Math.floor(i / perRow) * 240,
        text: `Sticky ${i + 1}`,
        style: { color: colors[i % colors.length]! },
      });
    }
  });
  return board;
}

function maxRightOfColumn0(snapshot: ReturnType<BoardDoc['snapshot']>, ids: string[]): number {
  return Math.max(
    ...ids
      .filter((_, i) => i % 2 === 0)
      .map((id) => journeyNodeSize(snapshot.journeys[id]!, 'build', metricCounts(snapshot, id)).width),
  );
}

/** 5 metrics on each stage of a journey, with targets, current values and a year of readings. */
function addBenchMetrics(board: BoardDoc, journeyId: string): void {
  const journey = board.snapshot().journeys[journeyId]!;
  for (const [s, stage] of journey.stages.entries()) {
    for (let k = 0; k < METRICS_PER_STAGE; k++) {
      const id = board.addMetric({
        journeyId,
        stageId: stage.id,
        kind: BENCH_METRIC_KINDS[k]!,
        target: 50 + k,
        period: 'month',
      });
      for (let month = 1; month <= 12; month++)
        board.addMetricReading(id, {
          date: `2026-${String(month).padStart(2, '0')}-01`,
          value: 30 + ((s * 7 + k * 5 + month * 3) % 40),
        });
    }
  }
}

/** A journey's metric count per stage (what its Metrics lane's height follows). */
function metricCounts(snapshot: ReturnType<BoardDoc['snapshot']>, journeyId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const metric of Object.values(snapshot.metrics))
    if (metric.journeyId === journeyId) counts.set(metric.stageId, (counts.get(metric.stageId) ?? 0) + 1);
  return counts;
}
