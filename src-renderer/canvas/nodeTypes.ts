import type { EdgeTypes, NodeProps, NodeTypes } from '@xyflow/react';
import { type ComponentType, createElement, Fragment, memo } from 'react';
import { JourneyNode } from '../journey';
import { ConnectorEdgeView } from './edges/ConnectorEdge';
import { ConnectionHandles } from './nodes/ConnectionHandles';
import { FrameNode, ShapeNode, StickyNode, TextNode } from './nodes/ElementNodes';

/**
 * The registry of node types the canvas draws. Free elements are ours; structured frames
 * (journey maps, later blueprints and matrices) come from their own folders and are ONE node
 * each, with their own internal layout. Every node gets connection handles here, so any two
 * items can be joined by a connector without each node type having to render handles.
 */

// biome-ignore lint/suspicious/noExplicitAny: React Flow node components are typed per node type.
type AnyNodeComponent = ComponentType<any>;

function withConnectionHandles(Inner: AnyNodeComponent, name: string): AnyNodeComponent {
  const Wrapped = memo(function NodeWithHandles(props: NodeProps) {
    return createElement(Fragment, null, createElement(Inner, props), createElement(ConnectionHandles));
  });
  Wrapped.displayName = `WithHandles(${name})`;
  return Wrapped;
}

export const nodeTypes: NodeTypes = {
  sticky: withConnectionHandles(StickyNode, 'StickyNode'),
  text: withConnectionHandles(TextNode, 'TextNode'),
  shape: withConnectionHandles(ShapeNode, 'ShapeNode'),
  frame: withConnectionHandles(FrameNode, 'FrameNode'),
  journey: withConnectionHandles(JourneyNode, 'JourneyNode'),
};

export const edgeTypes: EdgeTypes = {
  connector: ConnectorEdgeView,
};
