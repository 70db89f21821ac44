import type { TFunction } from 'i18next';
import type { BlueprintLaneSnapshot, BlueprintSnapshot, ProcessCardSnapshot } from '../../../shared/board';

/** A lane's name: a custom lane's own title, else the fixed lane's translated name. */
export function laneName(lane: BlueprintLaneSnapshot, t: TFunction): string {
  if (lane.kind === 'custom') return lane.title.trim() || t('blueprint.lane.newTitle');
  return t(`blueprint.lane.${lane.kind}`);
}

/** A column's name, or the placeholder for an untitled one. */
export function columnName(title: string, t: TFunction): string {
  return title.trim() || t('blueprint.column.untitled');
}

/** A process card's short name (its text's first line, cut), or the placeholder. */
export function cardName(card: ProcessCardSnapshot, t: TFunction, max = 60): string {
  const text = card.text.trim().split('\n')[0] ?? '';
  if (!text) return t('blueprint.card.empty');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every process card of a blueprint with where it sits. */
export function allCards(bp: BlueprintSnapshot): ProcessCardSnapshot[] {
  return Object.values(bp.cells).flat();
}

/** The blueprint's accessible name: "Service blueprint: <title>". */
export function blueprintLabel(bp: BlueprintSnapshot, t: TFunction): string {
  return t('blueprint.frame.label', { title: bp.title.trim() || t('blueprint.header.titlePlaceholder') });
}
