import { type Edge, type Node, ReactFlow, ReactFlowProvider, useStore } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { BoardDoc } from '../../shared/board';
import type { RedactionOptions } from '../../shared/export/redaction';
import { ViewOnlyBoardProvider } from '../board/BoardContext';
import { edgeTypes, nodeTypes } from '../canvas/nodeTypes';
import {
  allFrames,
  type CanvasSnapshot,
  canvasSelector,
  createEdgeMapper,
  createNodeMapper,
  type Rect,
} from '../canvas/viewModel';
import { frameSize } from '../frames/registry';
import { ExportRenderContext } from './context';
import { EXPORT_FONT_FAMILY, type FontFile, loadExportFonts } from './fonts';
import { canvasSnapshotOf, type ExportScope, itemsInScope } from './scope';

/** Space around the drawing, in canvas units. */
export const STAGE_PADDING = 24;

/** A drawn part of the board, ready to be captured as a picture or walked for a vector file. */
export interface ExportStage {
  /** The React Flow viewport element holding every drawn item (captured by html-to-image). */
  viewport: HTMLElement;
  /** What is drawn, in canvas units, padding included. */
  bounds: Rect;
  /** Each frame that is drawn (structured or free), in canvas units: one PDF page each on request. */
  frames: { id: string; rect: Rect }[];
  /** The export fonts' bytes (the PDF and SVG writers embed them). */
  fonts: Map<FontFile, Uint8Array>;
  /** Canvas coordinates of a point on screen (client coordinates). */
  toCanvas(clientX: number, clientY: number): { x: number; y: number };
  /** Unmounts the drawing. */
  dispose(): void;
}

/** The scope holds nothing that can be drawn; the message is for the person, translated. */
export class NothingToExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToExportError';
  }
}

