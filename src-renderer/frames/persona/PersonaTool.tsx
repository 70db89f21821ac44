import { useTranslation } from 'react-i18next';
import type { FrameCreateToolProps } from '../types';

/** The toolbar button that adds an empty persona card; the canvas places it in free space. */
export function PersonaTool({ create, className }: FrameCreateToolProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={className}
      title={t('persona.tool.hint')}
      onClick={() => create((board, at) => board.addPersona({ x: Math.round(at.x), y: Math.round(at.y) }))}
    >
      {t('persona.tool.button')}
    </button>
  );
}
