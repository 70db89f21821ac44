import type { BoardSnapshot, ElementSnapshot, JourneySnapshot } from '../../shared/board';
import {
  buildMatrixExport,
  type CsvSeparator,
  type ExportContext,
  type ExportFormat,
  type ExportLanguage,
  journeyCsv,
  journeysInFrame,
  journeyXlsx,
  matricesInFrame,
  matrixCsv,
  matrixMarkdown,
  matrixXlsx,
} from '../../shared/export';
import { matricesOf } from '../../shared/matrix';
import { DRAWING_TARGETS } from './drawingTargets';

/** What `npm run export` can export. */
export const EXPORT_WHATS = ['matrix', 'journey', 'board', 'frame'] as const;
export type ExportWhat = (typeof EXPORT_WHATS)[number];

/** Everything an export target gets: the loaded board and the options of the command line. */
export interface ExportInput {
  board: BoardSnapshot;
  /** The frame asked for with --frame, or null for the whole board. */
  frame: ElementSnapshot | null;
  /** The journey asked for with --journey, or null. */
  journey: JourneySnapshot | null;
  language: ExportLanguage;
  separator: CsvSeparator;
  redactQuotes: boolean;
  /** The board file as read (the drawing formats hand it to the app in Chromium). */
  file: Uint8Array;
  /** Options of the drawing formats (--paper, --orientation, --tiles, --page-per-frame, --scale, --transparent). */
  drawing: Record<string, unknown>;
}

/** A refusal the command line prints as is (exit code 1). */
export class ExportUsageError extends Error {}

/** One row of the format table: a kind of export in one format. */
export interface ExportTarget {
  what: ExportWhat;
  format: ExportFormat;
  run(input: ExportInput, context: ExportContext): Promise<Uint8Array>;
}

function scopeName(input: ExportInput): string {
  return input.frame ? `the frame “${input.frame.text || input.frame.id}”` : 'the board';
}

function matrixData(input: ExportInput) {
  const matrices = input.frame ? matricesInFrame(input.board, input.frame) : matricesOf(input.board);
  const data = buildMatrixExport(
    input.board,
    matrices.map((m) => m.id),
    { language: input.language },
  );
  if (!data) throw new ExportUsageError(`There is no AI matrix in ${scopeName(input)}.`);
  return data;
}

function journeysOf(input: ExportInput): JourneySnapshot[] {
  if (input.journey) return [input.journey];
  const journeys = input.frame
    ? journeysInFrame(input.board, input.frame)
    : Object.values(input.board.journeys).sort((a, b) => a.y - b.y || a.x - b.x);
  if (journeys.length === 0) throw new ExportUsageError(`There is no journey map in ${scopeName(input)}.`);
  return journeys;
}

function oneJourney(input: ExportInput): JourneySnapshot {
  const journeys = journeysOf(input);
  if (journeys.length > 1)
    throw new ExportUsageError(
      `${scopeName(input)} has ${journeys.length} journey maps; a CSV holds one: pick it with --journey <title or id> (or export xlsx, a sheet per journey).`,
    );
  return journeys[0]!;
}

/**
 * The format table. Open: another kind of export (pictures, PDF, PPTX) adds its rows here
 * and the command line, its help and its "not available" message pick them up.
 */
export const EXPORT_TARGETS: ExportTarget[] = [
  { what: 'matrix', format: 'xlsx', run: (input, context) => matrixXlsx(matrixData(input), context) },
  { what: 'matrix', format: 'csv', run: async (input) => matrixCsv(matrixData(input), input.separator) },
  { what: 'matrix', format: 'md', run: async (input) => matrixMarkdown(matrixData(input)) },
  {
    what: 'journey',
    format: 'xlsx',
    run: (input, context) =>
      journeyXlsx(journeysOf(input), { language: input.language, redactQuotes: input.redactQuotes }, context),
  },
  {
    what: 'journey',
    format: 'csv',
    run: async (input) =>
      journeyCsv(
        oneJourney(input),
        { language: input.language, redactQuotes: input.redactQuotes },
        input.separator,
      ),
  },
  ...DRAWING_TARGETS,
];
