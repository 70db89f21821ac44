import { Panel, useReactFlow, useViewport } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../actions/ActionButton';
import { useActionContext } from '../actions/useActions';
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
  const ctx = useActionContext();
  return (
    <Panel position="bottom-left" className="cx-zoom" role="group" aria-label={t('canvas.zoom.panel')}>
      <ActionButton id="zoomOut" ctx={ctx}>
        −
      </ActionButton>
      <button
        type="button"
        className="cx-zoom__level"
        aria-label={t('canvas.zoom.reset', { percent: Math.round(zoom * 100) })}
        title={t('canvas.zoom.resetHint')}
        onClick={() => flow.zoomTo(1, { duration: 150 })}
      >
        {Math.round(zoom * 100)}%
      </button>
      <ActionButton id="zoomIn" ctx={ctx}>
        +
      </ActionButton>
      <ActionButton id="fitView" ctx={ctx}>
        ⤢
      </ActionButton>
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
