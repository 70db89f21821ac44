import { type ReactFlowState, useReactFlow, useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDoc } from '../../shared/board';
import { useSession } from '../board/BoardContext';
import type { BoardConnection } from '../sync/connection';
import { useBoardConnection, usePeers } from '../sync/hooks';
import type { Peer } from '../sync/presenceState';
import { useJourneyUi } from '../frames/journey/uiStore';
import { useFollow } from './follow';
import './presence.css';

/**
 * Everything about other people that lives on the canvas: their cursors with name labels,
 * outlines of what they have selected, following someone's view, and publishing this
 * person's own cursor, selection and view. Mounted inside React Flow (the canvas-layer slot).
 */
export function PresenceLayer({ board }: { board: BoardDoc }) {
  const connection = useBoardConnection(board);
  if (!connection) return null;
  return <LivePresence connection={connection} />;
}

function LivePresence({ connection }: { connection: BoardConnection }) {
  const peers = usePeers(connection);
  usePublishPresence(connection);
  useFollowing(peers);
  return (
    <ViewportPortal>
      <div className="cx-presence" aria-hidden="true">
        <SelectionOutlines peers={peers} />
        {peers.map((peer) => (peer.cursor ? <RemoteCursor key={peer.clientId} peer={peer} /> : null))}
      </div>
    </ViewportPortal>
  );
}

const selectZoom = (s: ReactFlowState) => s.transform[2];

/** A cursor arrow and name label at the peer's pointer, the same size at every zoom. */
function RemoteCursor({ peer }: { peer: Peer }) {
  const zoom = useFlowStore(selectZoom);
  const { x, y } = peer.cursor!;
  return (
    <div
      className="cx-presence__cursor"
      data-testid="remote-cursor"
      data-name={peer.name}
      style={{ transform: `translate(${x}px, ${y}px) scale(${1 / zoom})` }}
    >
      <svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true">
        <path
          d="M1 1 L1 18 L5.5 13.8 L8.6 21 L11.6 19.7 L8.6 12.6 L15 12.6 Z"
          fill={peer.color}
          stroke="#fff"
        />
      </svg>
      <span className="cx-presence__label" style={{ background: peer.color }}>
        {peer.name}
      </span>
    </div>
  );
}

interface Outline {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  names: string;
}

/** Outlines, in each selector's colour, around canvas items other people have selected. */
function SelectionOutlines({ peers }: { peers: readonly Peer[] }) {
  const { t } = useTranslation();
  const zoom = useFlowStore(selectZoom);
  // `nodes` changes identity whenever any node moves or resizes; the lookup then holds the new geometry.
  useFlowStore((s) => s.nodes);
  const lookup = useFlowStore((s) => s.nodeLookup);
  const byItem = new Map<string, Peer[]>();
  for (const peer of peers) {
    for (const id of peer.selection) byItem.set(id, [...(byItem.get(id) ?? []), peer]);
  }
  const outlines: Outline[] = [];
  for (const [id, selectors] of byItem) {
    const node = lookup.get(id);
    if (!node || node.hidden) continue;
    const width = node.measured.width ?? node.width ?? 0;
    const height = node.measured.height ?? node.height ?? 0;
    if (width <= 0 || height <= 0) continue;
    const { x, y } = node.internals.positionAbsolute;
    outlines.push({
      key: id,
      x,
      y,
      width,
      height,
      color: selectors[0]!.color,
      names: t('presence.selectedBy', { names: selectors.map((p) => p.name).join(', ') }),
    });
  }
  const pad = 4 / zoom;
  return outlines.map((o) => (
    <div
      key={o.key}
      className="cx-presence__outline"
      data-testid="remote-selection"
      data-item={o.key}
      style={{
        transform: `translate(${o.x - pad}px, ${o.y - pad}px)`,
        width: o.width + 2 * pad,
        height: o.height + 2 * pad,
        borderColor: o.color,
        borderWidth: 2 / zoom,
      }}
    >
      <span
        className="cx-presence__label cx-presence__label--outline"
        style={{ background: o.color, transform: `scale(${1 / zoom})` }}
      >
        {o.names}
      </span>
    </div>
  ));
}

const selectDomNode = (s: ReactFlowState) => s.domNode;
const selectViewCentre = (s: ReactFlowState) => {
  const [x, y, zoom] = s.transform;
  // The flow point at the middle of the pane, rounded so tiny float noise is not sent.
  return `${Math.round((s.width / 2 - x) / zoom)},${Math.round((s.height / 2 - y) / zoom)},${Math.round(zoom * 1000) / 1000}`;
};

/** Publishes this person's cursor (flow coordinates), selection and view through presence. */
function usePublishPresence(connection: BoardConnection): void {
  const flow = useReactFlow();
  const domNode = useFlowStore(selectDomNode);
  const selection = useSession((s) => s.selection);
  // A journey card being edited counts as selected, so others see who is typing in it.
  const editingCard = useJourneyUi((s) => s.editingCardId);
  const centre = useFlowStore(selectViewCentre);
  const { presence } = connection;

  useEffect(
    () => presence.setSelection(editingCard ? [...selection, editingCard] : selection),
    [presence, selection, editingCard],
  );

  useEffect(() => {
    const [x, y, zoom] = centre.split(',').map(Number) as [number, number, number];
    presence.setViewport({ x, y, zoom });
  }, [presence, centre]);

  useEffect(() => {
    if (!domNode) return;
    const move = (event: PointerEvent) =>
      presence.setCursor(
        flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }, { snapToGrid: false }),
      );
    const leave = () => presence.setCursor(null);
    domNode.addEventListener('pointermove', move);
    domNode.addEventListener('pointerleave', leave);
    return () => {
      domNode.removeEventListener('pointermove', move);
      domNode.removeEventListener('pointerleave', leave);
      presence.setCursor(null);
    };
  }, [domNode, flow, presence]);
}

/** While following someone, keeps this view centred on theirs at their zoom. */
function useFollowing(peers: readonly Peer[]): void {
  const flow = useReactFlow();
  const domNode = useFlowStore(selectDomNode);
  const following = useFollow((s) => s.following);
  const stop = useFollow((s) => s.stop);
  const target = following === null ? null : (peers.find((p) => p.clientId === following) ?? null);
  const viewport = target?.viewport ?? null;

  useEffect(() => {
    if (following !== null && target === null) stop(); // they left
  }, [following, target, stop]);

  useEffect(() => {
    if (viewport) void flow.setCenter(viewport.x, viewport.y, { zoom: viewport.zoom, duration: 0 });
  }, [flow, viewport]);

  useEffect(() => {
    if (following === null || !domNode) return;
    // The person takes the view back: any key, wheel or drag on the canvas ends following.
    const options = { capture: true, passive: true } as const;
    window.addEventListener('keydown', stop, options);
    domNode.addEventListener('wheel', stop, options);
    domNode.addEventListener('pointerdown', stop, options);
    return () => {
      window.removeEventListener('keydown', stop, options);
      domNode.removeEventListener('wheel', stop, options);
      domNode.removeEventListener('pointerdown', stop, options);
    };
  }, [following, domNode, stop]);
}
