import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CardSnapshot,
  type JourneySnapshot,
  MOMENT_TYPES,
  type MomentType,
  STICKY_COLORS,
  type StickyColor,
} from '../../../shared/board';
import { useMetricDialog } from '../../stage-metrics/store';
import { turnCardIntoMetric } from '../../stage-metrics/turnIntoMetric';
import { useBoard, useBoardReadOnly, useBoardSelector } from '../../board/BoardContext';
import { CaptionedField } from '../common/InlineField';
import { isCardLane } from './layout';
import { isPaletteColor } from './palette';
import { metricName } from '../common/metricName';
import { RadioGroup } from '../common/RadioGroup';
import { laneDisplayTitle, parseTags, subjectContext } from './reading';

interface EditorProps {
  journey: JourneySnapshot;
  close(restoreFocus?: boolean): void;
}

/** Focuses the first field of a dialog when it opens. */
function useInitialFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button, input, textarea, select')?.focus();
  }, []);
  return ref;
}

/**
 * A card's details: colour, tags, evidence note, redaction (quotes), the metric a barrier is
 * tied to, its cell, deletion. On a board open for viewing only the same details are shown for
 * reading (fields read-only, choices disabled, no deletion).
 */
export function CardEditor({ journey, cardId, close }: EditorProps & { cardId: string }) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const ref = useInitialFocus<HTMLDivElement>();
  const titleId = useId();
  const card = Object.values(journey.cells)
    .flat()
    .find((c) => c.id === cardId);
  if (!card) return null;
  const lane = journey.lanes.find((l) => l.id === card.laneId);
  const cardLanes = journey.lanes.filter((l) => isCardLane(l.type));

  return (
    <div role="dialog" aria-labelledby={titleId} className="jm-dialog" ref={ref}>
      <div className="jm-dialog-title" id={titleId}>
        {t('journey.card.editorTitle')}
      </div>
      {readOnly && (
        // A viewer cannot open the card's text for editing: the whole text reads here, not clamped.
        <CaptionedField
          caption={t('journey.card.text')}
          multiline
          value={card.text}
          onCommit={(next) => board.setCardText(journey.id, card.id, next)}
        />
      )}
      <RadioGroup
        legend={t('journey.card.color')}
        className="jm-swatches"
        hideInputs
        value={isPaletteColor(card.color) ? (card.color as StickyColor) : null}
        onChange={(color) => board.updateCard(journey.id, card.id, { color })}
        options={STICKY_COLORS.map((color) => ({
          value: color,
          className: `jm-swatch jm-c-${color}`,
          content: <span className="jm-sr-only">{t(`journey.color.${color}`)}</span>,
        }))}
      />
      <CaptionedField
        caption={t('journey.card.tags')}
        value={card.tags.join(', ')}
        placeholder={t('journey.card.tagsHint')}
        onCommit={(next) => board.updateCard(journey.id, card.id, { tags: parseTags(next) })}
      />
      <CaptionedField
        caption={t('journey.card.evidence')}
        multiline
        value={card.evidence}
        placeholder={t('journey.card.evidenceHint')}
        onCommit={(next) => board.updateCard(journey.id, card.id, { evidence: next })}
      />
      {lane?.type === 'barriers' && <MetricLink journey={journey} card={card} readOnly={readOnly} />}
      {lane?.type === 'quotes' && (
        <label className="jm-check">
          <input
            type="checkbox"
            checked={card.redact}
            disabled={readOnly}
            onChange={(event) => board.updateCard(journey.id, card.id, { redact: event.target.checked })}
          />
          {t('journey.card.redactOnExport')}
        </label>
      )}
      <div className="jm-field-row">
        <label className="jm-field">
          <span>{t('journey.card.moveToStage')}</span>
          <select
            value={card.stageId}
            disabled={readOnly}
            onChange={(event) =>
              board.moveCard(journey.id, card.id, { stageId: event.target.value, laneId: card.laneId })
            }
          >
            {journey.stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.title.trim() || t('journey.stage.untitled')}
              </option>
            ))}
          </select>
        </label>
        <label className="jm-field">
          <span>{t('journey.card.moveToLane')}</span>
          <select
            value={card.laneId}
            disabled={readOnly}
            onChange={(event) =>
              board.moveCard(journey.id, card.id, { stageId: card.stageId, laneId: event.target.value })
            }
          >
            {cardLanes.map((l) => (
              <option key={l.id} value={l.id}>
                {laneDisplayTitle(l, journey.kind, t)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="jm-dialog-actions">
        {!readOnly && lane?.type === 'metrics' && (
          <button
            type="button"
            onClick={() => {
              const metricId = turnCardIntoMetric(board, journey.id, card);
              close(false);
              useMetricDialog.getState().show({ kind: 'details', journeyId: journey.id, metricId });
            }}
          >
            {t('metrics.lane.turnInto')}
          </button>
        )}
        {!readOnly && (
          <button
            type="button"
            className="is-danger"
            onClick={() => {
              board.deleteCard(journey.id, card.id);
              close(false);
            }}
          >
            {t('journey.card.delete')}
          </button>
        )}
        <button type="button" onClick={() => close()}>
          {t('journey.common.close')}
        </button>
      </div>
    </div>
  );
}

/** A moment of truth: its type, target vs current conclusion, its stage, deletion (read-only for viewers). */
export function MomentEditor({ journey, momentId, close }: EditorProps & { momentId: string }) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const ref = useInitialFocus<HTMLDivElement>();
  const titleId = useId();
  const moment = journey.moments.find((m) => m.id === momentId);
  if (!moment) return null;

  return (
    <div role="dialog" aria-labelledby={titleId} className="jm-dialog" ref={ref}>
      <div className="jm-dialog-title" id={titleId}>
        {t('journey.moment.editorTitle')}
      </div>
      <label className="jm-field">
        <span>{t('journey.moment.type')}</span>
        <select
          value={moment.type}
          disabled={readOnly}
          onChange={(event) =>
            board.updateMoment(journey.id, moment.id, { type: event.target.value as MomentType })
          }
        >
          {MOMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {`${type}: ${t(`journey.moment.types.${type}`)}`}
            </option>
          ))}
        </select>
      </label>
      <CaptionedField
        caption={t('journey.moment.target', subjectContext(journey.kind))}
        multiline
        value={moment.target}
        placeholder={t('journey.moment.targetHint', subjectContext(journey.kind))}
        onCommit={(next) => board.updateMoment(journey.id, moment.id, { target: next })}
      />
      <CaptionedField
        caption={t('journey.moment.current', subjectContext(journey.kind))}
        multiline
        value={moment.current}
        placeholder={t('journey.moment.currentHint', subjectContext(journey.kind))}
        onCommit={(next) => board.updateMoment(journey.id, moment.id, { current: next })}
      />
      <label className="jm-field">
        <span>{t('journey.moment.stage')}</span>
        <select
          value={moment.stageId}
          disabled={readOnly}
          onChange={(event) => board.updateMoment(journey.id, moment.id, { stageId: event.target.value })}
        >
          {journey.stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.title.trim() || t('journey.stage.untitled')}
            </option>
          ))}
        </select>
      </label>
      <div className="jm-dialog-actions">
        {!readOnly && (
          <button
            type="button"
            className="is-danger"
            onClick={() => {
              board.deleteMoment(journey.id, moment.id);
              close(false);
            }}
          >
            {t('journey.moment.delete')}
          </button>
        )}
        <button type="button" onClick={() => close()}>
          {t('journey.common.close')}
        </button>
      </div>
    </div>
  );
}

