import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard, useBoardSelector, useSessionStore } from '../../board/BoardContext';
import { Menu } from '../common/Menu';
import type { FrameCreateToolProps } from '../types';
import { addBlueprintUnder } from './create';

/**
 * The blueprint kind's creation tool (the toolbar's "Blueprint" button): a menu of the board's
 * journey maps ("under the map …": laid under it, columns following its stages) and
 * "standalone blueprint" (placed in free space by the canvas, with three columns).
 */
export function BlueprintCreateTool({ create, className }: FrameCreateToolProps) {
  const { t } = useTranslation();
  const board = useBoard();
  const session = useSessionStore();
  const journeys = useBoardSelector((s) => s.journeys);
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
  const list = Object.values(journeys).sort((a, b) => a.title.localeCompare(b.title));

  return (
    <div className="jm-picker" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        title={t('blueprint.picker.hint')}
        onClick={() => setOpen(!open)}
      >
        {t('blueprint.picker.button')}
      </button>
      {open && (
        <div className="jm-picker-menu">
          <Menu
            label={t('blueprint.picker.menu')}
            onClose={close}
            items={[
              ...list.map((journey) => ({
                label: t('blueprint.picker.under', {
                  title: journey.title.trim() || t('blueprint.header.untitledJourney'),
                }),
                onSelect: () => {
                  setOpen(false);
                  addBlueprintUnder(board, session, journey.id, t('blueprint.picker.defaultTitle'));
                },
              })),
              {
                label: t('blueprint.picker.standalone'),
                onSelect: () => {
                  setOpen(false);
                  create((b, at) =>
                    b.addBlueprint({
                      title: t('blueprint.picker.defaultTitle'),
                      x: at.x,
                      y: at.y,
                      columnTitles: [1, 2, 3].map((number) => t('blueprint.column.newTitle', { number })),
                    }),
                  );
                },
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
