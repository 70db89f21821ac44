import { describe, expect, it } from 'vitest';
import { buildExportBoard } from '../../test/fixtures/exportBoard';
import { canvasSelector } from '../canvas/viewModel';
import { canvasSnapshotOf, exportableFrames, itemsInScope } from './scope';

function fixture() {
  const f = buildExportBoard();
  const frameId = f.board.addElement({
    type: 'frame',
    x: 3000,
    y: 3000,
    width: 600,
    height: 400,
    text: 'Рамка',
  });
  const inside = f.board.addElement({ type: 'sticky', x: 3100, y: 3100, width: 100, height: 100, frameId });
  const outside = f.board.addElement({ type: 'sticky', x: 4000, y: 3100, width: 100, height: 100 });
  const linkIn = f.board.addElement({
    type: 'connector',
    x: 0,
    y: 0,
    from: inside,
    to: f.journeyId,
  });
  const linkOut = f.board.addElement({
    type: 'connector',
    x: 0,
    y: 0,
    from: inside,
    to: outside,
  });
  return { ...f, frameId, inside, outside, linkIn, linkOut, canvas: canvasSelector()(f.board.snapshot()) };
}

describe('what an export takes', () => {
  it('lists every frame: free frames and each registered kind', () => {
    const { canvas, frameId, journeyId, secondJourneyId } = fixture();
    const ids = exportableFrames(canvas).map((f) => f.id);
    expect(ids).toContain(frameId);
    expect(ids).toContain(journeyId);
    expect(ids).toContain(secondJourneyId);
  });

  it('a free frame takes its contents, and connectors only when both ends are taken', () => {
    const { canvas, frameId, inside, outside, linkOut } = fixture();
    const ids = itemsInScope(canvas, { kind: 'frame', id: frameId });
    expect([...ids].sort()).toEqual([frameId, inside].sort());
    const withOutside = itemsInScope(canvas, { kind: 'selection', ids: [frameId, outside] });
    expect(withOutside.has(linkOut)).toBe(true);
  });

  it('the whole board takes everything; unknown and prototype ids take nothing', () => {
    const { canvas, journeyId, linkIn } = fixture();
    const all = itemsInScope(canvas, { kind: 'board' });
    expect(all.has(journeyId) && all.has(linkIn)).toBe(true);
    expect(itemsInScope(canvas, { kind: 'selection', ids: ['constructor', '__proto__', 'nope'] }).size).toBe(
      0,
    );
  });

  it('the part of the snapshot drawn holds exactly the taken items', () => {
    const { canvas, journeyId, secondJourneyId } = fixture();
    const part = canvasSnapshotOf(canvas, new Set([journeyId]));
    expect(part.elementOrder).toEqual([]);
    const journeys = part.frames.find((f) => f.kind.type === 'journey')!.records;
    expect(Object.keys(journeys)).toEqual([journeyId]);
    expect(Object.hasOwn(journeys, secondJourneyId)).toBe(false);
  });
});
