import { type KeyboardEvent, memo, type PointerEvent, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { EMOTION_MAX, EMOTION_MIN, type StageSnapshot } from '../../../shared/board';
import { useBoard, useBoardReadOnly } from '../../board/BoardContext';
import { useActiveSeries, useShowToBe } from './EmotionControls';
import {
  type ChartBand,
  emotionBand,
  emotionPath,
  emotionToY,
  formatEmotion,
  stepEmotion,
  yToEmotion,
} from './emotionCurve';
import { JOURNEY_METRICS } from './layout';
import type { EmotionSeries } from './uiStore';

export interface EmotionLaneProps {
  journeyId: string;
  stages: readonly StageSnapshot[];
  x: number;
  y: number;
  height: number;
  toBeShownByDefault: boolean;
  t: TFunction;
}

/** A point being dragged: shown at `value` until the pointer is released. */
interface Preview {
  stageId: string;
  series: EmotionSeries;
  value: number;
}

const SCALE = [2, 1, 0, -1, -2];

/**
 * The emotion curve: one point per stage and series, dragged vertically (snapping to halves),
 * set by a click in the stage's column, or changed from the keyboard (each point is a slider:
 * arrows ±0.5, Page keys ±1, Home −2, End +2, Delete clears). A drag commits once, when the
 * pointer is released, so it is one undo step and peers are not flooded with updates. On a
 * board open for viewing only the points are read-only sliders: focusable and read, not moved.
 */
export const EmotionLane = memo(function EmotionLane({
  journeyId,
  stages,
  x,
  y,
  height,
  toBeShownByDefault,
  t,
}: EmotionLaneProps) {
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const svgRef = useRef<SVGSVGElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const showToBe = useShowToBe(journeyId, toBeShownByDefault);
  const active = useActiveSeries(journeyId, showToBe);

  const stageWidth = JOURNEY_METRICS.stageWidth;
  const width = Math.max(stageWidth, stages.length * stageWidth);
  const band: ChartBand = emotionBand(height);
  const centerX = (i: number) => i * stageWidth + stageWidth / 2;

  /** Lane y of a pointer, undoing the canvas zoom (the SVG is drawn at 1 unit = 1 px at zoom 1). */
  const laneY = (clientY: number): number => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.height === 0) return band.top + band.height / 2;
    return ((clientY - rect.top) * height) / rect.height;
  };

  const shownValue = (stage: StageSnapshot, series: EmotionSeries): number | null =>
    preview && preview.stageId === stage.id && preview.series === series
      ? preview.value
      : stage.emotion[series];

  const commit = (stageId: string, series: EmotionSeries, value: number | null) => {
    const stage = stages.find((s) => s.id === stageId);
    if (stage && stage.emotion[series] !== value) board.setEmotion(journeyId, stageId, series, value);
  };

  const startDrag = (event: PointerEvent<SVGElement>, stageId: string, series: EmotionSeries) => {
    if (event.button !== 0 || readOnly) return;
    event.stopPropagation();
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setPreview({ stageId, series, value: yToEmotion(laneY(event.clientY), band) });
  };
  const moveDrag = (event: PointerEvent<SVGElement>) => {
    if (!preview) return;
    const value = yToEmotion(laneY(event.clientY), band);
    if (value !== preview.value) setPreview({ ...preview, value });
  };
  const endDrag = () => {
    if (!preview) return;
    commit(preview.stageId, preview.series, preview.value);
    setPreview(null);
  };

  const onKeyDown = (event: KeyboardEvent<SVGElement>, stage: StageSnapshot, series: EmotionSeries) => {
    const current = stage.emotion[series];
    const next: Record<string, number | null> = {
      ArrowUp: stepEmotion(current, 1),
      ArrowRight: stepEmotion(current, 1),
      ArrowDown: stepEmotion(current, -1),
      ArrowLeft: stepEmotion(current, -1),
      PageUp: stepEmotion(current, 2),
      PageDown: stepEmotion(current, -2),
      Home: EMOTION_MIN,
      End: EMOTION_MAX,
      Delete: null,
      Backspace: null,
    };
    if (readOnly || !(event.key in next)) return;
    event.preventDefault();
    event.stopPropagation(); // arrows would otherwise nudge the selected frame
    commit(stage.id, series, next[event.key] ?? null);
  };

  const seriesList: EmotionSeries[] = showToBe ? ['asIs', 'toBe'] : ['asIs'];
  const seriesName = (series: EmotionSeries) =>
    t(series === 'asIs' ? 'journey.emotion.asIs' : 'journey.emotion.toBe');

  return (
    // biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; the group names the chart
    <svg
      ref={svgRef}
      className="jm-emotion-lane nodrag"
      style={{ left: x, top: y }}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={t('journey.emotion.chart')}
      onPointerMove={moveDrag}
      onPointerUp={endDrag}
      onPointerCancel={() => setPreview(null)}
    >
      {SCALE.map((value) => (
        <g key={value} className={value === 0 ? 'jm-emotion-zero' : 'jm-emotion-grid'}>
          <line x1={0} x2={width} y1={emotionToY(value, band)} y2={emotionToY(value, band)} />
          <text x={4} y={emotionToY(value, band) - 3}>
            {formatEmotion(value)}
          </text>
        </g>
      ))}
      {stages.map((stage, i) => (
        <rect
          key={stage.id}
          className="jm-emotion-column"
          x={i * stageWidth}
          y={0}
          width={stageWidth}
          height={height}
          onPointerDown={(event) => startDrag(event, stage.id, active)}
        />
      ))}
      {seriesList.map((series) => (
        <path
          key={series}
          className={`jm-emotion-curve jm-series-${series}`}
          d={emotionPath(
            stages.map((stage, i) => {
              const value = shownValue(stage, series);
              return value === null ? null : { x: centerX(i), y: emotionToY(value, band) };
            }),
          )}
        />
      ))}
      {seriesList.map((series) =>
        stages.map((stage, i) => {
          const value = shownValue(stage, series);
          const unset = value === null;
          const stageTitle = stage.title.trim() || t('journey.stage.untitled');
          return (
            <circle
              key={`${series}:${stage.id}`}
              className={`jm-emotion-point jm-series-${series}${unset ? ' is-unset' : ''}${
                series === active ? ' is-active' : ''
              }`}
              cx={centerX(i)}
              cy={emotionToY(value ?? 0, band)}
              r={unset ? 5 : 7}
              tabIndex={0}
              role="slider"
              aria-label={t('journey.emotion.point', { stage: stageTitle, series: seriesName(series) })}
              aria-valuemin={-2}
              aria-valuemax={2}
              aria-valuenow={value ?? undefined}
              aria-valuetext={unset ? t('journey.emotion.unset') : formatEmotion(value)}
              aria-orientation="vertical"
              aria-readonly={readOnly || undefined}
              onPointerDown={(event) => startDrag(event, stage.id, series)}
              onKeyDown={(event) => onKeyDown(event, stage, series)}
            >
              <title>
                {`${stageTitle} · ${seriesName(series)}: ${unset ? t('journey.emotion.unset') : formatEmotion(value)}`}
              </title>
            </circle>
          );
        }),
      )}
    </svg>
  );
});
