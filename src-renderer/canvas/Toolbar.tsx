import { useTranslation } from 'react-i18next';
import { ActionButton } from '../actions/ActionButton';
import { TOOL_ACTIONS } from '../actions/tools';
import { useActionContext } from '../actions/useActions';
import { useBoardReadOnly, useSession } from '../board/BoardContext';
import type { Tool } from '../board/sessionStore';
import { FRAME_KINDS } from '../frames/registry';
import { TOOL_ICONS } from '../shell/icons';

/**
 * The creation toolbar: the registry's tool actions in order. Picking a creation tool and
 * clicking the canvas places the element there; activating the button from the keyboard places
 * it in the middle of the view at once. A viewer gets the viewing tools (select, hand) alone.
 */
export function Toolbar() {
  const { t } = useTranslation();
  const current = useSession((s) => s.tool);
  const ctx = useActionContext();
  const readOnly = useBoardReadOnly();
  const tools = readOnly ? TOOL_ACTIONS.filter((action) => action.viewer) : TOOL_ACTIONS;

  return (
    <div className="cx-toolbar" role="toolbar" aria-orientation="vertical" aria-label={t('toolbar.label')}>
      {tools.map((action) => {
        const tool = action.id.slice('tool.'.length) as Tool;
        return (
          <ActionButton
            key={action.id}
            id={action.id}
            ctx={ctx}
            className="cx-toolbar__button"
            pressed={current === tool}
            // detail === 0: activated by keyboard (Enter/Space), not by a pointer.
            trigger={(event) => ({ placeInView: event.detail === 0 })}
          >
            {TOOL_ICONS[tool]}
          </ActionButton>
        );
      })}
      {!readOnly &&
        FRAME_KINDS.map(
          (kind) =>
            kind.CreateTool && (
              <kind.CreateTool
                key={kind.type}
                className="cx-toolbar__button cx-toolbar__button--wide"
                create={(add) => ctx.canvas.createFrame(kind, add)}
              />
            ),
        )}
    </div>
  );
}
