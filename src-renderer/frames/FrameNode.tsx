import type { Node, NodeProps } from '@xyflow/react';
import { type ComponentType, type FocusEvent, memo, useMemo, useRef, useState } from 'react';
import { useBoardSelector } from '../board/BoardContext';
import { useFarDrawing } from '../canvas/detail';
import type { FrameKind, FrameRecord } from './types';

/** Data of a frame node: its record, from the board snapshot (a new object when it changed). */
export type FrameNodeData = { record: FrameRecord };
/** A frame as a React Flow node; its type is the kind's `type`. */
export type FrameFlowNode = Node<FrameNodeData, string>;

/**
 * The React Flow node of a frame kind: draws the kind's detailed drawing at working zoom and
 * its far drawing below the canvas's FAR_ZOOM (switched progressively, see canvas/detail.ts).
 * A frame with focus inside (a field being typed in) keeps its detailed drawing until focus
 * leaves, so zooming out never drops a draft.
 */
export function frameNodeFor(kind: FrameKind): ComponentType<NodeProps<FrameFlowNode>> {
  // biome-ignore lint/correctness/noComponentHookFactories: one node component per registered kind, made once when the canvas's node types are built.
  const FrameNode = memo(function FrameNode({ id, data, selected }: NodeProps<FrameFlowNode>) {
    // The node reads its record from the board itself, not only from `data`: the canvas hands
    // React Flow new nodes a render later, and parts of a frame that react to the same
    // change (a popover opened for a just-added item) must see the new record at once.
    const live = useBoardSelector((s) => {
      const records = kind.records(s);
      return Object.hasOwn(records, id) ? records[id] : undefined;
    });
    const current = live ?? data.record;
    const previous = useRef<FrameRecord | undefined>(undefined);
    const record = useMemo(() => {
      const next = kind.stabilize ? kind.stabilize(previous.current, current) : current;
      previous.current = next;
      return next;
    }, [current]);
    const far = useFarDrawing(id, kind.detailWeight(record));
    const [focusInside, setFocusInside] = useState(false);
    const Drawing = far && !focusInside ? kind.Far : kind.Detailed;
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: only notes whether focus is inside (focus events bubble); the kind's drawing holds the controls.
      <div
        className="cx-frame-node"
        onFocus={() => setFocusInside(true)}
        onBlur={(event: FocusEvent<HTMLElement>) => {
          if (!event.currentTarget.contains(event.relatedTarget as globalThis.Node | null))
            setFocusInside(false);
        }}
      >
        <Drawing record={record} selected={!!selected} />
      </div>
    );
  });
  FrameNode.displayName = `FrameNode(${kind.type})`;
  return FrameNode;
}
