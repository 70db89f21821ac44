import type { MaturityCardSnapshot } from '../../../shared/board';
import type { Size } from '../types';

/**
 * Sizes of the maturity card, in canvas units. The card is laid out by CSS grid with these
 * fixed tracks, so its size is known from the number of areas before React Flow measures it;
 * `maturity.css` uses the same numbers.
 */
export const MATURITY_METRICS = {
  padding: 14,
  border: 2,
  titleHeight: 40,
  stagesHeight: 150,
  rowHeight: 40,
  gap: 6,
  addHeight: 34,
  areaWidth: 200,
  stageWidth: 160,
  actionsWidth: 64,
} as const;

/** The card's size with `areaCount` areas. */
export function maturityCardSize(areaCount: number): Size {
  const m = MATURITY_METRICS;
  const inner = m.areaWidth + 4 * m.stageWidth + m.actionsWidth + 5 * m.gap;
  const rows = m.titleHeight + m.stagesHeight + areaCount * m.rowHeight + m.addHeight;
  const gaps = (areaCount + 3) * m.gap;
  return {
    width: inner + 2 * (m.padding + m.border),
    height: rows + gaps + 2 * (m.padding + m.border),
  };
}

/** The size of a maturity card record. */
export function maturityCardSizeOf(card: MaturityCardSnapshot): Size {
  return maturityCardSize(card.areas.length);
}
