import { useTranslation } from 'react-i18next';
import { ToolMenu } from '../common/ToolMenu';
import type { FrameCreateToolProps } from '../types';
import { createJourneyFromPreset, JOURNEY_CHOICES } from './presets';

/**
 * The journey kind's creation tool (the toolbar's "journey map" button): a menu of the map
 * kinds (full CJM, light CJM, EJM, reverse CJM) that creates the chosen one; the canvas
 * places it in free space and selects it, in one undo step.
 */
export function JourneyPresetPicker({ create, className }: FrameCreateToolProps) {
  const { t } = useTranslation();
  return (
    <ToolMenu
      className={className}
      label={t('journey.picker.button')}
      hint={t('journey.picker.hint')}
      menuLabel={t('journey.picker.menu')}
      items={JOURNEY_CHOICES.map((choice) => ({
        label: t(`journey.choice.${choice}.label`),
        onSelect: () => create((board, at) => createJourneyFromPreset(board, choice, at, (key) => t(key))),
      }))}
    />
  );
}
