import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ariaKeyShortcuts, formatShortcut } from '../canvas/shortcuts';
import { type ActionId, getAction, runAction } from './registry';
import type { ActionContext, Trigger } from './types';

/** Shortcuts are shown with ⌘ on Apple devices, Ctrl elsewhere. */
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** An action's name with its first shortcut, for a tooltip: "Undo (Ctrl+Z)". */
export function useActionTitle(id: ActionId): { label: string; title: string; keys: string | undefined } {
  const { t } = useTranslation();
  const action = getAction(id);
  const label = t(action.labelKey);
  const first = action.shortcuts[0];
  return {
    label,
    title: first ? `${label} (${formatShortcut(first, MAC)})` : label,
    keys: action.shortcuts.length > 0 ? ariaKeyShortcuts(action.shortcuts) : undefined,
  };
}

/**
 * A button that runs a registry action: named, titled and given its shortcuts by the action.
 * With `children` (an icon) the name is its accessible label; without, the name is its text.
 */
export function ActionButton({
  id,
  ctx,
  className,
  disabled,
  pressed,
  trigger,
  children,
}: {
  id: ActionId;
  ctx: ActionContext;
  className?: string;
  disabled?: boolean;
  pressed?: boolean;
  /** How the click runs the action (e.g. placing a tool's item at once from the keyboard). */
  trigger?: (event: MouseEvent<HTMLButtonElement>) => Trigger;
  children?: ReactNode;
}) {
  const { label, title, keys } = useActionTitle(id);
  return (
    <button
      type="button"
      className={className}
      aria-label={children ? label : undefined}
      aria-pressed={pressed}
      aria-keyshortcuts={keys}
      title={title}
      disabled={disabled}
      onClick={(event) => runAction(ctx, getAction(id), trigger?.(event) ?? {})}
    >
      {children ?? label}
    </button>
  );
}
