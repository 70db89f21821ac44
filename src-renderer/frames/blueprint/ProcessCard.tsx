import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessCardSnapshot } from '../../../shared/board';
import { ACTOR_COLORS, ActorIcon } from './ActorIcon';
import { cardName } from './reading';
import { togglePopover, useBlueprintUi } from './uiStore';

/**
 * A process card in its cell: the actor's icon and colour, the process, owner and system, and
 * how many pros and cons it lists. Activating it opens its editor beside it.
 */
export const ProcessCard = memo(function ProcessCard({
  blueprintId,
  card,
}: {
  blueprintId: string;
  card: ProcessCardSnapshot;
}) {
  const { t } = useTranslation();
  const open = useBlueprintUi((s) => s.popover?.kind === 'card' && s.popover.id === card.id);
  const actor = t(`blueprint.actor.${card.actorKind}`);
  const meta = [card.owner.trim(), card.system.trim()].filter(Boolean).join(' · ');
  return (
    <button
      type="button"
      className={`bp-card bp-actor-${card.actorKind} nodrag nokey${open ? ' is-open' : ''}`}
      style={{ borderLeftColor: ACTOR_COLORS[card.actorKind] }}
      data-card-id={card.id}
      data-popover-trigger
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-label={t('blueprint.card.label', { text: cardName(card, t), actor })}
      onClick={() => togglePopover({ kind: 'card', blueprintId, id: card.id })}
    >
      <span className="bp-card-actor">
        <ActorIcon kind={card.actorKind} />
        {actor}
      </span>
      <span className={`bp-card-text${card.text.trim() ? '' : ' is-empty'}`}>{cardName(card, t, 120)}</span>
      {meta && <span className="bp-card-meta">{meta}</span>}
      {(card.pros.length > 0 || card.cons.length > 0) && (
        <span className="bp-card-counts">
          {t('blueprint.card.counts', { pros: card.pros.length, cons: card.cons.length })}
        </span>
      )}
    </button>
  );
});
