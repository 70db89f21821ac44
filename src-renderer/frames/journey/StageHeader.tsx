import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { StageSnapshot } from '../../../shared/board';
import { useBoard, useBoardReadOnly } from '../../board/BoardContext';
import { InlineField } from '../common/InlineField';
import { JOURNEY_METRICS } from './layout';
import { useJourneyUi } from './uiStore';
import { useReorderDrop } from './useReorderDrop';

/** MIME type of a stage or lane header being dragged to reorder. */
export const STRUCTURE_DRAG_TYPE = 'application/x-cxboard-journey-structure';

export interface StageHeaderProps {
  journeyId: string;
  stage: StageSnapshot;
  /** Shown number ("2", or "−1" while a reverse map is built backwards). */
  number: string;
  /** Stage ids in order, to resolve drops. */
  order: readonly string[];
  x: number;
  y: number;
  t: TFunction;
}

/**
 * A stage column's header: its number, its title edited in place, a grip to drag it to
 * another place, and a menu (add before/after, move left/right, delete) that also makes
 * reordering possible from the keyboard.
 */
export const StageHeader = memo(function StageHeader({
  journeyId,
  stage,
  number,
  order,
  x,
  y,
  t,
}: StageHeaderProps) {
  const board = useBoard();
  // Viewing only: no grip and no menu (every item of it changes the map); the title is read-only.
  const readOnly = useBoardReadOnly();
  const menuOpen = useJourneyUi((s) => s.popover?.kind === 'stageMenu' && s.popover.id === stage.id);
  const title = stage.title.trim() || t('journey.stage.untitled');
  const drop = useReorderDrop({
    kind: 'stage',
    journeyId,
    itemId: stage.id,
    order,
    axis: 'x',
    move: (draggedId, target) => board.moveStage(journeyId, draggedId, target),
  });
  const dropSide = drop.dropSide;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for mouse drags; the stage menu moves stages from the keyboard
    <div
      className={`jm-stage-header${dropSide ? ` is-drop-${dropSide}` : ''}`}
      style={{
        left: x,
        top: y,
        width: JOURNEY_METRICS.stageWidth,
        height: JOURNEY_METRICS.stageHeaderHeight,
      }}
      data-stage-id={stage.id}
      onDragOver={drop.onDragOver}
      onDragLeave={drop.onDragLeave}
      onDrop={drop.onDrop}
    >
      <div className="jm-stage-bar">
        {!readOnly && (
          <span
            className="jm-grip nodrag"
            draggable
            title={t('journey.stage.dragHint')}
            aria-hidden="true"
            onDragStart={(event) => {
              event.dataTransfer.setData(STRUCTURE_DRAG_TYPE, stage.id);
              event.dataTransfer.effectAllowed = 'move';
              useJourneyUi.getState().setDrag({ kind: 'stage', journeyId, id: stage.id });
            }}
            onDragEnd={() => useJourneyUi.getState().setDrag(null)}
          >
            ⠿
          </span>
        )}
        <span className="jm-stage-number">{number}</span>
        {!readOnly && (
          <button
            type="button"
            className="jm-icon-button nodrag nokey"
            data-popover-trigger
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            aria-label={t('journey.stage.options', { title })}
            onClick={() => {
              const ui = useJourneyUi.getState();
              if (menuOpen) ui.closePopover();
              else ui.openPopover({ kind: 'stageMenu', journeyId, id: stage.id });
            }}
          >
            ⋯
          </button>
        )}
      </div>
      <InlineField
        className="jm-stage-title"
        value={stage.title}
        placeholder={t('journey.stage.untitled')}
        label={t('journey.stage.title', { number })}
        onCommit={(next) => board.renameStage(journeyId, stage.id, next)}
      />
    </div>
  );
});
