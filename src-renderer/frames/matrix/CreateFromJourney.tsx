import { useTranslation } from 'react-i18next';
import type { JourneySnapshot } from '../../../shared/board';
import { useActionContext } from '../../actions/useActions';
import { addMatrixBeside } from './create';
import { matrixFrame } from './frame';

/**
 * The journey map's "Create AI matrix" action: a matrix that follows this map, beside it,
 * selected, in one undo step. Returns the function to call (null for viewers).
 */
export function useCreateMatrixFromJourney(journey: JourneySnapshot): (() => void) | null {
  const { t } = useTranslation();
  const ctx = useActionContext();
  if (ctx.readOnly) return null;
  return () => {
    ctx.canvas.createFrame(matrixFrame, (board) => addMatrixBeside(board, journey, t('matrix.defaultTitle')));
  };
}
