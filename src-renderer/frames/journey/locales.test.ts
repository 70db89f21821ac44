import { describe, expect, it } from 'vitest';
import { GOAL_KINDS, LANE_TYPES, MOMENT_TYPES, STICKY_COLORS } from '../../../shared/board';
import { keyPaths, type ResourceTree } from '../../i18n/resources';
import en from './locales/en.json';
import ru from './locales/ru.json';
import { JOURNEY_CHOICES, starterStageKeys } from './presets';

const locales = { en: en as ResourceTree, ru: ru as ResourceTree };

/** The journey's own sources (not tests), as text. */
const sources = import.meta.glob<string>(['./*.ts', './*.tsx', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function lookup(tree: ResourceTree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as ResourceTree | undefined)?.[part], tree);
}

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('journey locales', () => {
  it('have the same keys in Russian and English, all under journey.', () => {
    const enKeys = keyPaths(locales.en).sort();
    expect(keyPaths(locales.ru).sort()).toEqual(enKeys);
    expect(enKeys.every((k) => k.startsWith('journey.'))).toBe(true);
  });

  it('have a non-empty text with the same {{variables}} in both languages', () => {
    for (const key of keyPaths(locales.en)) {
      const a = lookup(locales.en, key);
      const b = lookup(locales.ru, key);
      expect(typeof a === 'string' && a.trim().length > 0, key).toBe(true);
      expect(typeof b === 'string' && b.trim().length > 0, key).toBe(true);
      expect(variables(b as string), key).toEqual(variables(a as string));
    }
  });

  it('contain every key the code names literally', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/['"`](journey\.[\w.-]+)['"`]/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) {
      expect(typeof lookup(locales.en, key), key).toBe('string');
      expect(typeof lookup(locales.ru, key), key).toBe('string');
    }
  });

  it('contain every key the code builds from domain values', () => {
    const built = [
      ...LANE_TYPES.map((type) => `journey.lane.type.${type}`),
      ...STICKY_COLORS.map((color) => `journey.color.${color}`),
      ...MOMENT_TYPES.map((type) => `journey.moment.types.${type}`),
      ...GOAL_KINDS.map((kind) => `journey.reverse.goalKinds.${kind}`),
      ...(['cjm', 'reverse', 'ejm'] as const).map((kind) => `journey.kind.${kind}`),
      ...JOURNEY_CHOICES.flatMap((c) => [`journey.choice.${c}.label`, `journey.choice.${c}.defaultTitle`]),
      ...JOURNEY_CHOICES.flatMap(starterStageKeys),
    ];
    for (const key of built) {
      expect(typeof lookup(locales.en, key), key).toBe('string');
      expect(typeof lookup(locales.ru, key), key).toBe('string');
    }
  });
});
