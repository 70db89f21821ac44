import { describe, expect, it } from 'vitest';
import { BoardDoc, type ElementSnapshot } from '../../shared/board';
import {
  canvasSelector,
  createEdgeMapper,
  createNodeMapper,
  elementToNode,
  frameAt,
  framesOf,
  type NodeMapInput,
  Z_ELEMENT,
  Z_FRAME,
} from './viewModel';

const describeEl = (el: ElementSnapshot) => `${el.type}: ${el.text}`;
const describeFrame = () => 'journey';

function input(board: BoardDoc, extra: Partial<NodeMapInput> = {}): NodeMapInput {
  return {
    snapshot: canvasSelector()(board.snapshot()),
    selection: new Set(),
    overrides: new Map(),
    measured: new Map(),
    describe: describeEl,
    describeFrame,
    ...extra,
  };
}

describe('elementToNode', () => {
  it('maps geometry, text and stacking, with overrides winning', () => {
    const board = BoardDoc.create();
    const id = board.addElement({ type: 'sticky', x: 10, y: 20, width: 100, height: 80, text: 'Hi' });
    const el = board.snapshot().elements[id]!;
    const node = elementToNode(el, true, { x: 50 }, 'Sticky: Hi');
    expect(node).toMatchObject({
      id,
      type: 'sticky',
      position: { x: 50, y: 20 },
      width: 100,
      height: 80,
      selected: true,
      zIndex: Z_ELEMENT,
      ariaLabel: 'Sticky: Hi',
      data: { element: el },
    });
  });

  it('puts frames behind everything, draggable by their title only', () => {
    const board = BoardDoc.create();
    const id = board.addElement({ type: 'frame', x: 0, y: 0 });
    const node = elementToNode(board.snapshot().elements[id]!, false, undefined, 'Frame');
    expect(node.zIndex).toBe(Z_FRAME);
    expect(node.dragHandle).toBe('.cx-frame__title');
  });
});

describe('createNodeMapper', () => {
  it('keeps the same node objects for unchanged items and replaces only what changed', () => {
    const board = BoardDoc.create();
    const ids = Array.from({ length: 50 }, (_, i) => board.addElement({ type: 'sticky', x: i * 10, y: 0 }));
    const map = createNodeMapper();
    const first = map(input(board));
    expect(first).toHaveLength(50);

    board.setElementText(ids[7]!, 'changed');
    const second = map(input(board));
    const changed = second.filter((node, i) => node !== first[i]);
    expect(changed.map((n) => n.id)).toEqual([ids[7]]);
    expect(second.find((n) => n.id === ids[7])?.ariaLabel).toBe('sticky: changed');
  });

  it('returns the very same array when nothing changed', () => {
    const board = BoardDoc.create();
    board.addElement({ type: 'text', x: 0, y: 0 });
    const map = createNodeMapper();
    const a = map(input(board));
    expect(map(input(board))).toBe(a);
  });

  it('re-creates only the nodes whose selection or override changed', () => {
    const board = BoardDoc.create();
    const a = board.addElement({ type: 'sticky', x: 0, y: 0 });
    const b = board.addElement({ type: 'sticky', x: 300, y: 0 });
    const map = createNodeMapper();
    const first = map(input(board));
    const second = map(input(board, { selection: new Set([a]), overrides: new Map([[b, { x: 5, y: 6 }]]) }));
    const [na, nb] = [second.find((n) => n.id === a)!, second.find((n) => n.id === b)!];
    expect(na.selected).toBe(true);
    expect(nb.position).toEqual({ x: 5, y: 6 });
    expect(na).not.toBe(first.find((n) => n.id === a));
    expect(nb).not.toBe(first.find((n) => n.id === b));
  });

  it('orders frames first, then journeys, then other elements back to front, and skips connectors', () => {
    const board = BoardDoc.create();
    const s1 = board.addElement({ type: 'sticky', x: 0, y: 0 });
    const f = board.addElement({ type: 'frame', x: 0, y: 0 });
    const s2 = board.addElement({ type: 'shape', x: 0, y: 0 });
    board.addElement({ type: 'connector', x: 0, y: 0, from: s1, to: s2 });
    const j = board.addJourney({ kind: 'cjm', x: 0, y: 0 });
    const nodes = createNodeMapper()(input(board));
    expect(nodes.map((n) => n.id)).toEqual([f, j, s1, s2]);
    expect(nodes[1]).toMatchObject({ type: 'journey', data: { record: board.snapshot().journeys[j] } });
  });

  it('relabels every node when the language (the describe function) changes', () => {
    const board = BoardDoc.create();
    board.addElement({ type: 'sticky', x: 0, y: 0, text: 'x' });
    const map = createNodeMapper();
    map(input(board));
    const relabelled = map(input(board, { describe: (el) => `Стикер: ${el.text}` }));
    expect(relabelled[0]?.ariaLabel).toBe('Стикер: x');
  });

  // Its speed is measured by the canvas benchmark (test/bench/canvas-bench.ts), not timed here:
  // what keeps it fast is that a one-item change replaces one node and reuses the rest.
  it('maps 3 000 items, then replaces only the node a one-item change touched', () => {
    const board = BoardDoc.create();
    board.batch('fill', () => {
      for (let i = 0; i < 3000; i++)
        board.addElement({ type: 'sticky', x: (i % 60) * 220, y: Math.floor(i / 60) * 220 });
    });
    const map = createNodeMapper();
    const before = map(input(board));
    const id = board.snapshot().elementOrder[1500]!;
    board.moveElements([{ id, x: 1, y: 1 }]);
    const nodes = map(input(board));
    expect(nodes).toHaveLength(3000);
    expect(nodes.filter((n) => n.id === id)[0]?.position).toEqual({ x: 1, y: 1 });
    const replaced = nodes.filter((node, i) => node !== before[i]).map((n) => n.id);
    expect(replaced).toEqual([id]);
    // Building a 3 000-sticky board takes seconds on a busy machine.
  }, 30_000);
});

