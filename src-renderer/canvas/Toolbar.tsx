import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardReadOnly, useSession, useSessionStore } from '../board/BoardContext';
import type { Tool } from '../board/sessionStore';
import { JourneyPresetPicker } from '../journey';
import { TOOL_ICONS } from '../shell/icons';
import { VIEWING_TOOLS } from './shortcuts';
import { CREATION_TOOLS, useCanvasActions } from './useCanvasActions';

/** Tools in toolbar order, with their single-key shortcut (see shortcuts.ts). */
const TOOLBAR: { tool: Tool; key: string }[] = [
  { tool: 'select', key: 'V' },
  { tool: 'hand', key: 'H' },
  { tool: 'sticky', key: 'N' },
  { tool: 'text', key: 'T' },
  { tool: 'rectangle', key: 'R' },
  { tool: 'ellipse', key: 'O' },
  { tool: 'diamond', key: 'D' },
  { tool: 'frame', key: 'F' },
  { tool: 'connector', key: 'C' },
];

/**
 * The creation toolbar. Picking a creation tool and clicking the canvas places the element
 * there; activating the button from the keyboard places it in the middle of the view at once.
 * On a board open for viewing only it offers the viewing tools (select, hand) alone.
 */
export function Toolbar() {
  const { t } = useTranslation();
  const session = useSessionStore();
  const current = useSession((s) => s.tool);
  const actions = useCanvasActions();
  const readOnly = useBoardReadOnly();
  const tools = readOnly ? TOOLBAR.filter(({ tool }) => VIEWING_TOOLS.includes(tool)) : TOOLBAR;

  const choose = (tool: Tool, event: MouseEvent<HTMLButtonElement>) => {
    const state = session.getState();
    state.setEditing(null);
    // detail === 0: activated by keyboard (Enter/Space), not by a pointer.
    if (event.detail === 0 && CREATION_TOOLS[tool]) {
      actions.createInView(tool);
      return;
    }
    state.setTool(tool);
    if (tool === 'connector' && state.selection.length === 1) state.setConnectFrom(state.selection[0]!);
  };

  return (
    <div className="cx-toolbar" role="toolbar" aria-orientation="vertical" aria-label={t('toolbar.label')}>
      {tools.map(({ tool, key }) => {
        const label = t(`tool.${tool}`);
        return (
          <button
            key={tool}
            type="button"
            className="cx-toolbar__button"
            aria-label={label}
            aria-pressed={current === tool}
            aria-keyshortcuts={key}
            title={`${label} (${key})`}
            onClick={(event) => choose(tool, event)}
          >
            {TOOL_ICONS[tool]}
          </button>
        );
      })}
      {!readOnly && (
        <JourneyPresetPicker
          className="cx-toolbar__button cx-toolbar__button--wide"
          getPosition={() => {
            const view = actions.viewRect();
            return { x: view.x + view.width * 0.1, y: view.y + view.height * 0.1 };
          }}
          onCreated={(id) => session.getState().setSelection([id])}
        />
      )}
    </div>
  );
}
