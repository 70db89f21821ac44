import { Panel, useReactFlow, useViewport } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useBoardReadOnly, useSession } from '../board/BoardContext';

/**
 * Zoom out / zoom level (click: 100 %) / zoom in / fit, and the snap-to-grid toggle (not on a
 * board open for viewing only: it only affects placing things).
 */
export function ZoomControls() {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const { zoom } = useViewport();
  const snapToGrid = useSession((s) => s.snapToGrid);
  const toggleSnap = useSession((s) => s.toggleSnapToGrid);
  const readOnly = useBoardReadOnly();
  return (
    <Panel position="bottom-left" className="cx-zoom" role="group" aria-label={t('canvas.zoom.panel')}>
      <button
        type="button"
        aria-label={t('canvas.zoom.out')}
        title={t('canvas.zoom.out')}
        onClick={() => flow.zoomOut({ duration: 150 })}
      >
        −
      </button>
      <button
        type="button"
        className="cx-zoom__level"
        aria-label={t('canvas.zoom.reset', { percent: Math.round(zoom * 100) })}
        title={t('canvas.zoom.resetHint')}
        onClick={() => flow.zoomTo(1, { duration: 150 })}
      >
        {Math.round(zoom * 100)}%
      </button>
      <button
        type="button"
        aria-label={t('canvas.zoom.in')}
        title={t('canvas.zoom.in')}
        onClick={() => flow.zoomIn({ duration: 150 })}
      >
        +
      </button>
      <button
        type="button"
        aria-label={t('canvas.zoom.fit')}
        title={`${t('canvas.zoom.fit')} (Ctrl+0)`}
        onClick={() => flow.fitView({ padding: 0.1, duration: 200 })}
      >
        ⤢
      </button>
      {!readOnly && (
        <button
          type="button"
          aria-label={t('canvas.snap')}
          title={t('canvas.snap')}
          aria-pressed={snapToGrid}
          onClick={toggleSnap}
        >
          #
        </button>
      )}
    </Panel>
  );
}
