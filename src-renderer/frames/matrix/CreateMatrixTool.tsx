import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardSelector } from '../../board/BoardContext';
import { Menu } from '../common/Menu';
import type { FrameCreateToolProps } from '../types';
import { addMatrixBeside } from './create';

/**
 * The matrix kind's toolbar tool: asks which journey map the matrix follows (a menu of the
 * board's maps) and creates it beside that map, selected, in one undo step.
 */
export function CreateMatrixTool({ create, className }: FrameCreateToolProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const journeys = useBoardSelector((s) => s.journeys);

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
  const list = Object.values(journeys).sort(
    (a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  return (
    <div className="jm-picker" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        title={t('matrix.create.hint')}
        onClick={() => setOpen(!open)}
      >
        {t('matrix.create.button')}
      </button>
      {open && (
        <div className="jm-picker-menu">
          <Menu
            label={t('matrix.create.menu')}
            onClose={close}
            items={
              list.length === 0
                ? [{ label: t('matrix.create.noJourney'), disabled: true, onSelect: () => {} }]
                : list.map((journey) => ({
                    label: journey.title.trim() || t('matrix.header.journeyUntitled'),
                    onSelect: () => {
                      create((board) => addMatrixBeside(board, journey, t('matrix.defaultTitle')));
                      setOpen(false);
                    },
                  }))
            }
          />
        </div>
      )}
    </div>
  );
}
