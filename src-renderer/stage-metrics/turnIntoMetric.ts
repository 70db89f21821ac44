import type { BoardDoc, CardSnapshot } from '../../shared/board';
import { MAX_TITLE_LENGTH } from '../../shared/board/records';

/**
 * Turns a text card of a Metrics lane into a custom metric of its stage, in one undo step: the
 * card's first line becomes the metric's name. The card goes only when its whole text fits in
 * the name, so no words are lost; a longer card stays beside the new metric. Returns the id.
 */
export function turnCardIntoMetric(board: BoardDoc, journeyId: string, card: CardSnapshot): string {
  const text = card.text.trim();
  const name = (text.split('\n')[0] ?? '').trim().slice(0, MAX_TITLE_LENGTH);
  let metricId = '';
  board.batch('turnCardIntoMetric', () => {
    metricId = board.addMetric({ journeyId, stageId: card.stageId, kind: 'custom', name });
    if (name === text) board.deleteCard(journeyId, card.id);
  });
  return metricId;
}
