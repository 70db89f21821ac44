import { describe, expect, it } from 'vitest';
import { BoardDoc, LANE_PRESETS } from '../../../shared/board';
import en from './locales/en.json';
import { createJourneyFromPreset, JOURNEY_CHOICE_SPECS, JOURNEY_CHOICES, starterStageKeys } from './presets';

/** Looks a dotted key up in the English locale, as i18next would. */
function translate(key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en);
  if (typeof value !== 'string') throw new Error(`missing key ${key}`);
  return value;
}

describe('createJourneyFromPreset', () => {
  it.each(JOURNEY_CHOICES)('creates a %s map with its kind, lanes, starter stages and title', (choice) => {
    const board = BoardDoc.create();
    const id = createJourneyFromPreset(board, choice, { x: 100.4, y: -50.6 }, translate);
    const j = board.snapshot().journeys[id]!;
    const spec = JOURNEY_CHOICE_SPECS[choice];
    expect(j.kind).toBe(spec.kind);
    expect(j.lanes.map((l) => l.type)).toEqual(LANE_PRESETS[spec.preset]);
    expect(j.stages.map((s) => s.title)).toEqual(starterStageKeys(choice).map(translate));
    expect(j.title).toBe(translate(`journey.choice.${choice}.defaultTitle`));
    expect([j.x, j.y]).toEqual([100, -51]);
  });

  it('is one undo step', () => {
    const board = BoardDoc.create();
    board.history.clear();
    createJourneyFromPreset(board, 'cjm-full', { x: 0, y: 0 }, translate);
    board.history.undo();
    expect(board.snapshot().journeys).toEqual({});
  });

  it('offers the light CJM as steps + barriers/pains and starts a reverse map empty', () => {
    expect(LANE_PRESETS[JOURNEY_CHOICE_SPECS['cjm-light'].preset]).toEqual(['steps', 'barriers']);
    expect(starterStageKeys('reverse')).toEqual([]);
  });
});
