import { useEffect, useRef, useState } from 'react';
import { Menu, type MenuItem } from './Menu';

/**
 * A toolbar button that opens a menu of choices (a frame kind's creation tool: which map
 * kind, which journey to follow). Picking an item closes the menu and runs it; Escape or a
 * click outside closes it, Escape returning focus to the button.
 */
export function ToolMenu({
  className,
  label,
  hint,
  menuLabel,
  items,
}: {
  className?: string;
  /** The button's text. */
  label: string;
  /** The button's tooltip. */
  hint: string;
  /** The menu's accessible name. */
  menuLabel: string;
  items: readonly MenuItem[];
}) {
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
        title={hint}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <div className="jm-picker-menu">
          <Menu
            label={menuLabel}
            onClose={close}
            items={items.map((item) => ({
              ...item,
              onSelect: () => {
                setOpen(false);
                item.onSelect();
              },
            }))}
          />
        </div>
      )}
    </div>
  );
}
