import { parseBoardFile } from '../../shared/board/file';
import type { BoardValidator } from './board-files';

/**
 * The real `.cxboard` check: the board codec's full load (guard → decode → migrate →
 * repair). The loaded document is thrown away; the renderer loads its own copy.
 */
export const validateBoardFile: BoardValidator = (bytes) => {
  const result = parseBoardFile(bytes);
  if (!result.ok) return { ok: false, error: { code: result.error.code, message: result.error.message } };
  result.board.destroy();
  return { ok: true, warnings: result.warnings.map(({ code, message }) => ({ code, message })) };
};
