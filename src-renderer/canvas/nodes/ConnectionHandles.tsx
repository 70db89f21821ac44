import { Handle, Position } from '@xyflow/react';

const SIDES = [Position.Top, Position.Right, Position.Bottom, Position.Left] as const;

/**
 * One handle per side. The canvas runs React Flow in loose connection mode, so every handle
 * both starts and ends connectors; connectors are drawn between node outlines (see
 * ConnectorEdge), the handles only start a drag.
 */
export function ConnectionHandles() {
  return (
    <>
      {SIDES.map((side) => (
        <Handle key={side} id={side} type="source" position={side} className="cx-handle" />
      ))}
    </>
  );
}
