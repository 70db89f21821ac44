import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../shared/export/formats';
import { saveExport } from './export-files';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cx-export-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const CSV = new TextEncoder().encode('\uFEFFЭтап;Боль\nОнбординг;5\n');
const request = { bytes: CSV, suggestedName: 'Матрица.csv', format: 'csv' as const };

describe('saveExport', () => {
  it('asks with the suggested name and format, then writes the bytes where the person chose', async () => {
    const asked: [string, ExportFormat][] = [];
    const target = join(folder, 'Матрица.csv');
    const result = await saveExport(request, async (name, format) => {
      asked.push([name, format]);
      return target;
    });
    expect(asked).toEqual([['Матрица.csv', 'csv']]);
    expect(result).toEqual({ status: 'saved', name: 'Матрица.csv' });
    expect(new Uint8Array(await readFile(target))).toEqual(CSV);
  });

  it('adds the extension when the person typed a name without it', async () => {
    const result = await saveExport(request, async () => join(folder, 'deliverable'));
    expect(result).toEqual({ status: 'saved', name: 'deliverable.csv' });
    expect(await readdir(folder)).toEqual(['deliverable.csv']);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    expect(await saveExport(request, async () => null)).toEqual({ status: 'cancelled' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('reports a failed write and leaves the old file intact', async () => {
    const target = join(folder, 'old.csv');
    await writeFile(target, 'old');
    const result = await saveExport(
      request,
      async () => target,
      async () => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    );
    expect(result).toEqual({
      status: 'failed',
      error: { code: 'export-write-failed', message: 'old.csv: ENOSPC' },
    });
    expect(await readFile(target, 'utf8')).toBe('old');
  });

  it('reports a folder that cannot be written to', async () => {
    const result = await saveExport(request, async () => join(folder, 'missing', 'x.csv'));
    expect(result).toMatchObject({ status: 'failed', error: { code: 'export-write-failed' } });
  });
});
