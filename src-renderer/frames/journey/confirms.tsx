import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneySnapshot } from '../../../shared/board';
import { useBoard, useBoardSelector } from '../../board/BoardContext';
import { RadioGroup } from '../common/RadioGroup';
import { blueprintCardsInStage, stageContent } from './content';
import { laneDisplayTitle } from './reading';

interface ConfirmProps {
  journey: JourneySnapshot;
  close(restoreFocus?: boolean): void;
}

/** Focuses the safe choice (Cancel) when a confirmation opens. */
function useCancelFocus() {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/**
 * Confirms deleting a stage with its content. When an AI matrix follows the journey, the
 * user chooses whether its row for the stage goes too or is kept as a detached row; when a
 * linked blueprint has process cards in the stage's column, whether they go too or stay as a
 * column of the blueprint's own (the default: nothing is lost unless asked).
 */
export function ConfirmStage({ journey, stageId, close }: ConfirmProps & { stageId: string }) {
  const { t } = useTranslation();
  const board = useBoard();
  const cancelRef = useCancelFocus();
  const titleId = useId();
  const metrics = useBoardSelector(
    (s) => Object.values(s.metrics).filter((m) => m.journeyId === journey.id && m.stageId === stageId).length,
  );
  const hasMatrix = useBoardSelector((s) =>
    Object.values(s.matrices).some((m) => m.journeyId === journey.id),
  );
  const processCards = useBoardSelector((s) => blueprintCardsInStage(s, journey.id, stageId));
  const [blueprintCards, setBlueprintCards] = useState<'keep' | 'delete'>('keep');
  const stage = journey.stages.find((s) => s.id === stageId);
  if (!stage) return null;
  const content = stageContent(journey, stageId);
  const remove = (matrixRows?: 'delete' | 'keep') => {
    board.deleteStage(journey.id, stageId, {
      ...(matrixRows ? { matrixRows } : {}),
      ...(processCards > 0 ? { blueprintCards } : {}),
    });
    close(false);
  };

  return (
    <div role="alertdialog" aria-labelledby={titleId} className="jm-dialog jm-confirm">
      <p id={titleId}>
        {t('journey.stage.confirmDelete', { title: stage.title.trim() || t('journey.stage.untitled') })}
      </p>
      <p className="jm-confirm-detail">
        {t('journey.stage.confirmDetail', { cards: content.cards, moments: content.moments, metrics })}
      </p>
      {processCards > 0 && (
        <>
          <p className="jm-confirm-detail">{t('blueprint.journey.stageCards', { count: processCards })}</p>
          <RadioGroup<'keep' | 'delete'>
            legend={t('blueprint.journey.stageCardsChoice')}
            className="jm-confirm-choice"
            value={blueprintCards}
            onChange={setBlueprintCards}
            options={[
              { value: 'keep', content: t('blueprint.journey.stageCardsKeep') },
              { value: 'delete', content: t('blueprint.journey.stageCardsDelete') },
            ]}
          />
        </>
      )}
      <div className="jm-dialog-actions">
        {hasMatrix ? (
          <>
            <button type="button" className="is-danger" onClick={() => remove('delete')}>
              {t('journey.stage.deleteWithRow')}
            </button>
            <button type="button" className="is-danger" onClick={() => remove('keep')}>
              {t('journey.stage.deleteKeepRow')}
            </button>
          </>
        ) : (
          <button type="button" className="is-danger" onClick={() => remove()}>
            {t('journey.common.delete')}
          </button>
        )}
        <button type="button" ref={cancelRef} onClick={() => close()}>
          {t('journey.common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Confirms deleting a lane with its cards. */
export function ConfirmLane({ journey, laneId, close }: ConfirmProps & { laneId: string }) {
  const { t } = useTranslation();
  const board = useBoard();
  const cancelRef = useCancelFocus();
  const titleId = useId();
  const lane = journey.lanes.find((l) => l.id === laneId);
  if (!lane) return null;
  const cards = journey.stages.reduce((n, s) => n + (journey.cells[`${s.id}:${laneId}`]?.length ?? 0), 0);

  return (
    <div role="alertdialog" aria-labelledby={titleId} className="jm-dialog jm-confirm">
      <p id={titleId}>
        {t('journey.lane.confirmDelete', { title: laneDisplayTitle(lane, journey.kind, t), count: cards })}
      </p>
      <div className="jm-dialog-actions">
        <button
          type="button"
          className="is-danger"
          onClick={() => {
            board.deleteLane(journey.id, laneId);
            close(false);
          }}
        >
          {t('journey.common.delete')}
        </button>
        <button type="button" ref={cancelRef} onClick={() => close()}>
          {t('journey.common.cancel')}
        </button>
      </div>
    </div>
  );
}
