import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS, exportFileName, isSafeExportFileName, looksLikeFormat } from './formats';

describe('exportFileName', () => {
  it.each([
    ['Онбординг', 'xlsx', 'Онбординг.xlsx'],
    ['Q3: "AI" matrix / team A', 'csv', 'Q3 AI matrix team A.csv'],
    ['../../etc/passwd', 'md', 'etc passwd.md'],
    ['  ...hidden.  ', 'pdf', 'hidden.pdf'],
    ['matrix.xlsx', 'xlsx', 'matrix.xlsx'],
    ['', 'png', 'export.png'],
    ['CON', 'svg', 'export.svg'],
    ['line\nbreak\ttab', 'pptx', 'line break tab.pptx'],
  ] as const)('%j as %s → %j', (title, format, expected) => {
    expect(exportFileName(title, format)).toBe(expected);
    expect(isSafeExportFileName(expected, format)).toBe(true);
  });

  it('shortens long titles by characters, not bytes (Cyrillic kept whole)', () => {
    const name = exportFileName('Путь клиента '.repeat(30), 'xlsx');
    expect([...name].length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(name).not.toContain('\uFFFD');
  });

  it('refuses names that are paths or lack the extension', () => {
    expect(isSafeExportFileName('a/b.xlsx', 'xlsx')).toBe(false);
    expect(isSafeExportFileName('a.xlsx', 'csv')).toBe(false);
    expect(isSafeExportFileName('.csv', 'csv')).toBe(false);
  });
});

describe('looksLikeFormat', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('recognises each format by its signature', () => {
    expect(looksLikeFormat(new Uint8Array([0x50, 0x4b, 3, 4]), 'xlsx')).toBe(true);
    expect(looksLikeFormat(new Uint8Array([0x50, 0x4b, 3, 4]), 'pptx')).toBe(true);
    expect(looksLikeFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'png')).toBe(
      true,
    );
    expect(looksLikeFormat(enc('%PDF-1.7'), 'pdf')).toBe(true);
    expect(looksLikeFormat(enc('\uFEFF <svg/>'), 'svg')).toBe(true);
    expect(looksLikeFormat(enc('\uFEFFa;b'), 'csv')).toBe(true);
    expect(looksLikeFormat(enc('| a |'), 'md')).toBe(true);
  });
  it('refuses bytes of another kind', () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0, 0]);
    for (const format of EXPORT_FORMAT_IDS) expect(looksLikeFormat(exe, format)).toBe(false);
  });
});
