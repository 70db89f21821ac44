import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameCreateToolProps } from '../types';
import { Menu } from '../common/Menu';
import { createJourneyFromPreset, JOURNEY_CHOICES } from './presets';

/**
 * The journey kind's creation tool (the toolbar's "journey map" button): a menu of the map
 * kinds (full CJM, light CJM, EJM, reverse CJM) that creates the chosen one; the canvas
 * places it in free space and selects it, in one undo step.
 */
export function JourneyPresetPicker({ create, className }: FrameCreateToolProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="jm-picker" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        title={t('journey.picker.hint')}
        onClick={() => setOpen(!open)}
      >
        {t('journey.picker.button')}
      </button>
      {open && (
        <div className="jm-picker-menu">
          <Menu
            label={t('journey.picker.menu')}
            onClose={close}
            items={JOURNEY_CHOICES.map((choice) => ({
              label: t(`journey.choice.${choice}.label`),
              onSelect: () => {
                create((board, at) => createJourneyFromPreset(board, choice, at, (key) => t(key)));
                setOpen(false);
              },
            }))}
          />
        </div>
      )}
    </div>
  );
}
