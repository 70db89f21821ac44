import { describe, expect, it } from 'vitest';
import { pickLanguage } from './language';

describe('pickLanguage', () => {
  it('prefers the language the user picked before', () => {
    expect(pickLanguage('ru', ['en-US'])).toBe('ru');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(pickLanguage('de', ['ru-RU', 'en'])).toBe('ru');
  });

  it('takes the first supported browser language, by its base tag', () => {
    expect(pickLanguage(null, ['de-DE', 'RU_ru', 'en'])).toBe('ru');
    expect(pickLanguage(null, ['fr', 'en-GB'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLanguage(null, [])).toBe('en');
    expect(pickLanguage(null, ['ja', 'zh-CN'])).toBe('en');
  });
});
