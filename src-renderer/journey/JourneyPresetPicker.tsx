import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../board/BoardContext';
import { Menu } from './Menu';
import { createJourneyFromPreset, JOURNEY_CHOICES } from './presets';

export interface JourneyPresetPickerProps {
  /** Canvas position (flow coordinates) for the new map's top-left corner, e.g. the viewport centre. */
  getPosition(): { x: number; y: number };
  /** Called with the new journey's id (to select it, or scroll to it). */
  onCreated?(journeyId: string): void;
  /** Extra class for the toolbar button. */
  className?: string;
}

/**
 * The toolbar's "journey map" button: a menu of the map kinds (full CJM, light CJM, EJM,
 * reverse CJM) that creates the chosen one on the board in one undo step.
 */
export function JourneyPresetPicker({ getPosition, onCreated, className }: JourneyPresetPickerProps) {
  const { t } = useTranslation();
  const board = useBoard();
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
                const id = createJourneyFromPreset(board, choice, getPosition(), (key) => t(key));
                setOpen(false);
                onCreated?.(id);
              },
            }))}
          />
        </div>
      )}
    </div>
  );
}
