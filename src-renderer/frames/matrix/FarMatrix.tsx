import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixSnapshot } from '../../../shared/board';
import { aiPriority } from '../../../shared/metrics';
import type { FrameDrawingProps } from '../types';
import { MATRIX_METRICS, matrixNodeSize } from './layout';
import { matrixLabel } from './MatrixFrame';

/** Type sizes at far zoom, in canvas units (readable down to about 20–35 % zoom). */
const TITLE_SIZE = 56;
const STAGE_SIZE = 30;

/**
 * The matrix below the canvas's far zoom: one SVG picture — the title, a band per stage with
 * its name in large type and a bar as long as its priority, coloured by decision. Nothing
 * focusable; the frame keeps its accessible name.
 */
export const FarMatrix = memo(function FarMatrix({
  record: matrix,
  selected,
}: FrameDrawingProps<MatrixSnapshot>) {
  const { t } = useTranslation();
  const { width, height } = matrixNodeSize(matrix);
  const m = MATRIX_METRICS;
  const top = m.padding + m.headerHeight + m.columnHeaderHeight;
  const barLeft = 760;
  const barWidth = width - barLeft - m.padding * 4;
  return (
    <svg
      className={`mx-far${selected ? ' is-selected' : ''}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={matrixLabel(matrix, t)}
    >
      <rect x={1} y={1} width={width - 2} height={height - 2} rx={10} className="mx-far-frame" />
      <text x={m.padding * 2} y={m.padding + TITLE_SIZE} fontSize={TITLE_SIZE} className="mx-far-title">
        {(matrix.title.trim() || t('matrix.node.kind')).slice(0, 60)}
      </text>
      {matrix.rows.map((row, i) => {
        const y = top + i * m.rowHeight;
        const scored = aiPriority(row);
        return (
          <g key={row.stageId}>
            <rect
              x={m.padding}
              y={y}
              width={width - m.padding * 2}
              height={m.rowHeight - 8}
              className={`mx-far-row${i % 2 ? ' is-odd' : ''}`}
            />
            <text
              x={m.padding * 2}
              y={y + m.rowHeight / 2 + STAGE_SIZE / 3}
              fontSize={STAGE_SIZE}
              className="mx-far-stage"
            >
              {`${i + 1}. ${(row.stageTitle.trim() || t('matrix.stageUntitled')).slice(0, 36)}`}
            </text>
            {scored.ok && (
              <rect
                x={barLeft}
                y={y + m.rowHeight / 2 - 20}
                width={Math.max(8, (barWidth * scored.value) / 100)}
                height={40}
                rx={6}
                className={`mx-far-bar is-${row.decision ?? 'unset'}`}
              />
            )}
          </g>
        );
      })}
    </svg>
  );
});
