import { memo } from 'react';
import type { TFunction } from 'i18next';
import { RadioGroup } from '../common/RadioGroup';
import { type EmotionSeries, useJourneyUi } from './uiStore';

/** Whether the to-be series is shown: the user's choice, else shown when it has values. */
export function useShowToBe(journeyId: string, toBeShownByDefault: boolean): boolean {
  return useJourneyUi((s) => s.showToBe[journeyId] ?? toBeShownByDefault);
}

/** The series a click or drag sets: to-be only while it is shown. */
export function useActiveSeries(journeyId: string, showToBe: boolean): EmotionSeries {
  const chosen = useJourneyUi((s) => s.activeSeries[journeyId] ?? 'asIs');
  return showToBe ? chosen : 'asIs';
}

/**
 * The emotion lane's legend and controls: the as-is (solid) and to-be (dashed) series,
 * showing or hiding the to-be series, and which series the pointer sets.
 */
export const EmotionControls = memo(function EmotionControls({
  journeyId,
  toBeShownByDefault,
  t,
}: {
  journeyId: string;
  toBeShownByDefault: boolean;
  t: TFunction;
}) {
  const showToBe = useShowToBe(journeyId, toBeShownByDefault);
  const active = useActiveSeries(journeyId, showToBe);
  const ui = useJourneyUi.getState;

  return (
    <div className="jm-emotion-controls">
      <RadioGroup
        legend={t('journey.emotion.seriesToEdit')}
        className="jm-series-group"
        value={active}
        onChange={(series) => ui().setActiveSeries(journeyId, series)}
        options={(['asIs', 'toBe'] as const).map((series) => ({
          value: series,
          disabled: series === 'toBe' && !showToBe,
          className: `jm-series-option jm-series-${series}`,
          content: (
            <>
              <svg width="22" height="8" aria-hidden="true">
                <line x1="1" y1="4" x2="21" y2="4" className={`jm-legend-line jm-series-${series}`} />
              </svg>
              {t(series === 'asIs' ? 'journey.emotion.asIs' : 'journey.emotion.toBe')}
            </>
          ),
        }))}
      />
      <button
        type="button"
        className="jm-toggle nodrag nokey"
        aria-pressed={showToBe}
        onClick={() => ui().setShowToBe(journeyId, !showToBe)}
      >
        {t('journey.emotion.showToBe')}
      </button>
      <div className="jm-emotion-scale" aria-hidden="true">
        {t('journey.emotion.scaleHint')}
      </div>
    </div>
  );
});
