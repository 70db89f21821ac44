import { useTranslation } from 'react-i18next';
import { DEFAULT_MATURITY_AREAS } from '../../../shared/board';
import type { FrameCreateToolProps } from '../types';

/**
 * The toolbar button that adds a CX maturity self-assessment card with the usual areas
 * (service, sales, product, IT, marketing), none assessed yet; the canvas places it in free space.
 */
export function MaturityTool({ create, className }: FrameCreateToolProps) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={className}
      title={t('maturity.tool.hint')}
      onClick={() =>
        create((board, at) =>
          board.addMaturityCard({
            x: Math.round(at.x),
            y: Math.round(at.y),
            areas: DEFAULT_MATURITY_AREAS.map((kind) => ({ kind })),
          }),
        )
      }
    >
      {t('maturity.tool.button')}
    </button>
  );
}
