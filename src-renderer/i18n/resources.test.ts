import { describe, expect, it } from 'vitest';
import { collectResources, keyPaths, mergeTrees } from './resources';

describe('locale resources', () => {
  it('merges part files into one tree per language', () => {
    const merged = collectResources({
      '../i18n/locales/en.json': { default: { app: { name: 'CX' } } },
      '../frames/journey/locales/en.json': { default: { journey: { title: 'Journey' } } },
      '../frames/journey/locales/ru.json': { default: { journey: { title: 'Путь' } } },
      '../frames/journey/locales/de.json': { default: { journey: { title: 'Reise' } } },
      '../frames/journey/notes.json': { default: { x: 'y' } },
    });
    expect(merged.en).toEqual({ app: { name: 'CX' }, journey: { title: 'Journey' } });
    expect(merged.ru).toEqual({ journey: { title: 'Путь' } });
  });

  it('deep-merges, later files winning on a clash', () => {
    expect(mergeTrees({ a: { b: '1', c: '2' } }, { a: { c: '3' }, d: '4' })).toEqual({
      a: { b: '1', c: '3' },
      d: '4',
    });
  });

  it('has the same keys in English and Russian, in every part', () => {
    const all = collectResources(
      import.meta.glob(['../*/locales/*.json', '../frames/*/locales/*.json'], { eager: true }),
    );
    // Plural forms differ by language (English: one/other; Russian: one/few/many/other),
    // so keys are compared without their i18next plural suffix.
    const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
    const en = [...new Set(keyPaths(all.en).map(base))].sort();
    const ru = [...new Set(keyPaths(all.ru).map(base))].sort();
    expect(en.length).toBeGreaterThan(100);
    expect(ru.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !ru.includes(k))).toEqual([]);
  });

  it('gives Russian every plural form a count needs', () => {
    const all = collectResources(
      import.meta.glob(['../*/locales/*.json', '../frames/*/locales/*.json'], { eager: true }),
    );
    const ru = keyPaths(all.ru);
    const plurals = [
      ...new Set(ru.filter((k) => /_(one|few|many|other)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, ''))),
    ];
    for (const key of plurals) {
      for (const form of ['one', 'few', 'many']) expect(ru, `${key}_${form}`).toContain(`${key}_${form}`);
    }
  });
});
