import {
  BaseEdge,
  EdgeLabelRenderer,
  type EdgeProps,
  getStraightPath,
  type InternalNode,
  useInternalNode,
} from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardReadOnly, useSession, useSessionStore } from '../../board/BoardContext';
import { INK_COLORS, resolveColor } from '../colors';
import { borderPoint, centerOf } from '../geometry';
import { InlineText } from '../nodes/InlineText';
import type { ConnectorEdge, Rect } from '../viewModel';

function rectOf(node: InternalNode): Rect {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/** A connector: a straight arrow between the outlines of two items, with an optional label. */
export const ConnectorEdgeView = memo(function ConnectorEdgeView({
  id,
  source,
  target,
  data,
  selected,
  markerEnd,
}: EdgeProps<ConnectorEdge>) {
  const { t } = useTranslation();
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  const editing = useSession((s) => s.editingId === id);
  const session = useSessionStore();
  const readOnly = useBoardReadOnly();
  if (!sourceNode || !targetNode || !data) return null;
  const a = rectOf(sourceNode);
  const b = rectOf(targetNode);
  const start = borderPoint(a, centerOf(b));
  const end = borderPoint(b, centerOf(a));
  const [path, labelX, labelY] = getStraightPath({
    sourceX: start.x,
    sourceY: start.y,
    targetX: end.x,
    targetY: end.y,
  });
  const color = resolveColor(data.element.style.color, INK_COLORS.gray);
  const text = data.element.text;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={18}
        style={{ stroke: color, strokeWidth: selected ? 3 : 2 }}
      />
      {(text || editing) && (
        <EdgeLabelRenderer>
          <div
            className={`cx-edge-label nopan ${selected ? 'cx-edge-label--selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {editing ? (
              <InlineText elementId={id} text={text} label={t('canvas.editor.connector')} singleLine />
            ) : readOnly ? (
              <span className="cx-edge-label__text">{text}</span>
            ) : (
              <button
                type="button"
                className="cx-edge-label__text"
                aria-label={t('canvas.node.named', { kind: t('canvas.editor.connector'), text })}
                onDoubleClick={() => session.getState().setEditing(id)}
                // Enter/Space on the focused label edits it; a single mouse click does not.
                onClick={(event) => {
                  if (event.detail === 0) session.getState().setEditing(id);
                }}
              >
                {text}
              </button>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
