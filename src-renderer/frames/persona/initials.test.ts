import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials';

describe('initialsOf', () => {
  it('takes the first letters of the first two words, in upper case', () => {
    expect(initialsOf('Anna Petrova, 67')).toBe('AP');
    expect(initialsOf('анна')).toBe('А');
    expect(initialsOf('Олег Иванович Смирнов')).toBe('ОИ');
  });

  it('skips digits and punctuation and gives nothing for a name without letters', () => {
    expect(initialsOf('  67, "pensioner"')).toBe('P');
    expect(initialsOf('42')).toBe('');
    expect(initialsOf('')).toBe('');
  });
});
