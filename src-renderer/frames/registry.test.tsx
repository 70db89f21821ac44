import { type NodeProps, ReactFlowProvider } from '@xyflow/react';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { BoardDoc, type BlueprintSnapshot } from '../../shared/board';
import { BoardProvider } from '../board/BoardContext';
import { CannotDisplayBoundary, CannotDisplayItem } from '../canvas/CannotDisplay';
import { collectForCopy, parseClipboard, serializeClipboard } from '../canvas/clipboard';
import { buildNodeTypes } from '../canvas/nodeTypes';
import { insertCopies } from '../canvas/useCanvasActions';
import { canvasSelector, createNodeMapper } from '../canvas/viewModel';
import en from '../i18n/locales/en.json';
import ru from '../i18n/locales/ru.json';
import type { FrameFlowNode } from './FrameNode';
import { FRAME_KINDS, findFrame, frameKindOf } from './registry';
import { defineFrameKind, type FrameDrawingProps } from './types';

/**
 * The registry proved with a tiny demo frame kind: it draws the board's blueprints as labelled
 * boxes. Declaring it and adding it to the kinds list is all it takes for the canvas to map,
 * draw, find, copy, paste and place it; nothing in canvas/ names it.
 */
function DemoDrawing({ record, selected }: FrameDrawingProps<BlueprintSnapshot>) {
  return createElement(
    'div',
    { className: `demo-frame${selected ? ' is-selected' : ''}` },
    `Demo: ${record.title}`,
  );
}

const demoFrame = defineFrameKind<BlueprintSnapshot>({
  type: 'demo',
  records: (snapshot) => snapshot.blueprints,
  sizeOf: (record) => ({ width: 300, height: 100 + 10 * record.columns.length }),
  detailWeight: () => 1,
  Detailed: DemoDrawing,
  Far: ({ record }) => createElement('div', { className: 'demo-far' }, record.title),
  label: (record) => `Demo frame: ${record.title}`,
  minimapColor: '#000000',
  moveTo: (board, id, at) => board.updateBlueprint(id, at),
  remove: (board, id) => board.deleteBlueprint(id),
  parse: (raw) => {
    const r = raw as Partial<BlueprintSnapshot> | null;
    return r &&
      typeof r.id === 'string' &&
      typeof r.title === 'string' &&
      typeof r.x === 'number' &&
      typeof r.y === 'number'
      ? {
          id: r.id,
          title: r.title,
          x: r.x,
          y: r.y,
          journeyId: null,
          mirrorSteps: false,
          columns: [],
          lanes: [],
          cells: {},
          handoffs: [],
        }
      : null;
  },
  paste: (board, record, at) => board.addBlueprint({ title: record.title, x: at.x, y: at.y }),
});

/** The one line a new kind adds to the registry (the real blueprint kind steps aside: the demo draws the same records). */
const KINDS = [...FRAME_KINDS.filter((kind) => kind.type !== 'blueprint'), demoFrame];

function i18n(lng: 'en' | 'ru') {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    resources: { en: { translation: en }, ru: { translation: ru } },
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

function renderNode(board: BoardDoc, node: FrameFlowNode, lng: 'en' | 'ru' = 'en'): string {
  const Node = buildNodeTypes(KINDS)[node.type!]!;
  const props = { ...node, selected: true } as unknown as NodeProps<FrameFlowNode>;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n(lng)}>
      <BoardProvider board={board}>
        <ReactFlowProvider>
          <Node {...props} />
        </ReactFlowProvider>
      </BoardProvider>
    </I18nextProvider>,
  );
}

