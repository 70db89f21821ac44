import type { EdgeTypes, NodeProps, NodeTypes } from '@xyflow/react';
import { type ComponentType, createElement, Fragment, memo } from 'react';
import { frameNodeFor } from '../frames/FrameNode';
import { FRAME_KINDS } from '../frames/registry';
import type { FrameKind } from '../frames/types';
import { CannotDisplayBoundary, CannotDisplayItem } from './CannotDisplay';
import { ConnectorEdgeView } from './edges/ConnectorEdge';
import { ConnectionHandles } from './nodes/ConnectionHandles';
import { FrameNode, ShapeNode, StickyNode, TextNode } from './nodes/ElementNodes';

/**
 * The registry of node types the canvas draws: free elements, and one node type per frame
 * kind of the frame registry (each ONE node with its own internal layout). Every node gets
 * an error boundary (a node that cannot be drawn shows a "cannot display" placeholder with
 * its id; the rest of the board stays usable) and connection handles, so any two items can
 * be joined by a connector without each node type having to render handles.
 */

// biome-ignore lint/suspicious/noExplicitAny: React Flow node components are typed per node type.
type AnyNodeComponent = ComponentType<any>;

/** The record a node draws: a free element's or a frame's snapshot. */
function recordOf(data: Record<string, unknown>): unknown {
  return data.element ?? data.record;
}

function canvasNode(Inner: AnyNodeComponent, name: string): AnyNodeComponent {
  const Wrapped = memo(function CanvasNode(props: NodeProps) {
    return createElement(
      Fragment,
      null,
      createElement(
        CannotDisplayBoundary,
        {
          // A changed record (a peer repaired it) is tried again.
          resetKey: recordOf(props.data),
          fallback: () => createElement(CannotDisplayItem, { id: props.id }),
        },
        createElement(Inner, props),
      ),
      createElement(ConnectionHandles),
    );
  });
  Wrapped.displayName = `CanvasNode(${name})`;
  return Wrapped;
}

/** Node types for the free elements and for each of `kinds` (the registry's by default). */
export function buildNodeTypes(kinds: readonly FrameKind[] = FRAME_KINDS): NodeTypes {
  const types: NodeTypes = {
    sticky: canvasNode(StickyNode, 'StickyNode'),
    text: canvasNode(TextNode, 'TextNode'),
    shape: canvasNode(ShapeNode, 'ShapeNode'),
    frame: canvasNode(FrameNode, 'FrameNode'),
  };
  for (const kind of kinds) {
    if (Object.hasOwn(types, kind.type))
      throw new Error(`frame kind "${kind.type}" clashes with a node type`);
    types[kind.type] = canvasNode(frameNodeFor(kind), kind.type);
  }
  return types;
}

export const nodeTypes: NodeTypes = buildNodeTypes();

export const edgeTypes: EdgeTypes = {
  connector: ConnectorEdgeView,
};