describe('createEdgeMapper', () => {
  it('draws a connector only while both of its ends are on the board', () => {
    const board = BoardDoc.create();
    const a = board.addElement({ type: 'sticky', x: 0, y: 0 });
    const b = board.addElement({ type: 'sticky', x: 300, y: 0 });
    const c = board.addElement({ type: 'connector', x: 0, y: 0, from: a, to: b, text: 'flows' });
    const map = createEdgeMapper();
    const edges = map({
      snapshot: canvasSelector()(board.snapshot()),
      selection: new Set([c]),
      describe: describeEl,
    });
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ id: c, source: a, target: b, type: 'connector', selected: true });
    board.deleteElements([b]); // the document drops the attached connector too
    expect(
      map({ snapshot: canvasSelector()(board.snapshot()), selection: new Set(), describe: describeEl }),
    ).toEqual([]);
  });

  it('connects to journey frames as well as elements', () => {
    const board = BoardDoc.create();
    const a = board.addElement({ type: 'sticky', x: 0, y: 0 });
    const j = board.addJourney({ kind: 'cjm', x: 500, y: 0 });
    board.addElement({ type: 'connector', x: 0, y: 0, from: a, to: j });
    const edges = createEdgeMapper()({
      snapshot: canvasSelector()(board.snapshot()),
      selection: new Set(),
      describe: describeEl,
    });
    expect(edges.map((e) => [e.source, e.target])).toEqual([[a, j]]);
  });
});

describe('frames', () => {
  it('finds the front-most frame containing the centre of a rectangle', () => {
    const board = BoardDoc.create();
    const back = board.addElement({ type: 'frame', x: 0, y: 0, width: 1000, height: 1000 });
    const front = board.addElement({ type: 'frame', x: 100, y: 100, width: 300, height: 300 });
    const frames = framesOf(board.snapshot());
    expect(frameAt(frames, { x: 150, y: 150, width: 100, height: 100 })).toBe(front);
    expect(frameAt(frames, { x: 600, y: 600, width: 100, height: 100 })).toBe(back);
    expect(frameAt(frames, { x: 2000, y: 0, width: 10, height: 10 })).toBeNull();
    // Mostly outside although touching: the centre decides.
    expect(frameAt(frames, { x: 950, y: 950, width: 200, height: 200 })).toBeNull();
  });

  it('uses a frame’s dragged position while it is being dragged', () => {
    const board = BoardDoc.create();
    const f = board.addElement({ type: 'frame', x: 0, y: 0, width: 100, height: 100 });
    const frames = framesOf(board.snapshot(), new Map([[f, { x: 500, y: 500 }]]));
    expect(frameAt(frames, { x: 520, y: 520, width: 10, height: 10 })).toBe(f);
    expect(frameAt(frames, { x: 20, y: 20, width: 10, height: 10 })).toBeNull();
    expect(frameAt(frames, { x: 520, y: 520, width: 10, height: 10 }, f)).toBeNull();
  });
});