describe('frame registry', () => {
  it('maps, draws and finds a new kind from its declaration alone', () => {
    const board = BoardDoc.create();
    const journey = board.addJourney({ kind: 'cjm', x: 0, y: 0 });
    const demo = board.addBlueprint({ title: 'Checkout', x: 2000, y: 40 });
    const snapshot = canvasSelector(KINDS)(board.snapshot());
    const nodes = createNodeMapper()({
      snapshot,
      selection: new Set([demo]),
      overrides: new Map(),
      measured: new Map(),
      describe: (el) => el.type,
      describeFrame: (kind, record) => kind.label(record, i18n('en').t),
      frameSize: (kind, record) => kind.sizeOf(record),
    });
    expect(nodes.map((n) => n.type)).toEqual(['journey', 'demo']);
    const node = nodes[1] as FrameFlowNode;
    expect(node).toMatchObject({
      id: demo,
      position: { x: 2000, y: 40 },
      ariaLabel: 'Demo frame: Checkout',
      initialWidth: 300,
      selected: true,
    });
    expect(renderNode(board, node)).toContain('<div class="demo-frame is-selected">Demo: Checkout</div>');

    expect(findFrame(board.snapshot(), demo, KINDS)?.kind).toBe(demoFrame);
    expect(findFrame(board.snapshot(), journey, KINDS)?.kind.type).toBe('journey');
    expect(frameKindOf('demo', KINDS)).toBe(demoFrame);
    // Inherited names are never records, whatever a peer calls its ids.
    for (const name of ['constructor', '__proto__', 'toString'])
      expect(findFrame(board.snapshot(), name, KINDS)).toBeNull();
  });

  it('copies and pastes a new kind through the clipboard into free space', () => {
    const board = BoardDoc.create();
    const demo = board.addBlueprint({ title: 'Checkout', x: 0, y: 0 });
    const sticky = board.addElement({ type: 'sticky', x: 400, y: 0 });
    board.addElement({ type: 'connector', x: 0, y: 0, from: demo, to: sticky });
    const text = serializeClipboard(collectForCopy(board.snapshot(), [demo, sticky], KINDS));
    const read = parseClipboard(text, KINDS);
    if (read.kind !== 'items') throw new Error(`not read: ${read.kind}`);
    expect(read.content.frames.map((f) => f.kind.type)).toEqual(['demo']);
    expect(read.content.elements.map((e) => e.type)).toEqual(['sticky', 'connector']);
    // Without the kind registered, the same text is refused as a whole, not pasted in part.
    expect(parseClipboard(text, FRAME_KINDS)).toEqual({ kind: 'invalid', reason: 'malformed' });

    const ids = insertCopies(board, read.content, { x: 0, y: 0 }, 'paste', KINDS);
    const after = board.snapshot();
    const copy = after.blueprints[ids[0]!]!;
    expect(copy.title).toBe('Checkout');
    // Dropped on the originals, the group moves to free space.
    expect(copy.x !== 0 || copy.y !== 0).toBe(true);
    const connector = Object.values(after.elements).find((e) => e.type === 'connector' && e.from === copy.id);
    expect(connector?.to).toBe(ids[1]);
  });

  it('rejects a kind whose type clashes with a node type', () => {
    expect(() => buildNodeTypes([{ ...demoFrame, type: 'sticky' }])).toThrow(/clashes/);
  });
});

const failing = new Error('cannot read this record');
function Throwing(): never {
  throw failing;
}

describe('a frame that cannot be drawn', () => {
  it('is caught by its node boundary and shown as a placeholder with its id, in English and Russian', () => {
    // React renders on the server without error boundaries and no DOM is available in unit
    // tests, so the boundary is driven through React's contract: the child threw, React asks
    // for the state to show, then renders. (test/e2e/frames-boundary.test.ts runs it in Chromium.)
    expect(() => renderToStaticMarkup(<Throwing />)).toThrow(failing);
    const props = {
      resetKey: 'v1',
      fallback: () => <CannotDisplayItem id="j-broken" />,
      children: <Throwing />,
    };
    const boundary = new CannotDisplayBoundary(props);
    boundary.state = { ...boundary.state, ...CannotDisplayBoundary.getDerivedStateFromError() };
    for (const [lng, text] of [
      ['en', 'Cannot display this item'],
      ['ru', 'Не удаётся показать этот элемент'],
    ] as const) {
      const html = renderToStaticMarkup(
        <I18nextProvider i18n={i18n(lng)}>{boundary.render()}</I18nextProvider>,
      );
      expect(html).toContain(text);
      expect(html).toContain('j-broken');
      expect(html).toMatch(/<output[^>]*aria-label="[^"]*j-broken"/);
    }
    // A changed record (e.g. repaired by a peer) is tried again.
    expect(
      CannotDisplayBoundary.getDerivedStateFromProps({ ...props, resetKey: 'v1' }, boundary.state),
    ).toBeNull();
    expect(
      CannotDisplayBoundary.getDerivedStateFromProps({ ...props, resetKey: 'v2' }, boundary.state),
    ).toEqual({
      failed: false,
      resetKey: 'v2',
    });
  });
});
