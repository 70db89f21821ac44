import type { TFunction } from 'i18next';
import { BoardDoc } from '../../shared/board';
import { createJourneyFromPreset, JOURNEY_CHOICES, type JourneyChoice } from '../frames/journey';

/** What a new board can start from: nothing, or one journey map with sample stages. */
export const BOARD_TEMPLATES = ['blank', ...JOURNEY_CHOICES] as const;
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number];

/** Sample backward stages of the reverse-CJM template (DOMAIN 2.3, the travel example), goal first. */
const REVERSE_SAMPLE_STAGES = 4;

/**
 * Builds a new board in memory from a template, titles in the current language (they are
 * the board's content from then on). The caller stores it (see AppShell.createLocalBoard).
 */
export function buildBoardFromTemplate(template: BoardTemplate, t: TFunction): BoardDoc {
  const board = BoardDoc.create({
    title: template === 'blank' ? t('start.untitledBoard') : t(`journey.choice.${template}.defaultTitle`),
  });
  if (template === 'blank') return board;
  const choice: JourneyChoice = template;
  const journeyId = createJourneyFromPreset(board, choice, { x: 0, y: 0 }, (key) => t(key));
  if (choice === 'reverse') {
    // A reverse map grows at its start: add the sample stages from the goal backwards.
    for (let n = 1; n <= REVERSE_SAMPLE_STAGES; n++) {
      board.addStage(journeyId, { title: t(`templates.reverse.stage${n}`) });
    }
    board.updateJourney(journeyId, { endGoal: t('templates.reverse.endGoal'), goalKind: 'positive-emotion' });
  }
  return board;
}
