import { describe, expect, it } from 'vitest';
import { BoardDoc, type JourneySnapshot } from '../../../shared/board';
import { emotionBand, emotionToY } from './emotionCurve';
import { farArt, rectPath, wrapLabel } from './farView';
import { cardPosition, computeJourneyLayout, JOURNEY_METRICS as M } from './layout';

/** The rectangles of a path made by rectPath, as [x, y, width, height]. */
function rects(d: string): number[][] {
  return [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)/g)].map((m) =>
    m.slice(1, 5).map(Number),
  );
}

function sample(): { journey: JourneySnapshot; ids: Record<string, string> } {
  const board = BoardDoc.create();
  const id = board.addJourney({ kind: 'cjm', preset: 'full', x: 0, y: 0, stageTitles: ['A', 'B', 'C'] });
  const j = board.snapshot().journeys[id]!;
  const [a, b, c] = j.stages.map((s) => s.id) as [string, string, string];
  const steps = j.lanes.find((l) => l.type === 'steps')!.id;
  const barriers = j.lanes.find((l) => l.type === 'barriers')!.id;
  board.addCard(id, { stageId: a, laneId: steps, color: 'pink' });
  board.addCard(id, { stageId: a, laneId: steps, color: 'pink' });
  board.addCard(id, { stageId: b, laneId: steps, color: 'blue' });
  board.addCard(id, { stageId: c, laneId: barriers, color: '#12AB34' });
  board.addMoment(id, { stageId: b, type: 'FMOT' });
  board.addMoment(id, { stageId: b, type: 'UMOT' });
  board.addMoment(id, { stageId: c, type: 'FMOT' });
  board.setEmotion(id, a, 'asIs', 1);
  board.setEmotion(id, b, 'asIs', -1);
  board.setEmotion(id, c, 'toBe', 2); // one to-be point: no curve to draw
  return { journey: board.snapshot().journeys[id]!, ids: { a, b, c, steps, barriers } };
}

describe('far-zoom drawing of a journey', () => {
  it('draws every card as one block in its place, one path per colour', () => {
    const { journey, ids } = sample();
    const layout = computeJourneyLayout(journey);
    const art = farArt(journey, layout);
    const byKey = new Map(art.cards.map((s) => [s.key, s]));
    expect([...byKey.keys()].sort()).toEqual(['#12ab34', 'jm-c-blue', 'jm-c-pink']);

    const pink = rects(byKey.get('jm-c-pink')!.d);
    expect(pink).toHaveLength(2);
    const first = cardPosition(layout, ids.a!, ids.steps!, 0)!;
    const second = cardPosition(layout, ids.a!, ids.steps!, 1)!;
    expect(pink[0]).toEqual([first.x, first.y, M.stageWidth - 2 * M.cellPadding, M.cardHeight]);
    expect(pink[1]!.slice(0, 2)).toEqual([second.x, second.y]);
    expect(byKey.get('jm-c-pink')!.className).toBe('jm-c-pink');

    // A colour from outside the palette keeps its own (validated) fill.
    const own = byKey.get('#12ab34')!;
    expect(own.className).toBe('');
    expect(own.fill).toBe('#12ab34');
    const at = cardPosition(layout, ids.c!, ids.barriers!, 0)!;
    expect(rects(own.d)[0]!.slice(0, 2)).toEqual([at.x, at.y]);
  });

  it('gives a colour that is neither a palette name nor #rrggbb the default card colour', () => {
    const { journey, ids } = sample();
    const cell = `${ids.a}:${ids.steps}`;
    const tampered: JourneySnapshot = {
      ...journey,
      cells: {
        [cell]: journey.cells[cell]!.map((card) => ({ ...card, color: 'url(javascript:alert(1))' })),
      },
    };
    const art = farArt(tampered, computeJourneyLayout(tampered));
    expect(art.cards).toHaveLength(1);
    expect(art.cards[0]).toMatchObject({ className: 'jm-far-card', fill: undefined });
    expect(rects(art.cards[0]!.d)).toHaveLength(2);
  });

  it('draws moments of truth stacked in their stage, grouped by type', () => {
    const { journey, ids } = sample();
    const layout = computeJourneyLayout(journey);
    const art = farArt(journey, layout);
    const fmot = art.moments.find((s) => s.key === 'FMOT')!;
    const umot = art.moments.find((s) => s.key === 'UMOT')!;
    expect(fmot.className).toBe('jm-far-moment-FMOT');
    expect(rects(fmot.d)).toHaveLength(2);
    const lane = layout.lanes.find((l) => l.type === 'moments')!;
    const columnB = layout.columns.find((c) => c.stageId === ids.b)!;
    // Stacked in the order the moments cell lists them (the snapshot's order).
    const index = journey.moments.filter((mo) => mo.stageId === ids.b).findIndex((mo) => mo.type === 'UMOT');
    const stride = M.momentHeight + M.momentGap;
    expect(rects(umot.d)[0]).toEqual([
      columnB.x + M.cellPadding,
      lane.y + M.cellPadding + index * stride,
      M.stageWidth - 2 * M.cellPadding,
      M.momentHeight,
    ]);
    const inB = [...rects(fmot.d), ...rects(umot.d)].filter((r) => r[0] === columnB.x + M.cellPadding);
    expect(inB.map((r) => r[1]).sort((p, q) => p! - q!)).toEqual([
      lane.y + M.cellPadding,
      lane.y + M.cellPadding + stride,
    ]);
  });

  it('draws the emotion curve through the stage centres and skips a series with one point', () => {
    const { journey } = sample();
    const layout = computeJourneyLayout(journey);
    const art = farArt(journey, layout);
    const lane = layout.lanes.find((l) => l.type === 'emotions')!;
    expect(art.emotion?.curves.map((c) => c.series)).toEqual(['asIs']);
    const start = layout.columns[0]!.x + M.stageWidth / 2;
    const y = lane.y + emotionToY(1, emotionBand(lane.height));
    expect(art.emotion!.curves[0]!.d.startsWith(`M${start},${y}`)).toBe(true);
    expect(art.emotion!.zero).toContain(`,${lane.y + emotionToY(0, emotionBand(lane.height))}H`);
  });

  it('draws the grid: a line after every stage and under every lane', () => {
    const { journey } = sample();
    const layout = computeJourneyLayout(journey);
    const art = farArt(journey, layout);
    expect(art.grid.match(/V/g)).toHaveLength(layout.columns.length);
    expect(art.grid.match(/H/g)).toHaveLength(layout.lanes.length);
    expect(rects(art.headers)).toHaveLength(2);
  });

  it('writes rectangles as compact path data', () => {
    expect(rectPath(1, 2.25, 30, 40)).toBe('M1,2.3h30v40h-30z');
  });

  it('wraps a label at spaces into at most two lines, cutting what does not fit', () => {
    expect(wrapLabel('Customer steps', 11, 2)).toEqual(['Customer', 'steps']);
    expect(wrapLabel('  Goals / JTBD ', 11, 2)).toEqual(['Goals /', 'JTBD']);
    expect(wrapLabel('Moments of truth here now', 11, 2)).toEqual(['Moments of', 'truth here…']);
    expect(wrapLabel('Supercalifragilistic', 11, 2)).toEqual(['Supercalif…']);
    expect(wrapLabel('Short', 11, 1)).toEqual(['Short']);
    expect(wrapLabel('   ', 11, 2)).toEqual([]);
  });
});