function estimateBounds(snapshot: CanvasSnapshot): Rect {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const add = (r: Rect) => {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  };
  for (const id of snapshot.elementOrder) {
    const el = snapshot.elements[id];
    if (el && el.type !== 'connector') add(el);
  }
  for (const [kind, record] of allFrames(snapshot))
    add({ x: record.x, y: record.y, ...frameSize(kind, record) });
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function StageFlow({
  nodes,
  edges,
  origin,
  onReady,
}: {
  nodes: Node[];
  edges: Edge[];
  origin: { x: number; y: number };
  onReady(): void;
}) {
  return (
    <ReactFlow
      className="cx-canvas cx-export-flow"
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      defaultViewport={{ x: -origin.x, y: -origin.y, zoom: 1 }}
      minZoom={1}
      maxZoom={1}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      panOnDrag={false}
      zoomOnScroll={false}
      zoomOnPinch={false}
      zoomOnDoubleClick={false}
      preventScrolling={false}
      disableKeyboardA11y
      proOptions={{ hideAttribution: true }}
    >
      <ReadySignal onReady={onReady} />
    </ReactFlow>
  );
}

/**
 * Calls onReady once every node has been measured and drawn. React Flow shows a node only
 * after measuring it; the stage passes no `onNodesChange`, so its `nodesInitialized` flag is
 * never refreshed and the measured sizes are read from the node lookup instead.
 */
function ReadySignal({ onReady }: { onReady(): void }) {
  const measured = useStore((s) => {
    if (s.nodeLookup.size === 0) return false;
    for (const node of s.nodeLookup.values()) if (!node.measured.width || !node.measured.height) return false;
    return true;
  });
  const callback = useRef(onReady);
  callback.current = onReady;
  useEffect(() => {
    if (!measured) return;
    // Two frames: React Flow draws the edges after it has measured the nodes.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => callback.current());
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [measured]);
  return null;
}

/**
 * Draws `scope` of the board offscreen for an export: a React Flow of its own at 100 % zoom,
 * every node at full detail, view-only (no edit controls, handles, selection, cursors),
 * redacted quotes drawn as placeholders without their words, text in the export font.
 * Resolves once everything is measured and drawn; the caller must `dispose()` it.
 */
export async function mountExportStage(options: {
  board: BoardDoc;
  scope: ExportScope;
  redaction: RedactionOptions;
  t: TFunction;
  signal?: AbortSignal;
}): Promise<ExportStage> {
  const { board, scope, redaction, t, signal } = options;
  const fonts = await loadExportFonts();
  signal?.throwIfAborted();
  const full = canvasSelector()(board.snapshot());
  const snapshot = canvasSnapshotOf(full, itemsInScope(full, scope));
  const estimate = estimateBounds(snapshot);
  if (!Number.isFinite(estimate.width)) throw new NothingToExportError(t('export.error.nothing'));

  const describeFrame = (kind: (typeof snapshot.frames)[number]['kind'], record: { id: string }) => {
    try {
      return kind.label(record as never, t);
    } catch {
      return record.id;
    }
  };
  const nodes = createNodeMapper()({
    snapshot,
    selection: new Set(),
    overrides: new Map(),
    measured: new Map(),
    describe: (el) => el.text.slice(0, 80),
    describeFrame,
    frameSize,
  });
  const edges = createEdgeMapper()({
    snapshot,
    selection: new Set(),
    describe: (el) => el.text.slice(0, 80),
  });
  const origin = { x: estimate.x - STAGE_PADDING, y: estimate.y - STAGE_PADDING };

  const container = document.createElement('div');
  container.className = 'cx-export-stage';
  container.setAttribute('aria-hidden', 'true');
  container.inert = true;
  // Offscreen but laid out and painted (html-to-image and the vector walker need real boxes).
  Object.assign(container.style, {
    position: 'fixed',
    left: '-200000px',
    top: '0',
    width: `${Math.ceil(estimate.width + 2 * STAGE_PADDING)}px`,
    height: `${Math.ceil(estimate.height + 2 * STAGE_PADDING)}px`,
    fontFamily: `'${EXPORT_FONT_FAMILY}', sans-serif`,
    pointerEvents: 'none',
  });
  document.body.append(container);
  const root = createRoot(container);
  const dispose = () => {
    root.unmount();
    container.remove();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const abort = () => reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
      signal?.addEventListener('abort', abort, { once: true });
      root.render(
        <ViewOnlyBoardProvider board={board}>
          <ExportRenderContext.Provider value={redaction}>
            <ReactFlowProvider>
              <StageFlow
                nodes={nodes}
                edges={edges}
                origin={origin}
                onReady={() => {
                  signal?.removeEventListener('abort', abort);
                  resolve();
                }}
              />
            </ReactFlowProvider>
          </ExportRenderContext.Provider>
        </ViewOnlyBoardProvider>,
      );
    });
    await document.fonts.ready;
    signal?.throwIfAborted();
  } catch (error) {
    dispose();
    throw error;
  }

  const viewport = container.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) {
    dispose();
    throw new Error('export stage: React Flow drew no viewport');
  }
  const pane = container.getBoundingClientRect();
  const toCanvas = (clientX: number, clientY: number) => ({
    x: clientX - pane.left + origin.x,
    y: clientY - pane.top + origin.y,
  });
  // The real extent: frames lay themselves out and may be larger than their estimate.
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const frames: ExportStage['frames'] = [];
  const frameIds = new Set<string>();
  for (const [, record] of allFrames(snapshot)) frameIds.add(record.id);
  for (const id of snapshot.elementOrder) if (snapshot.elements[id]?.type === 'frame') frameIds.add(id);
  for (const el of viewport.querySelectorAll<HTMLElement>('.react-flow__node, .react-flow__edge')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const a = toCanvas(r.left, r.top);
    minX = Math.min(minX, a.x);
    minY = Math.min(minY, a.y);
    maxX = Math.max(maxX, a.x + r.width);
    maxY = Math.max(maxY, a.y + r.height);
    const id = el.dataset.id;
    if (id && el.classList.contains('react-flow__node') && frameIds.has(id))
      frames.push({ id, rect: { x: a.x, y: a.y, width: r.width, height: r.height } });
  }
  if (!Number.isFinite(minX)) {
    dispose();
    throw new NothingToExportError(t('export.error.nothing'));
  }
  const bounds = {
    x: Math.floor(minX - STAGE_PADDING),
    y: Math.floor(minY - STAGE_PADDING),
    width: Math.ceil(maxX - minX + 2 * STAGE_PADDING),
    height: Math.ceil(maxY - minY + 2 * STAGE_PADDING),
  };
  return { viewport, bounds, frames, fonts, toCanvas, dispose };
}
