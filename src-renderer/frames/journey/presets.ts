import type { BoardDoc, JourneyKind, LanePreset } from '../../../shared/board';

/**
 * The journey maps the toolbar offers (issue 3): a full CJM, a light CJM ("steps + barriers
 * + pains"), an employee journey map, and a reverse CJM built back from the end goal.
 */
export const JOURNEY_CHOICES = ['cjm-full', 'cjm-light', 'ejm', 'reverse'] as const;
export type JourneyChoice = (typeof JOURNEY_CHOICES)[number];

/** Kind and lane preset of each choice. */
export const JOURNEY_CHOICE_SPECS: Record<JourneyChoice, { kind: JourneyKind; preset: LanePreset }> = {
  'cjm-full': { kind: 'cjm', preset: 'full' },
  'cjm-light': { kind: 'cjm', preset: 'light' },
  ejm: { kind: 'ejm', preset: 'ejm' },
  reverse: { kind: 'reverse', preset: 'full' },
};

/**
 * How many starter stages each choice gets, their titles being `journey.starter.<choice>.<n>`
 * (1-based). A forward map starts with a typical lifecycle so people edit rather than face an
 * empty grid; a reverse map starts empty: it is built backwards from the end goal.
 */
export const STARTER_STAGE_COUNT: Record<JourneyChoice, number> = {
  'cjm-full': 5,
  'cjm-light': 5,
  ejm: 5,
  reverse: 0,
};

/** i18n keys of the starter stage titles of a choice, in order. */
export function starterStageKeys(choice: JourneyChoice): string[] {
  const group = choice === 'cjm-light' ? 'cjm-full' : choice;
  return Array.from({ length: STARTER_STAGE_COUNT[choice] }, (_, i) => `journey.starter.${group}.${i + 1}`);
}

/**
 * Creates a journey map of the chosen kind at `position` (canvas coordinates of its top-left
 * corner) as one undo step and returns its id. Titles are written in the current language:
 * they are the board's content from then on, not UI strings.
 */
export function createJourneyFromPreset(
  board: BoardDoc,
  choice: JourneyChoice,
  position: { x: number; y: number },
  translate: (key: string) => string,
): string {
  const { kind, preset } = JOURNEY_CHOICE_SPECS[choice];
  return board.addJourney({
    kind,
    preset,
    title: translate(`journey.choice.${choice}.defaultTitle`),
    x: Math.round(position.x),
    y: Math.round(position.y),
    stageTitles: starterStageKeys(choice).map((key) => translate(key)),
  });
}
