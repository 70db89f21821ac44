import type { TFunction } from 'i18next';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneySnapshot } from '../../shared/board';
import { farArt } from './farView';
import { truncate } from './JourneyCard';
import { computeJourneyLayout, JOURNEY_METRICS, type ReverseView } from './layout';

/** The frame's accessible name: "<kind>: <title>". */
export function frameLabel(journey: JourneySnapshot, t: TFunction): string {
  return t('journey.frame.label', {
    kind: t(`journey.kind.${journey.kind}`),
    title: journey.title.trim() || t('journey.header.titlePlaceholder'),
  });
}

/** Title size at far zoom: readable (≥ 10 px on screen) down to about 20 % zoom. */
const TITLE_SIZE = 56;

/**
 * A journey frame while the canvas is zoomed far out: the same box and accessible name as
 * the full frame, drawn as one SVG of a few paths (see farView.ts) with the map's title in
 * large type. Nothing inside is interactive or focusable; zooming in brings the controls back.
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
  const layout = useMemo(() => computeJourneyLayout(journey, view), [journey, view]);
  const art = useMemo(() => farArt(journey, layout), [journey, layout]);
  const m = JOURNEY_METRICS;
  const title = journey.title.trim() || t('journey.header.titlePlaceholder');
  const titleChars = Math.max(4, Math.floor((layout.width - m.padding * 2) / (TITLE_SIZE * 0.6)));
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
          {truncate(title, titleChars)}
        </text>
        {art.cards.map((shapes) => (
          <path
            key={shapes.key}
            className={shapes.className}
            style={shapes.fill ? { fill: shapes.fill } : undefined}
            d={shapes.d}
          />
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
