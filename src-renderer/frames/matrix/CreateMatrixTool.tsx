import { useTranslation } from 'react-i18next';
import { useBoardSelector } from '../../board/BoardContext';
import { ToolMenu } from '../common/ToolMenu';
import type { FrameCreateToolProps } from '../types';
import { addMatrixBeside } from './create';

/**
 * The matrix kind's toolbar tool: asks which journey map the matrix follows (a menu of the
 * board's maps) and creates it beside that map, selected, in one undo step.
 */
export function CreateMatrixTool({ create, className }: FrameCreateToolProps) {
  const { t } = useTranslation();
  const journeys = useBoardSelector((s) => s.journeys);
  const list = Object.values(journeys).sort(
    (a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return (
    <ToolMenu
      className={className}
      label={t('matrix.create.button')}
      hint={t('matrix.create.hint')}
      menuLabel={t('matrix.create.menu')}
      items={
        list.length === 0
          ? [{ label: t('matrix.create.noJourney'), disabled: true, onSelect: () => {} }]
          : list.map((journey) => ({
              label: journey.title.trim() || t('matrix.header.journeyUntitled'),
              onSelect: () => create((board) => addMatrixBeside(board, journey, t('matrix.defaultTitle'))),
            }))
      }
    />
  );
}
