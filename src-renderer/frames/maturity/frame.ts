import type { MaturityCardSnapshot } from '../../../shared/board';
import { defineFrameKind } from '../types';
import { parseMaturityCard, pasteMaturityCard } from './copy';
import { maturityCardSizeOf } from './layout';
import { MaturityCard, MaturityFar, maturityLabel } from './MaturityCard';
import { MaturityTool } from './MaturityTool';

/** The CX maturity self-assessment card (DOMAIN 2.7) as a frame kind of the canvas. */
export const maturityFrame = defineFrameKind<MaturityCardSnapshot>({
  type: 'maturity',
  records: (snapshot) => snapshot.maturityCards,
  sizeOf: maturityCardSizeOf,
  // A row of five controls per area.
  detailWeight: (card) => 2 + card.areas.length,
  Detailed: MaturityCard,
  Far: MaturityFar,
  label: maturityLabel,
  minimapColor: '#fde68a',
  moveTo: (board, id, at) => board.updateMaturityCard(id, { x: at.x, y: at.y }),
  remove: (board, id) => board.deleteMaturityCard(id),
  CreateTool: MaturityTool,
  parse: parseMaturityCard,
  paste: pasteMaturityCard,
});
