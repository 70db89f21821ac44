import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTOR_KINDS, type ActorKind, type BlueprintSnapshot } from '../../../shared/board';
import type { FrameDrawingProps } from '../types';
import { ACTOR_COLORS } from './ActorIcon';
import { useBlueprintLayout } from './BlueprintFrame';
import { cardBoxes, handoffPath } from './Handoffs';
import { BLUEPRINT_METRICS, type BlueprintLayout } from './layout';
import { blueprintLabel, columnName, laneName } from './reading';

const r = (v: number) => Math.round(v);
const rect = (x: number, y: number, w: number, h: number) => `M${r(x)},${r(y)}h${r(w)}v${r(h)}h${r(-w)}z`;

/** The shapes of a blueprint at far zoom: the grid, cards as blocks of their actor's colour (one path per actor), arrows. */
export function blueprintFarArt(
  bp: BlueprintSnapshot,
  layout: BlueprintLayout,
  boxes: ReturnType<typeof cardBoxes>,
): { grid: string; cards: { actor: ActorKind; d: string }[]; handoffs: string } {
  let grid = '';
  for (const lane of layout.lanes)
    grid += `M${r(BLUEPRINT_METRICS.padding)},${r(lane.y + lane.height)}H${r(layout.gridRight)}`;
  for (const column of layout.columns)
    grid += `M${r(column.x + column.width)},${r(layout.columnHeaderY)}V${r(layout.lanesBottom)}`;
  const byActor = new Map<ActorKind, string>();
  for (const list of Object.values(bp.cells))
    for (const card of list) {
      const box = boxes.get(card.id);
      if (box)
        byActor.set(
          card.actorKind,
          (byActor.get(card.actorKind) ?? '') + rect(box.x, box.y, box.width, box.height),
        );
    }
  let handoffs = '';
  for (const h of bp.handoffs) {
    const from = boxes.get(h.from);
    const to = boxes.get(h.to);
    if (from && to) handoffs += handoffPath(from, to);
  }
  return {
    grid,
    cards: ACTOR_KINDS.filter((a) => byActor.has(a)).map((actor) => ({ actor, d: byActor.get(actor)! })),
    handoffs,
  };
}

/**
 * A blueprint while the canvas is zoomed far out: the same box and accessible name as the
 * full frame, drawn as one SVG (grid, the three lines, cards as coloured blocks, handoffs) with
 * the title, column and lane names in large type. Nothing inside is focusable.
 */
export const BlueprintFarFrame = memo(function BlueprintFarFrame({
  record: bp,
  selected,
}: FrameDrawingProps<BlueprintSnapshot>) {
  const { t } = useTranslation();
  const { layout, mirrors } = useBlueprintLayout(bp);
  const art = useMemo(
    () => blueprintFarArt(bp, layout, cardBoxes(bp, layout, mirrors)),
    [bp, layout, mirrors],
  );
  const m = BLUEPRINT_METRICS;
  return (
    <section
      className={`jm-frame bp-frame bp-far${selected ? ' is-selected' : ''}`}
      style={{ width: layout.width, height: layout.height }}
      data-blueprint-id={bp.id}
      aria-label={blueprintLabel(bp, t)}
    >
      <svg width={layout.width} height={layout.height} style={{ left: 0, top: 0 }} aria-hidden="true">
        <path d={art.grid} className="bp-far-grid" />
        {layout.lines.map(({ line, y }) => (
          <path key={line} d={`M${m.padding},${r(y)}H${r(layout.gridRight)}`} className="bp-far-line" />
        ))}
        {art.cards.map(({ actor, d }) => (
          <path key={actor} d={d} fill={ACTOR_COLORS[actor]} opacity={0.75} />
        ))}
        {art.handoffs && <path d={art.handoffs} className="bp-far-handoff" />}
        <text x={m.padding + 4} y={m.padding + 44} fontSize={44} className="jm-far-label">
          {bp.title.trim() || t('blueprint.header.titlePlaceholder')}
        </text>
        {layout.columns.map((column, i) => (
          <text
            key={column.id}
            x={column.x + 6}
            y={layout.columnHeaderY + 30}
            fontSize={24}
            className="jm-far-label"
          >
            {columnName(bp.columns[i]?.title ?? '', t).slice(0, 16)}
          </text>
        ))}
        {layout.lanes.map(({ lane, y }) => (
          <text key={lane.id} x={m.padding + 4} y={y + 30} fontSize={24} className="jm-far-label">
            {laneName(lane, t).slice(0, 14)}
          </text>
        ))}
      </svg>
    </section>
  );
});
