import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';
import { markdownTable } from './markdown';
import { sheetName } from './xlsx';

describe('sheetName (Excel’s rules)', () => {
  it('drops the characters Excel refuses, cuts at 31 characters and keeps names unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Путь: [B2C] / возврат * ?', taken)).toBe('Путь B2C возврат');
    expect(sheetName('Путь B2C возврат', taken)).toBe('Путь B2C возврат (2)');
    expect(sheetName('ПУТЬ B2C ВОЗВРАТ', taken)).toBe('ПУТЬ B2C ВОЗВРАТ (3)');
    const long = sheetName('Очень длинное название пути клиента для листа', taken);
    expect([...long].length).toBe(31);
    expect(sheetName('Очень длинное название пути клиента для листа', taken)).toMatch(/^.{27} \(2\)$/u);
  });
  it('never gives an empty, quoted or reserved name', () => {
    const taken = new Set<string>();
    expect(sheetName("''", taken)).toBe('Sheet');
    expect(sheetName("'Итоги'", taken)).toBe('Итоги');
    expect(sheetName('History', taken)).toBe('History 1');
  });
});

describe('CSV', () => {
  it('round-trips quotes, separators, line breaks and empty cells', () => {
    const rows = [
      ['a;b', 'say "hi"', 'line\nbreak', '', 'x'],
      ['-1 not a formula?', '@home', 'plain', 'end', ''],
    ];
    for (const sep of [',', ';'] as const) expect(parseCsv(toCsv(rows, sep))).toEqual(rows);
  });
  it('guesses the separator from the first line', () => {
    expect(parseCsv('Этап;Боль\r\nОнбординг;5\r\n')).toEqual([
      ['Этап', 'Боль'],
      ['Онбординг', '5'],
    ]);
    expect(parseCsv('"a;b",c\n')).toEqual([['a;b', 'c']]);
  });
});

describe('markdownTable', () => {
  it('escapes pipes and backslashes and turns line breaks into <br>', () => {
    expect(markdownTable(['A', 'B'], [['x | y', 'a\\b\nc']])).toBe(
      '| A | B |\n| --- | --- |\n| x \\| y | a\\\\b<br>c |',
    );
  });
});
