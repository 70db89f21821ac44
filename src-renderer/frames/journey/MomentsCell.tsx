import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { MomentSnapshot } from '../../../shared/board';
import { useBoard, useBoardReadOnly } from '../../board/BoardContext';
import { truncate } from './JourneyCard';
import { JOURNEY_METRICS } from './layout';
import { defaultMomentType } from './reading';
import { useJourneyUi } from './uiStore';

export interface MomentsCellProps {
  journeyId: string;
  stageId: string;
  stageTitle: string;
  stageIndex: number;
  stageCount: number;
  moments: readonly MomentSnapshot[] | undefined;
  x: number;
  y: number;
  height: number;
  t: TFunction;
}

const EMPTY: readonly MomentSnapshot[] = [];

/**
 * The moments-of-truth cell of a stage: compact ZMOT/FMOT/SMOT/UMOT badges showing the
 * target ("what we want the customer to conclude") against the current state; a badge
 * opens its editor, the add button marks a new moment and opens it.
 */
export const MomentsCell = memo(function MomentsCell({
  journeyId,
  stageId,
  stageTitle,
  stageIndex,
  stageCount,
  moments = EMPTY,
  x,
  y,
  height,
  t,
}: MomentsCellProps) {
  const board = useBoard();
  // Viewing only: badges open the moment for reading; no "add" button.
  const readOnly = useBoardReadOnly();
  const openId = useJourneyUi((s) => (s.popover?.kind === 'moment' ? s.popover.id : null));

  const add = () => {
    const id = board.addMoment(journeyId, { stageId, type: defaultMomentType(stageIndex, stageCount) });
    useJourneyUi.getState().openPopover({ kind: 'moment', journeyId, id });
  };

  return (
    <div
      className="jm-cell jm-moments-cell"
      style={{ left: x, top: y, width: JOURNEY_METRICS.stageWidth, height }}
    >
      <ul className="jm-moment-list" aria-label={t('journey.moment.listLabel', { stage: stageTitle })}>
        {moments.map((moment) => {
          const target = moment.target.trim() || t('journey.moment.noTarget');
          const current = moment.current.trim() || t('journey.moment.noCurrent');
          return (
            <li key={moment.id}>
              <button
                type="button"
                className={`jm-moment nodrag nokey jm-moment-${moment.type}`}
                data-popover-trigger
                aria-haspopup="dialog"
                aria-expanded={openId === moment.id}
                aria-label={t('journey.moment.badge', { type: moment.type, target, current })}
                onClick={() => {
                  const ui = useJourneyUi.getState();
                  if (openId === moment.id) ui.closePopover();
                  else ui.openPopover({ kind: 'moment', journeyId, id: moment.id });
                }}
              >
                <span className="jm-moment-type">{moment.type}</span>
                <span className="jm-moment-text">
                  <span className="jm-moment-target">◎ {truncate(target, 60)}</span>
                  <span className="jm-moment-current">● {truncate(current, 60)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {!readOnly && (
        <button
          type="button"
          className="jm-add-card nodrag nokey"
          aria-label={t('journey.moment.add', { stage: stageTitle })}
          onClick={add}
        >
          + {t('journey.moment.addShort')}
        </button>
      )}
    </div>
  );
});
