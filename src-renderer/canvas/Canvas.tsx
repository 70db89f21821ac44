import {
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionMode,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  type Viewport,
  Panel,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import {
  type MouseEvent as ReactMouseEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ElementSnapshot } from '../../shared/board';
import { toolAction } from '../actions/registry';
import { useActionContext, useActionKeyboard } from '../actions/useActions';
import {
  useBoard,
  useBoardReadOnly,
  useBoardSelector,
  useSession,
  useSessionStore,
} from '../board/BoardContext';
import { findFrame, frameKindOf, frameSize } from '../frames/registry';
import type { FrameKind, FrameRecord } from '../frames/types';
import { activeExtensions } from '../shell/extensions';
import { notify } from '../shell/notices';
import { CannotDisplayBoard, CannotDisplayBoundary } from './CannotDisplay';
import { PALETTE, resolveColor } from './colors';
import { useFarZoom } from './detail';
import { fitViewport, unionRect } from './geometry';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { GRID } from './useCanvasActions';
import {
  allFrames,
  type CanvasNode,
  type CanvasSnapshot,
  type ConnectorEdge,
  canvasSelector,
  createEdgeMapper,
  createNodeMapper,
  frameAt,
  framesOf,
  type GeometryOverride,
} from './viewModel';
import { ZoomControls } from './ZoomControls';

const EMPTY_OVERRIDES: ReadonlyMap<string, GeometryOverride> = new Map();
const EMPTY_MEASURED: ReadonlyMap<string, { width: number; height: number }> = new Map();

/** Ids of the elements inside each frame, so a dragged frame can carry them along. */
function childrenByFrame(snapshot: CanvasSnapshot): Map<string, ElementSnapshot[]> {
  const map = new Map<string, ElementSnapshot[]>();
  for (const id of snapshot.elementOrder) {
    const el = snapshot.elements[id];
    if (!el?.frameId || el.type === 'connector') continue;
    const list = map.get(el.frameId);
    if (list) list.push(el);
    else map.set(el.frameId, [el]);
  }
  return map;
}

function minimapColor(node: CanvasNode): string {
  const kind = frameKindOf(node.type);
  if (kind) return kind.minimapColor;
  const element = (node.data as { element?: ElementSnapshot }).element;
  if (!element) return '#e2e8f0';
  if (element.type === 'text') return '#94a3b8';
  return resolveColor(element.style.color, PALETTE.gray);
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;

/**
 * The viewport a board opens with: all of it in view (at most 100 %), computed from the
 * document before React Flow mounts. React Flow then renders only what is in that view, once,
 * instead of first rendering at 100 % and again after a fit.
 */
export function openingViewport(snapshot: CanvasSnapshot, width: number, height: number): Viewport {
  const rects: { x: number; y: number; width: number; height: number }[] = [];
  for (const id of snapshot.elementOrder) {
    const el = snapshot.elements[id];
    if (el && el.type !== 'connector') rects.push(el);
  }
  for (const [kind, record] of allFrames(snapshot)) {
    rects.push({ x: record.x, y: record.y, ...frameSize(kind, record) });
  }
  const bounds = unionRect(rects);
  if (!bounds) return { x: 0, y: 0, zoom: 1 };
  return fitViewport(bounds, width, height, { padding: 0.05, minZoom: MIN_ZOOM, maxZoom: 1 });
}

/**
 * Measures the space the canvas gets, then mounts it with the opening viewport. The
 * measuring happens in a layout effect, before the first paint.
 */
export function CanvasHost() {
  const board = useBoard();
  const ref = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setViewport(openingViewport(canvasSelector()(board.snapshot()), el.clientWidth, el.clientHeight));
  }, [board]);
  return (
    <div ref={ref} className="cx-canvas-host">
      {/* The board's boundary: if the canvas itself cannot be drawn, the app stays usable. */}
      <CannotDisplayBoundary resetKey={board} fallback={(retry) => <CannotDisplayBoard retry={retry} />}>
        {viewport && <Canvas initialViewport={viewport} />}
      </CannotDisplayBoundary>
    </div>
  );
}

/**
 * The board canvas: React Flow drawing the document's view model. Document changes arrive
 * through the snapshot; the user's drags and resizes are kept as local overrides while they
 * happen and written to the document once, at the end, as one undo step.
 */
