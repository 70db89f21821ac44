import type { MatrixSnapshot } from '../../../shared/board';
import { defineFrameKind } from '../types';
import { parseMatrix, pasteMatrix } from './copy';
import { CreateMatrixTool } from './CreateMatrixTool';
import { FarMatrix } from './FarMatrix';
import { MatrixFrame, matrixLabel } from './MatrixFrame';
import { matrixNodeSize } from './layout';

/** The AI-automation opportunity matrix (DOMAIN 2.6) as a frame kind of the canvas. */
export const matrixFrame = defineFrameKind<MatrixSnapshot>({
  type: 'matrix',
  records: (snapshot) => snapshot.matrices,
  sizeOf: matrixNodeSize,
  // A row mounts about fifteen controls: as much work as a few stickies.
  detailWeight: (matrix) => matrix.rows.length * 4,
  Detailed: MatrixFrame,
  Far: FarMatrix,
  label: matrixLabel,
  minimapColor: '#fde68a',
  moveTo: (board, id, at) => board.updateMatrix(id, { x: at.x, y: at.y }),
  remove: (board, id) => board.deleteMatrix(id),
  CreateTool: CreateMatrixTool,
  parse: parseMatrix,
  paste: pasteMatrix,
});
