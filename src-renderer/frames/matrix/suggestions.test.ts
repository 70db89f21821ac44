import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import ru from './locales/ru.json';
import { ideaKey, STAGE_KINDS, stageKindOf, TYPICAL_AUTOMATIONS, withIdea } from './suggestions';

describe('typical automations', () => {
  it('recognise the kinds of a support-request journey in Russian and English', () => {
    expect(
      [
        'Онбординг',
        'Возникла проблема',
        'Первое обращение',
        'Классификация',
        'Ответ',
        'Анализ реакции',
        'Закрытие обращения',
        'Эскалация',
      ].map(stageKindOf),
    ).toEqual(STAGE_KINDS);
    expect(
      ['Onboarding', 'A problem arises', 'First contact', 'Closing the request'].map(stageKindOf),
    ).toEqual(['onboarding', 'problem', 'first-contact', 'closing']);
    expect(stageKindOf('Оплата')).toBeNull();
  });

  it('have every idea translated in both languages', () => {
    for (const kind of STAGE_KINDS)
      for (const idea of TYPICAL_AUTOMATIONS[kind]) {
        const path = ideaKey(kind, idea).split('.');
        for (const tree of [en, ru]) {
          const text = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
          expect(typeof text, ideaKey(kind, idea)).toBe('string');
        }
      }
  });

  it('are added on a new line, never twice', () => {
    expect(withIdea('', 'Квесты')).toBe('Квесты');
    expect(withIdea('Чат-бот  \n', 'Квесты')).toBe('Чат-бот\nКвесты');
    expect(withIdea('Чат-бот\nКвесты', 'Квесты')).toBe('Чат-бот\nКвесты');
  });
});
