/**
 * `npm run export -- <board.cxboard> --what matrix|journey|board|frame --format <format> --out <path>
 *   [--lang ru|en] [--frame <title or id>] [--journey <title or id>] [--separator comma|semicolon]
 *   [--redact-quotes]`
 *
 * Batch exports for consultants: loads the board with the app's own file loader
 * (`parseBoardFile`: guard → migrate → repair), runs the same export code as the UI (the
 * format table in targets.ts) and writes the file atomically. Exit codes: 0 written, 1 a
 * refusal explained on stderr (bad file, unknown frame, nothing to export, format not
 * available), 2 a usage error.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBoardFile } from '../../shared/board';
import {
  defaultCsvSeparator,
  EXPORT_FORMATS,
  EXPORT_LANGUAGES,
  type ExportLanguage,
  findFrame,
  isExportFormat,
  runExport,
} from '../../shared/export';
import { MAX_BOARD_BYTES } from '../../shared/ipc/contract';
import { writeFileAtomic } from '../../src-main/files/atomic-write';
import { BrowserUnavailableError } from './browser';
import { EXPORT_TARGETS, EXPORT_WHATS, type ExportInput, ExportUsageError, type ExportWhat } from './targets';

const USAGE = `usage: npm run export -- <board.cxboard> --what ${EXPORT_WHATS.join('|')} --format <format> --out <path>
         [--lang ru|en] [--frame <title or id>] [--journey <title or id>]
         [--separator comma|semicolon] [--redact-quotes]
         png/svg/pdf/pptx (drawn by the app in Chromium): [--scale 1|2|3] [--transparent]
         [--paper a4|a3] [--orientation landscape|portrait] [--tiles] [--page-per-frame]
available: ${EXPORT_WHATS.map((w) => `${w}: ${formatsOf(w).join(', ') || '—'}`).join('; ')}`;

function formatsOf(what: string): string[] {
  return EXPORT_TARGETS.filter((t) => t.what === what).map((t) => t.format);
}

class UsageError extends Error {}

/** Paths on the command line are relative to where the person ran `npm run` (npm changes the cwd). */
function fromCaller(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { file, what, format, out, lang, frameQuery, journeyQuery, separator, redactQuotes, drawing } =
    parsed;
  const target = EXPORT_TARGETS.find((t) => t.what === what && t.format === format);
  if (!target) {
    const available = formatsOf(what);
    console.error(
      `Export of “${what}” as ${format} is not available${available.length ? `; available: ${available.join(', ')}` : ''}.`,
    );
    return 1;
  }
  const path = fromCaller(file);
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    () => null,
  );
  if (size === null || size < 0) {
    console.error(`${file}: no such board file.`);
    return 1;
  }
  if (size > MAX_BOARD_BYTES) {
    console.error(`${file}: the file is larger than a board can be (${MAX_BOARD_BYTES} bytes).`);
    return 1;
  }
  const bytes = new Uint8Array(await readFile(path));
  const loaded = parseBoardFile(bytes);
  if (!loaded.ok) {
    console.error(`${file}: ${loaded.error.message}`);
    return 1;
  }
  for (const warning of loaded.warnings) console.error(`${file}: note: ${warning.message}`);
  const board = loaded.board.snapshot();
  loaded.board.destroy();

  let frame: ExportInput['frame'] = null;
  if (frameQuery !== undefined) {
    const found = findFrame(board, frameQuery);
    if (!found.ok) {
      console.error(
        found.reason === 'ambiguous'
          ? `Several frames are titled “${frameQuery}”: give the frame's id instead.`
          : `There is no frame “${frameQuery}” on this board.`,
      );
      return 1;
    }
    frame = found.frame;
  }
  let journey: ExportInput['journey'] = null;
  if (journeyQuery !== undefined) {
    const wanted = journeyQuery.trim().toLocaleLowerCase();
    const all = Object.values(board.journeys);
    const matches = Object.hasOwn(board.journeys, journeyQuery)
      ? [board.journeys[journeyQuery]!]
      : all.filter((j) => j.title.trim().toLocaleLowerCase() === wanted);
    if (matches.length !== 1) {
      console.error(
        matches.length === 0
          ? `There is no journey map “${journeyQuery}” on this board.`
          : `Several journey maps are titled “${journeyQuery}”: give the journey's id instead.`,
      );
      return 1;
    }
    journey = matches[0]!;
  }
  const input: ExportInput = {
    board,
    frame,
    journey,
    language: lang,
    separator: separator ?? defaultCsvSeparator(lang),
    redactQuotes,
    file: bytes,
    drawing,
  };
  const outcome = await runExport((context) => target.run(input, context));
  if (outcome.status !== 'done') {
    const error = outcome.status === 'failed' ? outcome.error : new Error('cancelled');
    console.error(
      error instanceof ExportUsageError || error instanceof BrowserUnavailableError
        ? error.message
        : `The export failed: ${error.message}`,
    );
    return 1;
  }
  const outPath = fromCaller(out);
  try {
    await writeFileAtomic(outPath, outcome.value);
  } catch (error) {
    console.error(
      `${out}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
    return 1;
  }
  console.log(`${out}: ${what} as ${format}, ${outcome.value.byteLength} bytes`);
  return 0;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      what: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      frame: { type: 'string' },
      journey: { type: 'string' },
      separator: { type: 'string' },
      'redact-quotes': { type: 'boolean', default: false },
      scale: { type: 'string' },
      transparent: { type: 'boolean', default: false },
      paper: { type: 'string' },
      orientation: { type: 'string' },
      tiles: { type: 'boolean', default: false },
      'page-per-frame': { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('Give exactly one board file.');
  const what = values.what;
  if (!what || !(EXPORT_WHATS as readonly string[]).includes(what))
    throw new UsageError(`--what must be one of ${EXPORT_WHATS.join(', ')}.`);
  const format = values.format;
  if (!format || !isExportFormat(format))
    throw new UsageError(`--format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}.`);
  if (!values.out) throw new UsageError('--out <path> is required.');
  if (!(EXPORT_LANGUAGES as readonly string[]).includes(values.lang!))
    throw new UsageError(`--lang must be one of ${EXPORT_LANGUAGES.join(', ')}.`);
  const separators = { comma: ',', semicolon: ';' } as const;
  if (values.separator !== undefined && !Object.hasOwn(separators, values.separator))
    throw new UsageError('--separator must be comma or semicolon.');
  const drawing: Record<string, unknown> = {};
  if (values.scale !== undefined) {
    if (!['1', '2', '3'].includes(values.scale)) throw new UsageError('--scale must be 1, 2 or 3.');
    drawing.scale = Number(values.scale);
  }
  if (values.transparent) drawing.background = 'transparent';
  if (values.paper !== undefined) {
    if (!['a4', 'a3'].includes(values.paper)) throw new UsageError('--paper must be a4 or a3.');
    drawing.paper = values.paper;
  }
  if (values.orientation !== undefined) {
    if (!['landscape', 'portrait'].includes(values.orientation))
      throw new UsageError('--orientation must be landscape or portrait.');
    drawing.orientation = values.orientation;
  }
  if (values.tiles) drawing.layout = 'tile';
  if (values['page-per-frame'] !== undefined) drawing.pagePerFrame = values['page-per-frame'];
  return {
    drawing,
    file: positionals[0]!,
    what: what as ExportWhat,
    format,
    out: values.out,
    lang: values.lang as ExportLanguage,
    frameQuery: values.frame,
    journeyQuery: values.journey,
    separator:
      values.separator === undefined ? undefined : separators[values.separator as keyof typeof separators],
    redactQuotes: values['redact-quotes']!,
  };
}

process.exitCode = await main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`The export failed: ${error.message}`);
  return 1;
});
