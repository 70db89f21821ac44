import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardReadOnly, useSession } from '../../board/BoardContext';
import { INK_COLORS, PALETTE, resolveColor, strokeFor } from '../colors';
import type { ElementSnapshot } from '../../../shared/board';
import { useFarDrawing } from '../detail';
import type { ElementNode } from '../viewModel';
import { InlineText } from './InlineText';

/**
 * Resize handles, shown on the selected element while its text is not being edited (never on a
 * board open for viewing only).
 */
function ElementResizer({ id, selected, min = 40 }: { id: string; selected: boolean; min?: number }) {
  const editing = useSession((s) => s.editingId === id);
  const readOnly = useBoardReadOnly();
  return (
    <NodeResizer
      isVisible={selected && !editing && !readOnly}
      minWidth={min}
      minHeight={min}
      color="#2563eb"
    />
  );
}

/** A sticky note: a coloured square of text. */
export const StickyNode = memo(function StickyNode({ id, data, selected }: NodeProps<ElementNode>) {
  const far = useFarDrawing(id);
  const fill = resolveColor(data.element.style.color, PALETTE.yellow);
  if (far) return <div className="cx-sticky cx-far" style={{ background: fill }} />;
  return <StickyBody id={id} element={data.element} fill={fill} selected={selected} />;
});

function StickyBody({
  id,
  element,
  fill,
  selected,
}: {
  id: string;
  element: ElementSnapshot;
  fill: string;
  selected: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ElementResizer id={id} selected={selected} />
      <div className="cx-sticky" style={{ background: fill, fontSize: element.style.fontSize }}>
        <InlineText elementId={id} text={element.text} label={t('canvas.editor.sticky')} />
      </div>
    </>
  );
}

/** Free text on the canvas. */
export const TextNode = memo(function TextNode({ id, data, selected }: NodeProps<ElementNode>) {
  const far = useFarDrawing(id);
  const color = resolveColor(data.element.style.color, INK_COLORS.black);
  if (far) return <div className="cx-textbox cx-far" style={{ background: color, opacity: 0.35 }} />;
  return <TextBody id={id} element={data.element} color={color} selected={selected} />;
});

function TextBody({
  id,
  element,
  color,
  selected,
}: {
  id: string;
  element: ElementSnapshot;
  color: string;
  selected: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ElementResizer id={id} selected={selected} min={20} />
      <div className="cx-textbox" style={{ color, fontSize: element.style.fontSize }}>
        <InlineText
          elementId={id}
          text={element.text}
          label={t('canvas.editor.text')}
          placeholder={t('canvas.placeholder.text')}
        />
      </div>
    </>
  );
}

/** A rectangle, ellipse or diamond with centred text. */
export const ShapeNode = memo(function ShapeNode({ id, data, selected }: NodeProps<ElementNode>) {
  const { t } = useTranslation();
  const far = useFarDrawing(id);
  const { element } = data;
  const fill = resolveColor(element.style.color, PALETTE.blue);
  const stroke = strokeFor(fill);
  const kind = element.style.shape ?? 'rectangle';
  return (
    <>
      <ElementResizer id={id} selected={selected} />
      <div className="cx-shape" data-shape={kind}>
        <svg
          className="cx-shape__outline"
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          {kind === 'ellipse' ? (
            <ellipse
              cx="50"
              cy="50"
              rx="49"
              ry="49"
              fill={fill}
              stroke={stroke}
              vectorEffect="non-scaling-stroke"
            />
          ) : kind === 'diamond' ? (
            <polygon
              points="50,1 99,50 50,99 1,50"
              fill={fill}
              stroke={stroke}
              vectorEffect="non-scaling-stroke"
            />
          ) : (
            <rect
              x="1"
              y="1"
              width="98"
              height="98"
              rx="3"
              fill={fill}
              stroke={stroke}
              vectorEffect="non-scaling-stroke"
            />
          )}
        </svg>
        {!far && (
          <InlineText
            elementId={id}
            text={element.text}
            label={t('canvas.editor.shape')}
            className="cx-shape__text"
            style={{ fontSize: element.style.fontSize }}
          />
        )}
      </div>
    </>
  );
});

/** A frame: a titled area; what is dropped inside moves with it. Dragged by its title. */
export const FrameNode = memo(function FrameNode({ id, data, selected }: NodeProps<ElementNode>) {
  const { t } = useTranslation();
  const { element } = data;
  const fill = resolveColor(element.style.color, PALETTE.gray);
  return (
    <>
      <ElementResizer id={id} selected={selected} min={80} />
      <div className="cx-frame" style={{ background: `${fill}55`, borderColor: strokeFor(fill) }}>
        <div className="cx-frame__title">
          <InlineText
            elementId={id}
            text={element.text}
            label={t('canvas.editor.frame')}
            placeholder={t('canvas.placeholder.frame')}
            singleLine
          />
        </div>
      </div>
    </>
  );
});