export function Canvas({ initialViewport }: { initialViewport: Viewport }) {
  const board = useBoard();
  const session = useSessionStore();
  const { t, i18n } = useTranslation();
  const flow = useReactFlow();
  const actionContext = useActionContext();
  const actions = actionContext.canvas;
  const readOnly = useBoardReadOnly();

  const [selectCanvas] = useState(canvasSelector);
  const snapshot = useBoardSelector(selectCanvas);
  const tool = useSession((s) => s.tool);
  const selection = useSession((s) => s.selection);
  const snapToGrid = useSession((s) => s.snapToGrid);
  const connectFrom = useSession((s) => s.connectFrom);

  const [overrides, setOverrides] = useState(EMPTY_OVERRIDES);
  const overridesRef = useRef(overrides);
  overridesRef.current = overrides;
  const [measured, setMeasured] = useState(EMPTY_MEASURED);

  const frameChildren = useMemo(() => childrenByFrame(snapshot), [snapshot]);
  const frameChildrenRef = useRef(frameChildren);
  frameChildrenRef.current = frameChildren;

  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: relabel when the language changes.
  const describe = useCallback(
    (el: ElementSnapshot) => {
      const text = el.text.trim().slice(0, 80);
      const kind = el.type === 'shape' ? `shape.${el.style.shape ?? 'rectangle'}` : el.type;
      return text
        ? t('canvas.node.named', { kind: t(`canvas.kind.${kind}`), text })
        : t(`canvas.kind.${kind}`);
    },
    [t, language],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: relabel when the language changes.
  const describeFrame = useCallback(
    (kind: FrameKind, record: FrameRecord) => {
      try {
        return kind.label(record, t);
      } catch {
        // A record its kind cannot read: its node shows the "cannot display" placeholder.
        return t('canvas.cannotDisplay.itemLabel', { id: record.id });
      }
    },
    [t, language],
  );

  const [nodeMapper] = useState(createNodeMapper);
  const [edgeMapper] = useState(createEdgeMapper);
  const selectionSet = useMemo(() => new Set(selection), [selection]);
  const nodes = useMemo(
    () =>
      nodeMapper({
        snapshot,
        selection: selectionSet,
        overrides,
        measured,
        describe,
        describeFrame,
        frameSize,
      }),
    [nodeMapper, snapshot, selectionSet, overrides, measured, describe, describeFrame],
  );
  const edges = useMemo(
    () => edgeMapper({ snapshot, selection: selectionSet, describe }),
    [edgeMapper, snapshot, selectionSet, describe],
  );

  const applySelection = useCallback(
    (changes: { id: string; selected: boolean }[]) => {
      if (changes.length === 0) return;
      const next = new Set(session.getState().selection);
      for (const c of changes) {
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      session.getState().setSelection([...next]);
    },
    [session],
  );

  const commitResize = useCallback(
    (id: string, size: { width: number; height: number }, pending: Map<string, GeometryOverride>) => {
      const el = board.snapshot().elements[id];
      const o = pending.get(id);
      pending.delete(id);
      if (!el) return;
      try {
        board.updateElement(id, {
          x: o?.x ?? el.x,
          y: o?.y ?? el.y,
          width: Math.max(1, Math.round(size.width)),
          height: Math.max(1, Math.round(size.height)),
        });
      } catch {
        notify(t('canvas.error.resize'), 'error');
      }
    },
    [board, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const snap = board.snapshot();
      const selects: { id: string; selected: boolean }[] = [];
      let next: Map<string, GeometryOverride> | null = null;
      let nextMeasured: Map<string, { width: number; height: number }> | null = null;
      const pending = () => {
        next ??= new Map(overridesRef.current);
        return next;
      };
      for (const change of changes) {
        if (change.type === 'select') {
          selects.push({ id: change.id, selected: change.selected });
        } else if (change.type === 'position' && change.position) {
          const map = pending();
          map.set(change.id, { ...map.get(change.id), x: change.position.x, y: change.position.y });
          const frame = snap.elements[change.id];
          if (frame?.type === 'frame') {
            // The frame carries its contents while it is dragged (the document does the same on commit).
            const dx = change.position.x - frame.x;
            const dy = change.position.y - frame.y;
            for (const child of frameChildrenRef.current.get(change.id) ?? []) {
              map.set(child.id, { ...map.get(child.id), x: child.x + dx, y: child.y + dy });
            }
          }
        } else if (change.type === 'dimensions' && change.dimensions) {
          if (change.resizing) {
            const map = pending();
            map.set(change.id, { ...map.get(change.id), ...change.dimensions });
          } else if (change.resizing === false) {
            commitResize(change.id, change.dimensions, pending());
          } else if (findFrame(snap, change.id)) {
            const current = (nextMeasured ?? measured).get(change.id);
            if (current?.width !== change.dimensions.width || current?.height !== change.dimensions.height) {
              nextMeasured ??= new Map(measured);
              nextMeasured.set(change.id, change.dimensions);
            }
          }
        }
      }
      applySelection(selects);
      if (next) setOverrides(next);
      if (nextMeasured) setMeasured(nextMeasured);
    },
    [board, measured, applySelection, commitResize],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ConnectorEdge>[]) => {
      applySelection(
        changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : [])),
      );
    },
    [applySelection],
  );

  /** Writes the end of a drag to the document: positions, and frame membership of what was dropped. */
  const commitDrag = useCallback(
    (draggedIds: string[]) => {
      const o = overridesRef.current;
      const snap = board.snapshot();
      const moves: { id: string; x: number; y: number }[] = [];
      const frameMoves: { kind: FrameKind; id: string; x: number; y: number }[] = [];
      const reframes: { id: string; frameId: string | null }[] = [];
      const frames = framesOf(snap, o);
      for (const id of draggedIds) {
        const pos = o.get(id);
        if (pos?.x === undefined || pos.y === undefined) continue;
        const el = Object.hasOwn(snap.elements, id) ? snap.elements[id] : undefined;
        const frame = findFrame(snap, id);
        if (el) {
          if (pos.x !== el.x || pos.y !== el.y) moves.push({ id, x: pos.x, y: pos.y });
          if (el.type !== 'frame' && el.type !== 'connector') {
            const frameId = frameAt(frames, { x: pos.x, y: pos.y, width: el.width, height: el.height }, id);
            if (frameId !== el.frameId) reframes.push({ id, frameId });
          }
        } else if (frame && (pos.x !== frame.record.x || pos.y !== frame.record.y)) {
          frameMoves.push({ kind: frame.kind, id, x: pos.x, y: pos.y });
        }
      }
      setOverrides(EMPTY_OVERRIDES);
      if (moves.length + frameMoves.length + reframes.length === 0) return;
      try {
        board.batch('moveSelection', () => {
          if (moves.length > 0) board.moveElements(moves);
          for (const f of frameMoves) f.kind.moveTo(board, f.id, { x: f.x, y: f.y });
          for (const r of reframes) board.updateElement(r.id, { frameId: r.frameId });
        });
      } catch {
        notify(t('canvas.error.move'), 'error');
      }
    },
    [board, t],
  );

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: CanvasNode, dragged: CanvasNode[]) => commitDrag(dragged.map((n) => n.id)),
    [commitDrag],
  );
  const onSelectionDragStop = useCallback(
    (_event: unknown, dragged: CanvasNode[]) => commitDrag(dragged.map((n) => n.id)),
    [commitDrag],
  );

  // Viewing only: leave any creation tool or editing that was under way when the role arrived.
  useEffect(() => {
    if (!readOnly) return;
    const state = session.getState();
    if (!toolAction(state.tool).viewer) state.setTool('select');
    if (state.editingId) state.setEditing(null);
  }, [readOnly, session]);

  const onNodeClick = useCallback(
    (_event: ReactMouseEvent, node: CanvasNode) => {
      const state = session.getState();
      if (state.tool !== 'connector' || readOnly) return;
      if (!state.connectFrom) state.setConnectFrom(node.id);
      else if (state.connectFrom !== node.id) actions.connect(state.connectFrom, node.id);
    },
    [session, actions, readOnly],
  );

  const onNodeDoubleClick = useCallback(
    (_event: ReactMouseEvent, node: CanvasNode) => {
      // Frames edit their own parts in place; free elements edit their text.
      if (!frameKindOf(node.type) && !readOnly) session.getState().setEditing(node.id);
    },
    [session, readOnly],
  );

  const onEdgeDoubleClick = useCallback(
    (_event: ReactMouseEvent, edge: ConnectorEdge) => {
      if (!readOnly) session.getState().setEditing(edge.id);
    },
    [session, readOnly],
  );

  const onPaneClick = useCallback(
    (event: ReactMouseEvent) => {
      const state = session.getState();
      if (state.editingId) state.setEditing(null);
      if (readOnly) return;
      actions.createAt(state.tool, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [session, actions, flow, readOnly],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!readOnly) actions.connect(connection.source, connection.target);
    },
    [actions, readOnly],
  );

  // A connection dragged from a handle may end anywhere on the other item, not only on its
  // handles (as in Miro and tldraw): find the node under the pointer.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || readOnly) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target = document
        .elementsFromPoint(point.clientX, point.clientY)
        .map((el) => el.closest<HTMLElement>('.react-flow__node'))
        .find((el) => el && el.dataset.id !== state.fromNode?.id);
      const targetId = target?.dataset.id;
      if (targetId) actions.connect(state.fromNode.id, targetId);
    },
    [actions, readOnly],
  );

  // While the view moves, the viewport layer is composited (will-change), so panning moves
  // already drawn pixels instead of repainting every item each frame; when it stops the
  // layer is drawn again at the new zoom, sharp.
  // The class is toggled on the element directly (no React render per gesture) and kept a
  // moment after a move ends, so a run of wheel events does not repaint between events.
  const flowRef = useRef<HTMLDivElement>(null);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onMoveStart = useCallback(() => {
    if (settleTimer.current) clearTimeout(settleTimer.current);
    settleTimer.current = null;
    flowRef.current?.classList.add('cx-canvas--moving');
  }, []);
  const onMoveEnd = useCallback(
    (_event: unknown, viewport: { x: number; y: number; zoom: number }) => {
      session.getState().setViewport(viewport);
      if (settleTimer.current) clearTimeout(settleTimer.current);
      settleTimer.current = setTimeout(() => flowRef.current?.classList.remove('cx-canvas--moving'), 250);
    },
    [session],
  );
  useEffect(
    () => () => {
      if (settleTimer.current) clearTimeout(settleTimer.current);
    },
    [],
  );

  useActionKeyboard(actionContext);

  const [extensions] = useState(activeExtensions);

  // Viewers hear what they can do: the usual descriptions speak of editing and deleting.
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t(readOnly ? 'canvas.a11y.nodeReadOnly' : 'canvas.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t(readOnly ? 'canvas.a11y.nodeReadOnly' : 'canvas.a11y.node'),
      'node.a11yDescription.ariaLiveMessage': ({ x, y }: { direction: string; x: number; y: number }) =>
        t('canvas.a11y.moved', { x, y }),
      'edge.a11yDescription.default': t(readOnly ? 'canvas.a11y.edgeReadOnly' : 'canvas.a11y.edge'),
      'controls.ariaLabel': t('canvas.zoom.panel'),
      'controls.zoomIn.ariaLabel': t('actions.zoomIn'),
      'controls.zoomOut.ariaLabel': t('actions.zoomOut'),
      'controls.fitView.ariaLabel': t('actions.fitView'),
      'controls.interactive.ariaLabel': t('canvas.zoom.interactive'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.handle'),
    }),
    [t, readOnly],
  );

  const hand = tool === 'hand';
  // Zoomed far out: structured frames may draw less (see detail.ts); this class lets their CSS know.
  const far = useFarZoom();
  return (
    <ReactFlow<CanvasNode, ConnectorEdge>
      defaultViewport={initialViewport}
      ref={flowRef}
      className={`cx-canvas cx-canvas--tool-${tool}${far ? ' cx-canvas--far' : ''}${readOnly ? ' cx-canvas--readonly' : ''}`}
      role="application"
      aria-label={t('canvas.label')}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStop={onNodeDragStop}
      onSelectionDragStop={onSelectionDragStop}
      onNodeClick={onNodeClick}
      onNodeDoubleClick={onNodeDoubleClick}
      onEdgeDoubleClick={onEdgeDoubleClick}
      onPaneClick={onPaneClick}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      onMoveStart={onMoveStart}
      onMoveEnd={onMoveEnd}
      connectionMode={ConnectionMode.Loose}
      panOnDrag={hand ? true : [1, 2]}
      selectionOnDrag={tool === 'select'}
      panOnScroll
      zoomOnScroll={false}
      zoomOnPinch
      zoomOnDoubleClick={false}
      panActivationKeyCode="Space"
      multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
      deleteKeyCode={null}
      disableKeyboardA11y
      nodesDraggable={!hand && !readOnly}
      nodesConnectable={!hand && !readOnly}
      elementsSelectable={!hand}
      snapToGrid={snapToGrid}
      snapGrid={[GRID, GRID]}
      elevateNodesOnSelect={false}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      ariaLabelConfig={ariaLabelConfig}
    >
      <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />
      <MiniMap<CanvasNode> pannable zoomable nodeColor={minimapColor} ariaLabel={t('canvas.minimap')} />
      <ZoomControls />
      {extensions.map((ext, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the extension list is fixed for the app's lifetime.
        ext.CanvasLayer ? <ext.CanvasLayer key={i} board={board} /> : null,
      )}
      {tool === 'connector' && (
        <Panel position="top-center" className="cx-hint" role="status">
          {connectFrom ? t('canvas.hint.connectTarget') : t('canvas.hint.connectSource')}
        </Panel>
      )}
    </ReactFlow>
  );
}
