import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTOR_KINDS, type BlueprintSnapshot, type ProcessCardSnapshot } from '../../../shared/board';
import { useBoard, useBoardReadOnly } from '../../board/BoardContext';
import { CaptionedField, InlineField } from '../common/InlineField';
import { RadioGroup } from '../common/RadioGroup';
import { ActorIcon } from './ActorIcon';
import { allCards, cardName, columnName, laneName } from './reading';

/**
 * The process card's editor, beside the card: the process, its actor kind, owner, system,
 * pros and cons, where it sits (column, lane: the keyboard path for moving it), its handoffs,
 * and delete. Every field commits on its own (one undo step each); a viewer reads it all.
 */
export function CardEditor({
  bp,
  cardId,
  close,
}: {
  bp: BlueprintSnapshot;
  cardId: string;
  close(restoreFocus?: boolean): void;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const titleId = useId();
  const cards = allCards(bp);
  const card = cards.find((c) => c.id === cardId);
  if (!card) return null;
  const update = (patch: Parameters<typeof board.updateProcessCard>[2]) =>
    board.updateProcessCard(bp.id, card.id, patch);
  const names = new Map(cards.map((c) => [c.id, cardName(c, t)]));
  const outgoing = bp.handoffs.filter((h) => h.from === card.id);
  const targets = cards.filter((c) => c.id !== card.id && !outgoing.some((h) => h.to === c.id));

  return (
    <div role="dialog" aria-labelledby={titleId} className="jm-dialog bp-editor">
      <div className="jm-dialog-title" id={titleId}>
        {t('blueprint.card.editor')}
      </div>
      <CaptionedField
        caption={t('blueprint.card.text')}
        value={card.text}
        multiline
        autoFocus={!readOnly && !card.text}
        placeholder={t('blueprint.card.textPlaceholder')}
        onCommit={(text) => update({ text })}
      />
      <RadioGroup
        legend={t('blueprint.card.actor')}
        className="bp-actors"
        value={card.actorKind}
        onChange={(actorKind) => update({ actorKind })}
        options={ACTOR_KINDS.map((kind) => ({
          value: kind,
          className: `bp-actor-option bp-actor-${kind}`,
          content: (
            <>
              <ActorIcon kind={kind} />
              <span>{t(`blueprint.actor.${kind}`)}</span>
            </>
          ),
        }))}
      />
      <div className="jm-field-row">
        <CaptionedField
          caption={t('blueprint.card.owner')}
          value={card.owner}
          placeholder={t('blueprint.card.ownerPlaceholder')}
          onCommit={(owner) => update({ owner })}
        />
        <CaptionedField
          caption={t('blueprint.card.system')}
          value={card.system}
          placeholder={t('blueprint.card.systemPlaceholder')}
          onCommit={(system) => update({ system })}
        />
      </div>
      <div className="jm-field-row">
        <ListEditor kind="pro" items={card.pros} save={(pros) => update({ pros })} />
        <ListEditor kind="con" items={card.cons} save={(cons) => update({ cons })} />
      </div>
      <Placement bp={bp} card={card} />
      <div className="bp-handoff-editor">
        <span className="bp-caption">{t('blueprint.card.handoffs')}</span>
        {outgoing.length > 0 && (
          <ul className="bp-handoff-list">
            {outgoing.map((h) => (
              <li key={h.id}>
                <span>→ {names.get(h.to)}</span>
                {!readOnly && (
                  <button
                    type="button"
                    className="jm-icon-button nodrag nokey"
                    aria-label={t('blueprint.card.removeHandoff', { text: names.get(h.to) })}
                    onClick={() => board.deleteHandoff(bp.id, h.id)}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!readOnly && targets.length > 0 && (
          <select
            className="nodrag nokey"
            aria-label={t('blueprint.card.handoffTo')}
            value=""
            onChange={(event) => {
              if (event.target.value) board.addHandoff(bp.id, card.id, event.target.value);
            }}
          >
            <option value="">
              {t('blueprint.card.handoffTo')}: {t('blueprint.card.handoffChoose')}
            </option>
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {names.get(target.id)}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="jm-dialog-actions">
        {!readOnly && (
          <button
            type="button"
            className="is-danger"
            onClick={() => {
              board.deleteProcessCard(bp.id, card.id);
              close(false);
            }}
          >
            {t('blueprint.card.delete')}
          </button>
        )}
        <button type="button" onClick={() => close()}>
          {t('blueprint.card.close')}
        </button>
      </div>
    </div>
  );
}

/** Pros or cons: each item edited in place (emptied = removed), a remove button, and a field that adds one on Enter. */
function ListEditor({
  kind,
  items,
  save,
}: {
  kind: 'pro' | 'con';
  items: readonly string[];
  save(next: string[]): void;
}) {
  const { t } = useTranslation();
  const readOnly = useBoardReadOnly();
  const [draft, setDraft] = useState('');
  const plural = kind === 'pro' ? 'pros' : 'cons';
  const capital = kind === 'pro' ? 'Pro' : 'Con';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    save([...items, text]);
    setDraft('');
  };
  return (
    <div className={`jm-field bp-list bp-${plural}`}>
      <span>{t(`blueprint.card.${plural}`)}</span>
      <ul>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items are plain strings; position is their identity
          <li key={i}>
            <InlineField
              value={item}
              label={t(`blueprint.card.${kind}`, { number: i + 1 })}
              onCommit={(next) =>
                save(
                  next.trim() ? items.map((x, j) => (j === i ? next : x)) : items.filter((_, j) => j !== i),
                )
              }
            />
            {!readOnly && (
              <button
                type="button"
                className="jm-icon-button nodrag nokey"
                aria-label={t(`blueprint.card.remove${capital}`, { number: i + 1 })}
                onClick={() => save(items.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form onSubmit={submit}>
          <input
            type="text"
            className="nodrag nokey"
            aria-label={t(`blueprint.card.new${capital}`)}
            placeholder={`+ ${t(`blueprint.card.new${capital}`)}`}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => {
              const text = draft.trim();
              if (text) {
                save([...items, text]);
                setDraft('');
              }
            }}
          />
        </form>
      )}
    </div>
  );
}

/** Column and lane of the card: moving it without a mouse. */
function Placement({ bp, card }: { bp: BlueprintSnapshot; card: ProcessCardSnapshot }) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  return (
    <div className="jm-field-row">
      <label className="jm-field">
        <span>{t('blueprint.card.column')}</span>
        <select
          className="nodrag nokey"
          value={card.columnId}
          disabled={readOnly}
          onChange={(event) =>
            board.moveProcessCard(bp.id, card.id, { columnId: event.target.value, lane: card.lane })
          }
        >
          {bp.columns.map((column) => (
            <option key={column.id} value={column.id}>
              {columnName(column.title, t)}
            </option>
          ))}
        </select>
      </label>
      <label className="jm-field">
        <span>{t('blueprint.card.lane')}</span>
        <select
          className="nodrag nokey"
          value={card.lane}
          disabled={readOnly}
          onChange={(event) =>
            board.moveProcessCard(bp.id, card.id, { columnId: card.columnId, lane: event.target.value })
          }
        >
          {bp.lanes.map((lane) => (
            <option key={lane.id} value={lane.id}>
              {laneName(lane, t)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
