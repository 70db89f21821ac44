import type { TFunction } from 'i18next';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneySnapshot } from '../../../shared/board';
import { useStageMetrics } from '../../stage-metrics/useStageMetrics';
import { farArt, farMetricChips, wrapLabel } from './farView';
import { truncate } from './JourneyCard';
import { computeJourneyLayout, JOURNEY_METRICS, type ReverseView } from './layout';
import { laneDisplayTitle } from './reading';

/** The frame's accessible name: "<kind>: <title>". */
export function frameLabel(journey: JourneySnapshot, t: TFunction): string {
  return t('journey.frame.label', {
    kind: t(`journey.kind.${journey.kind}`),
    title: journey.title.trim() || t('journey.header.titlePlaceholder'),
  });
}

/** Type sizes at far zoom, in canvas units: the title stays readable (≥ 10 px on screen)
 *  down to about 20 % zoom, stage and lane names down to about 35 %. */
const TITLE_SIZE = 56;
const STAGE_SIZE = 26;
const LANE_SIZE = 28;

/** Characters of `size` px type that fit in `width` (an estimate; the rest is cut with …). */
const fits = (width: number, size: number) => Math.max(4, Math.floor(width / (size * 0.56)));

/** Up to two lines of text in an SVG, first baseline at `y`. */
function Label({
  text,
  x,
  y,
  size,
  width,
}: {
  text: string;
  x: number;
  y: number;
  size: number;
  width: number;
}) {
  return (
    <text className="jm-far-label" x={x} y={Math.round(y)} fontSize={size}>
      {wrapLabel(text, fits(width, size), 2).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one label, in order
        <tspan key={i} x={x} dy={i === 0 ? 0 : size * 1.1}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * A journey frame while the canvas is zoomed far out: the same box and accessible name as
 * the full frame, drawn as one SVG of a few paths (see farView.ts) with the map's title and
 * its stage and lane names in large type. Nothing inside is interactive or focusable;
 * zooming in brings the controls back.
 */
export const JourneyFarFrame = memo(function JourneyFarFrame({
  journey,
  view,
  selected,
}: {
  journey: JourneySnapshot;
  view: ReverseView;
  selected: boolean;
}) {
  const { t } = useTranslation();
  const stageMetrics = useStageMetrics(journey);
  const layout = useMemo(
    () => computeJourneyLayout(journey, view, stageMetrics.counts),
    [journey, view, stageMetrics.counts],
  );
  const art = useMemo(() => farArt(journey, layout), [journey, layout]);
  const chips = useMemo(() => farMetricChips(layout, stageMetrics.byStage), [layout, stageMetrics.byStage]);
  const m = JOURNEY_METRICS;
  const title = journey.title.trim() || t('journey.header.titlePlaceholder');
  return (
    <section
      className={`jm-frame jm-far jm-kind-${journey.kind}${selected ? ' is-selected' : ''}`}
      style={{ width: layout.width, height: layout.height }}
      data-journey-id={journey.id}
      aria-label={frameLabel(journey, t)}
    >
      <svg
        className="jm-far-art"
        width={layout.width}
        height={layout.height}
        aria-hidden="true"
        focusable="false"
      >
        <path className="jm-far-headers" d={art.headers} />
        {layout.goalColumn && (
          <rect
            className="jm-far-goal"
            x={layout.goalColumn.x}
            y={layout.stageHeaderY}
            width={layout.goalColumn.width}
            height={layout.lanesBottom - layout.stageHeaderY}
          />
        )}
        <path className="jm-far-grid" d={art.grid} />
        <text className="jm-far-title" x={m.padding} y={m.padding + TITLE_SIZE} fontSize={TITLE_SIZE}>
          {truncate(title, fits(layout.width - m.padding * 2, TITLE_SIZE))}
        </text>
        {journey.stages.map((stage, i) => {
          const column = layout.columns[i];
          if (!column) return null;
          return (
            <Label
              key={stage.id}
              text={stage.title}
              x={column.x + m.cellPadding}
              y={layout.stageHeaderY + m.cellPadding + STAGE_SIZE * 0.8}
              size={STAGE_SIZE}
              width={m.stageWidth - m.cellPadding * 2}
            />
          );
        })}
        {layout.lanes.map((box, i) => {
          const lane = journey.lanes[i];
          if (!lane) return null;
          return (
            <Label
              key={lane.id}
              text={laneDisplayTitle(lane, journey.kind, t)}
              x={m.padding + m.cellPadding}
              y={box.y + m.cellPadding + LANE_SIZE * 0.8}
              size={LANE_SIZE}
              width={m.laneHeaderWidth - m.cellPadding * 2}
            />
          );
        })}
        {art.cards.map((shapes) => (
          <path
            key={shapes.key}
            className={shapes.className}
            style={shapes.fill ? { fill: shapes.fill } : undefined}
            d={shapes.d}
          />
        ))}
        {chips.map((shapes) => (
          <path key={shapes.key} className={shapes.className} d={shapes.d} />
        ))}
        {art.moments.map((shapes) => (
          <path key={shapes.key} className={shapes.className} d={shapes.d} />
        ))}
        {art.emotion && <path className="jm-far-zero" d={art.emotion.zero} />}
        {art.emotion?.curves.map((curve) => (
          <path key={curve.series} className={`jm-emotion-curve jm-series-${curve.series}`} d={curve.d} />
        ))}
      </svg>
    </section>
  );
});
