import { type DragEvent, memo, useCallback } from 'react';
import type { TFunction } from 'i18next';
import type { CardSnapshot, LaneType } from '../../../shared/board';
import { isRedactedCard } from '../../../shared/export/redaction';
import { useBoard, useBoardReadOnly, useBoardSelector } from '../../board/BoardContext';
import { useExportRedaction } from '../../export/context';
import { InlineField } from '../common/InlineField';
import { metricName } from '../common/metricName';
import { colorClass, colorStyle } from './palette';
import { useJourneyUi } from './uiStore';

/**
 * What an export draws for a redacted quote: a line of the same rough length with no letters
 * of the quote (pictures blur it; vector formats draw a grey box instead).
 */
function redactedPlaceholder(text: string): string {
  return 'xxxxx '.repeat(Math.ceil(Math.max(8, Math.min(120, text.trim().length)) / 6)).trim();
}

/** MIME type of a journey card being dragged (also keeps other drops out of cells). */
export const CARD_DRAG_TYPE = 'application/x-cxboard-journey-card';

export interface JourneyCardProps {
  journeyId: string;
  card: CardSnapshot;
  index: number;
  laneType: LaneType;
  t: TFunction;
}

/**
 * One card of a cell. Kept small (a text button, an options button, a redact toggle on
 * quotes): a board may hold thousands of them. Editing swaps the text for a textarea; the
 * rest (colour, tags, evidence, moving, deleting) is in the card's popover. On a board open
 * for viewing only the card is plain text (not dragged, not edited) and its popover reads.
 */
export const JourneyCard = memo(function JourneyCard({
  journeyId,
  card,
  index,
  laneType,
  t,
}: JourneyCardProps) {
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const editing = useJourneyUi((s) => s.editingCardId === card.id) && !readOnly;
  const optionsOpen = useJourneyUi((s) => s.popover?.kind === 'card' && s.popover.id === card.id);

  const startEditing = useCallback(() => useJourneyUi.getState().setEditingCard(card.id), [card.id]);
  const stopEditing = useCallback(() => {
    const ui = useJourneyUi.getState();
    if (ui.editingCardId === card.id) ui.setEditingCard(null);
  }, [card.id]);
  const commitText = useCallback(
    (text: string) => board.setCardText(journeyId, card.id, text),
    [board, journeyId, card.id],
  );

  const onDragStart = (event: DragEvent<HTMLDivElement>) => {
    if (editing || readOnly) {
      event.preventDefault(); // selecting text in the textarea, not moving the card
      return;
    }
    event.dataTransfer.setData(CARD_DRAG_TYPE, card.id);
    event.dataTransfer.effectAllowed = 'move';
    useJourneyUi.getState().setDrag({
      kind: 'card',
      journeyId,
      id: card.id,
      stageId: card.stageId,
      laneId: card.laneId,
      index,
    });
  };
  const onDragEnd = () => useJourneyUi.getState().setDrag(null);

  const isQuote = laneType === 'quotes';
  const preview = card.text.trim() || t('journey.card.empty');
  // Drawn for an export: the export's redaction (and "redact all quotes") decides, and a
  // redacted quote is drawn without its words.
  const exportRedaction = useExportRedaction();
  const redacted = isRedactedCard(laneType, card, exportRedaction ?? { redactAllQuotes: false });
  if (exportRedaction && redacted) {
    return (
      <div
        className={`jm-card is-quote is-redacted ${colorClass(card.color)}`}
        style={colorStyle(card.color)}
      >
        <div className="jm-card-text" data-cx-redacted="">
          {redactedPlaceholder(card.text)}
        </div>
      </div>
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the card is dragged with the mouse; its buttons are the keyboard controls
    <div
      className={`jm-card nodrag ${colorClass(card.color)}${redacted ? ' is-redacted' : ''}${isQuote ? ' is-quote' : ''}`}
      style={colorStyle(card.color)}
      data-card-id={card.id}
      draggable={!editing && !readOnly}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
    >
      {editing ? (
        <InlineField
          multiline
          autoFocus
          className="jm-card-input"
          value={card.text}
          label={t('journey.card.text')}
          onCommit={commitText}
          onDone={stopEditing}
        />
      ) : readOnly ? (
        <div className="jm-card-text" title={card.text}>
          {isQuote ? <q>{preview}</q> : preview}
        </div>
      ) : (
        <button
          type="button"
          className="jm-card-text nokey"
          onClick={startEditing}
          onKeyDown={(event) => {
            if (event.key === 'Delete') board.deleteCard(journeyId, card.id);
          }}
          title={t('journey.card.edit')}
        >
          {isQuote ? <q>{preview}</q> : preview}
        </button>
      )}
      <div className="jm-card-tools">
        {card.tags.length > 0 && (
          <span className="jm-card-tags" title={card.tags.join(', ')}>
            {card.tags.map((tag) => `#${tag}`).join(' ')}
          </span>
        )}
        {card.metricId && <LinkedMetric metricId={card.metricId} journeyId={journeyId} t={t} />}
        {card.evidence && (
          <span
            className="jm-card-evidence"
            title={card.evidence}
            role="img"
            aria-label={t('journey.card.hasEvidence')}
          >
            §
          </span>
        )}
        {isQuote && !readOnly && (
          <button
            type="button"
            className="jm-icon-button jm-redact nokey"
            aria-pressed={card.redact}
            aria-label={t('journey.card.redact', { text: truncate(preview, 40) })}
            title={t(card.redact ? 'journey.card.redactOn' : 'journey.card.redactOff')}
            onClick={() => board.updateCard(journeyId, card.id, { redact: !card.redact })}
          >
            {card.redact ? '◼' : '◻'}
          </button>
        )}
        <button
          type="button"
          className="jm-icon-button nokey"
          data-popover-trigger
          aria-haspopup="dialog"
          aria-expanded={optionsOpen}
          aria-label={t('journey.card.options', { text: truncate(preview, 40) })}
          onClick={() => {
            const ui = useJourneyUi.getState();
            if (optionsOpen) ui.closePopover();
            else ui.openPopover({ kind: 'card', journeyId, id: card.id });
          }}
        >
          ⋯
        </button>
      </div>
    </div>
  );
});

/** Shortens a label to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The metric a card is tied to, as a small marker: its own component so that only cards with
 * a link subscribe to the board's metrics. Nothing when the metric is gone or of another map.
 */
function LinkedMetric({ metricId, journeyId, t }: { metricId: string; journeyId: string; t: TFunction }) {
  const metric = useBoardSelector((s) =>
    Object.hasOwn(s.metrics, metricId) ? s.metrics[metricId] : undefined,
  );
  if (!metric || metric.journeyId !== journeyId) return null;
  const name = metricName(metric);
  return (
    <span
      className="jm-card-metric"
      title={t('journey.card.linkedMetric', { metric: name })}
      role="img"
      aria-label={t('journey.card.linkedMetric', { metric: name })}
    >
      ↗ {truncate(name, 12)}
    </span>
  );
}
