import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlueprintSnapshot, CardSnapshot } from '../../../shared/board';
import { BLUEPRINT_METRICS, type BlueprintLayout, processCardPosition } from './layout';
import { allCards, cardName } from './reading';

/** Where each shown process card is drawn: its box in the frame. */
export function cardBoxes(
  bp: BlueprintSnapshot,
  layout: BlueprintLayout,
  mirrors: ReadonlyMap<string, readonly CardSnapshot[]>,
): Map<string, { x: number; y: number; width: number; height: number }> {
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const list of Object.values(bp.cells)) {
    list.forEach((card, index) => {
      const at = processCardPosition(
        layout,
        card.columnId,
        card.lane,
        index,
        mirrors.get(card.columnId)?.length ?? 0,
      );
      if (at) boxes.set(card.id, { ...at, height: BLUEPRINT_METRICS.cardHeight });
    });
  }
  return boxes;
}

/** SVG path of a handoff arrow from one card box to another: out of the side or edge facing it. */
export function handoffPath(
  from: { x: number; y: number; width: number; height: number },
  to: { x: number; y: number; width: number; height: number },
): string {
  const r = (v: number) => Math.round(v);
  if (to.y >= from.y + from.height) {
    // Below: from the bottom edge to the top edge.
    const [x1, y1, x2, y2] = [from.x + from.width / 2, from.y + from.height, to.x + to.width / 2, to.y];
    const bend = (y2 - y1) / 2;
    return `M${r(x1)},${r(y1)} C${r(x1)},${r(y1 + bend)} ${r(x2)},${r(y2 - bend)} ${r(x2)},${r(y2)}`;
  }
  if (to.y + to.height <= from.y) {
    const [x1, y1, x2, y2] = [from.x + from.width / 2, from.y, to.x + to.width / 2, to.y + to.height];
    const bend = (y1 - y2) / 2;
    return `M${r(x1)},${r(y1)} C${r(x1)},${r(y1 - bend)} ${r(x2)},${r(y2 + bend)} ${r(x2)},${r(y2)}`;
  }
  // Same height band: side to side.
  const right = to.x >= from.x;
  const x1 = right ? from.x + from.width : from.x;
  const x2 = right ? to.x : to.x + to.width;
  const y1 = from.y + from.height / 2;
  const y2 = to.y + to.height / 2;
  const bend = (x2 - x1) / 2;
  return `M${r(x1)},${r(y1)} C${r(x1 + bend)},${r(y1)} ${r(x2 - bend)},${r(y2)} ${r(x2)},${r(y2)}`;
}

/** The handoff arrows between process cards, drawn over the grid (nothing in them is interactive). */
export const Handoffs = memo(function Handoffs({
  bp,
  layout,
  mirrors,
}: {
  bp: BlueprintSnapshot;
  layout: BlueprintLayout;
  mirrors: ReadonlyMap<string, readonly CardSnapshot[]>;
}) {
  const { t } = useTranslation();
  const marker = `bp-arrow-${bp.id}`;
  const boxes = useMemo(() => cardBoxes(bp, layout, mirrors), [bp, layout, mirrors]);
  const names = useMemo(() => new Map(allCards(bp).map((c) => [c.id, cardName(c, t)])), [bp, t]);
  if (bp.handoffs.length === 0) return null;
  return (
    <svg
      className="bp-handoffs"
      width={layout.width}
      height={layout.height}
      style={{ left: 0, top: 0 }}
      role="img"
      aria-label={bp.handoffs
        .map((h) => t('blueprint.handoff.label', { from: names.get(h.from), to: names.get(h.to) }))
        .join('; ')}
    >
      <defs>
        <marker
          id={marker}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="bp-handoff-head" />
        </marker>
      </defs>
      {bp.handoffs.map((h) => {
        const from = boxes.get(h.from);
        const to = boxes.get(h.to);
        return from && to ? (
          <path key={h.id} className="bp-handoff" d={handoffPath(from, to)} markerEnd={`url(#${marker})`} />
        ) : null;
      })}
    </svg>
  );
});
