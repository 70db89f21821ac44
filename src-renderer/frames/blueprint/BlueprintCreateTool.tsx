import { useTranslation } from 'react-i18next';
import { useBoard, useBoardSelector, useSessionStore } from '../../board/BoardContext';
import { ToolMenu } from '../common/ToolMenu';
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
  const list = Object.values(journeys).sort((a, b) => a.title.localeCompare(b.title));
  return (
    <ToolMenu
      className={className}
      label={t('blueprint.picker.button')}
      hint={t('blueprint.picker.hint')}
      menuLabel={t('blueprint.picker.menu')}
      items={[
        ...list.map((journey) => ({
          label: t('blueprint.picker.under', {
            title: journey.title.trim() || t('blueprint.header.untitledJourney'),
          }),
          onSelect: () => addBlueprintUnder(board, session, journey.id, t('blueprint.picker.defaultTitle')),
        })),
        {
          label: t('blueprint.picker.standalone'),
          onSelect: () =>
            create((b, at) =>
              b.addBlueprint({
                title: t('blueprint.picker.defaultTitle'),
                x: at.x,
                y: at.y,
                columnTitles: [1, 2, 3].map((number) => t('blueprint.column.newTitle', { number })),
              }),
            ),
        },
      ]}
    />
  );
}