/**
 * Ties a barrier card to a metric of its journey (DOMAIN 2.4: an employee's barrier and the
 * metric it moves). The card's stage's metrics come first, then the journey's other ones.
 */
function MetricLink({
  journey,
  card,
  readOnly,
}: {
  journey: JourneySnapshot;
  card: CardSnapshot;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const metrics = useBoardSelector((s) => s.metrics);
  const mine = Object.values(metrics).filter((m) => m.journeyId === journey.id);
  const stageTitle = (stageId: string) => journey.stages.find((s) => s.id === stageId)?.title.trim() ?? '';
  const onStage = mine.filter((m) => m.stageId === card.stageId);
  const elsewhere = mine.filter((m) => m.stageId !== card.stageId);
  const linked = card.metricId && Object.hasOwn(metrics, card.metricId) ? card.metricId : '';
  return (
    <label className="jm-field">
      <span>{t('journey.card.metric')}</span>
      <select
        value={linked}
        disabled={readOnly}
        onChange={(event) => board.updateCard(journey.id, card.id, { metricId: event.target.value || null })}
      >
        <option value="">{t(mine.length ? 'journey.card.noMetric' : 'journey.card.noMetrics')}</option>
        {[...onStage, ...elsewhere].map((m) => (
          <option key={m.id} value={m.id}>
            {m.stageId === card.stageId
              ? metricName(m)
              : t('journey.card.metricOfStage', { metric: metricName(m), stage: stageTitle(m.stageId) })}
          </option>
        ))}
      </select>
    </label>
  );
}
