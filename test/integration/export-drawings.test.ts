import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBoardFile } from '../../shared/board/file';
import { type ExportBrowser, openExportBrowser } from '../../scripts/export/browser';
import { buildExportBoard, EXPORT_FIXTURE } from '../fixtures/exportBoard';
import { assertBuilt } from '../support';

/**
 * The drawing exports (PDF, PNG, SVG, PPTX) of the fixture board, made the way the command
 * line makes them (the built app in headless Chromium, the Export dialog's code) and checked
 * as a client opens them: poppler (pdftotext, pdffonts, pdftoppm) and LibreOffice headless.
 */
let dir: string;
let browser: ExportBrowser;
let boardBytes: Uint8Array;
const SECRET_WORDS = ['Иванов', 'грубил'];

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cxboard-export-drawings-'));
  boardBytes = serializeBoardFile(buildExportBoard().board);
  browser = await openExportBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(
  format: 'pdf' | 'png' | 'svg' | 'pptx',
  options: Record<string, unknown> = {},
  redactAllQuotes = false,
) {
  return browser.run({
    boardBytes,
    scope: { kind: 'board' },
    format,
    options,
    language: 'ru',
    redactAllQuotes,
  });
}

/** Size of an 8-bit RGB(A) PNG and the share of its pixels that are not blank (transparent or near-white). */
function decodePng(bytes: Buffer): { width: number; height: number; ink: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect(bytes[24]).toBe(8); // 8 bits per channel
  const channels = bytes[25] === 6 ? 4 : bytes[25] === 2 ? 3 : 0; // RGBA or RGB
  expect(channels).toBeGreaterThan(0);
  const chunks: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT')
      chunks.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (value + predictor) & 255;
    }
  }
  let ink = 0;
  for (let i = 0; i < pixels.length; i += channels)
    if ((channels === 3 || pixels[i + 3]! > 16) && pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 600) ink++;
  return { width, height, ink: ink / (width * height) };
}

/** Share of pixels of a PPM (P6) image that are not near-white. */
function inkShare(ppm: Buffer): number {
  const header = ppm.toString('latin1', 0, 64).split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = ppm.length - width * height * 3;
  let ink = 0;
  for (let i = start; i < ppm.length; i += 3) if (ppm[i]! + ppm[i + 1]! + ppm[i + 2]! < 600) ink++;
  return ink / (width * height);
}

describe('drawing exports of the fixture board', () => {
  it('PDF: stage names as text, no redacted words, embedded fonts, pages that are not blank', async () => {
    const path = join(dir, 'board.pdf');
    writeFileSync(path, await run('pdf'));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    for (const stage of [...EXPORT_FIXTURE.stages, ...EXPORT_FIXTURE.secondStages])
      expect(text).toContain(stage);
    expect(text).toContain(EXPORT_FIXTURE.quotes[1]);
    for (const word of SECRET_WORDS) expect(text).not.toContain(word);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/NotoSans\S*\s+CID TrueType\s+Identity-H\s+yes/);
    execFileSync('pdftoppm', ['-r', '20', path, join(dir, 'page')]); // PPM pages
    const pages = readdirSync(dir).filter((f) => f.startsWith('page'));
    expect(pages.length).toBe(1);
    expect(inkShare(readFileSync(join(dir, pages[0]!)))).toBeGreaterThan(0.002);
  });

  it('PDF: one page per frame, and tiles at print size', async () => {
    const perFrame = join(dir, 'frames.pdf');
    writeFileSync(perFrame, await run('pdf', { pagePerFrame: true }));
    const pages = (file: string) =>
      Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages(perFrame)).toBeGreaterThanOrEqual(3); // two journeys and a matrix at least
    const tiles = join(dir, 'tiles.pdf');
    writeFileSync(tiles, await run('pdf', { layout: 'tile', paper: 'a4', orientation: 'portrait' }));
    expect(pages(tiles)).toBeGreaterThan(4);
  });

  it('"redact all quotes" leaves no quote in the PDF', async () => {
    const path = join(dir, 'redacted.pdf');
    writeFileSync(path, await run('pdf', {}, true));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    // Each quote's last word (its first may also be a stage's name).
    for (const quote of EXPORT_FIXTURE.quotes) expect(text).not.toContain(quote.split(' ').at(-1));
    expect(text).toContain(EXPORT_FIXTURE.stages[0]);
  });

  it('PNG: the expected size at 2×, not blank', async () => {
    const two = await run('png', { scale: 2 });
    const one = await run('png', { scale: 1 });
    const big = decodePng(Buffer.from(two));
    const small = decodePng(Buffer.from(one));
    expect(Math.abs(big.width - 2 * small.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(big.height - 2 * small.height)).toBeLessThanOrEqual(2);
    expect(small.width).toBeGreaterThan(1000);
    expect(small.ink).toBeGreaterThan(0.002);
  });

  it('SVG: parses, holds the stages as text and no redacted words', async () => {
    const svg = new TextDecoder().decode(await run('svg'));
    expect(svg.startsWith('<?xml')).toBe(true);
    const errors: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        warning: () => {},
        error: (message: string) => errors.push(message),
        fatalError: (message: string) => errors.push(message),
      },
    }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe('svg');
    expect(doc.getElementsByTagName('text').length).toBeGreaterThan(20);
    for (const stage of EXPORT_FIXTURE.stages) expect(svg).toContain(stage);
    for (const word of SECRET_WORDS) expect(svg).not.toContain(word);
  });

  it('PPTX: LibreOffice opens it; slides with the Cyrillic text, no redacted words', async () => {
    const path = join(dir, 'deck.pptx');
    writeFileSync(path, await run('pptx'));
    const profile = join(dir, 'lo-profile');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path],
      { stdio: 'ignore', timeout: 110_000 },
    );
    const pdf = join(dir, 'deck.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(8);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const expected of [EXPORT_FIXTURE.title, EXPORT_FIXTURE.journeyTitle, ...EXPORT_FIXTURE.stages])
      expect(text).toContain(expected);
    expect(text).toContain('Матрица автоматизации ИИ');
    expect(text).toContain('Чего не делать');
    for (const word of SECRET_WORDS) expect(text).not.toContain(word);
  }, 150_000);
});
