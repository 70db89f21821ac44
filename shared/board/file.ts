import { fromBase64, toBase64 } from 'lib0/buffer';
import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import * as Y from 'yjs';
import { z } from 'zod';
import { BoardDoc } from './BoardDoc';
import { checkInvariants } from './invariants';
import { migrate } from './migrations';
import { deepestNesting, MAX_NESTING_DEPTH } from './nesting';
import { MAX_TITLE_LENGTH } from './records';
import { repairDoc } from './repair';
import { SCHEMA_VERSION } from './schema';

export { MAX_NESTING_DEPTH } from './nesting';

/**
 * The `.cxboard` file format (documented in docs/FILE_FORMAT.md): UTF-8 JSON
 *
 *   { "format": "cxboard", "formatVersion": 1, "schemaVersion": 3, "savedAt": "<ISO>",
 *     "title": "<board title>", "ydoc": "<base64 Yjs state update>" }
 *
 * The Yjs state keeps every record's identity, so a file opened again, hosted, or merged
 * with a copy edited elsewhere merges like any live collaborator instead of duplicating.
 */
export const BOARD_FILE_FORMAT = 'cxboard';
export const BOARD_FILE_VERSION = 1;
/** Files above this size are refused before parsing, and boards that would save larger are refused at load. */
export const MAX_BOARD_FILE_BYTES = 64 * 1024 * 1024;

/** Why a file was refused, or what was repaired while loading it. `code` keys the UI's message. */
export interface LoadIssue {
  code:
    | 'empty'
    | 'too-large'
    | 'not-json'
    | 'not-a-board'
    | 'newer-format'
    | 'newer-version'
    | 'damaged'
    | 'repaired';
  message: string;
  params?: Record<string, string | number>;
  /** Technical cause, for logs and bug reports (never shown in place of `message`). */
  detail?: string;
}

export type BoardLoadResult =
  | { ok: true; board: BoardDoc; warnings: LoadIssue[]; migratedFrom: number | null }
  | { ok: false; error: LoadIssue };

/**
 * What a reader needs from the envelope. `savedAt` and `title` are for people and file
 * browsers: ignored when malformed (the board's own title lives in the document).
 */
const envelopeSchema = z.object({
  format: z.literal(BOARD_FILE_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  savedAt: z.string().max(64).optional().catch(undefined),
  title: z.string().max(MAX_TITLE_LENGTH).optional().catch(undefined),
  ydoc: z.string().min(1),
});

/** Encodes a whole board as a `.cxboard` file. */
export function serializeBoardFile(board: BoardDoc, savedAt: Date = new Date()): Uint8Array {
  const snapshot = board.snapshot();
  const envelope = {
    format: BOARD_FILE_FORMAT,
    formatVersion: BOARD_FILE_VERSION,
    schemaVersion: snapshot.meta.schemaVersion,
    savedAt: savedAt.toISOString(),
    title: snapshot.meta.title,
    ydoc: toBase64(Y.encodeStateAsUpdate(board.ydoc)),
  };
  return encodeUtf8(`${JSON.stringify(envelope, null, 1)}\n`);
}

function refuse(code: LoadIssue['code'], message: string, params?: LoadIssue['params']): BoardLoadResult {
  return { ok: false, error: params ? { code, message, params } : { code, message } };
}

const DAMAGED = 'The board data in the file is damaged and cannot be read.';

/**
 * Files up to this size are not serialised again at load to prove they save within the
 * limit: migration and repair grow a board by far less than 4× (1.6× measured for a v1
 * board of 25 000 one-letter texts, the worst case: each becomes a Y.Text), and the check
 * costs about as much as a save.
 */
const SAVE_CHECK_FROM_BYTES = MAX_BOARD_FILE_BYTES / 4;

/**
 * Loads an untrusted `.cxboard` file: guard (size, JSON, envelope) → decode → check
 * (complete, nesting) → migrate → repair → check (invariants, saves within the size limit).
 * Never throws; a refused file comes back as `{ ok: false, error }` with a message a person
 * understands, and nothing is partially loaded. A board that loads can be saved and loaded
 * again.
 */
export function parseBoardFile(bytes: Uint8Array): BoardLoadResult {
  if (bytes.byteLength === 0) return refuse('empty', 'The file is empty.');
  if (bytes.byteLength > MAX_BOARD_FILE_BYTES) {
    return refuse('too-large', `The file is larger than ${MAX_BOARD_FILE_BYTES / 1024 / 1024} MB.`, {
      limitMb: MAX_BOARD_FILE_BYTES / 1024 / 1024,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes));
  } catch {
    return refuse('not-json', 'The file is not a board file: it is not readable JSON (it may be truncated).');
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const isOurs =
      typeof json === 'object' &&
      json !== null &&
      (json as { format?: unknown }).format === BOARD_FILE_FORMAT;
    return refuse(
      isOurs ? 'damaged' : 'not-a-board',
      isOurs
        ? 'The board file is damaged: required fields are missing or wrong.'
        : 'This is not a CX board file.',
    );
  }
  const { formatVersion, schemaVersion } = envelope.data;
  if (formatVersion > BOARD_FILE_VERSION) {
    return refuse(
      'newer-format',
      'The file was saved by a newer version of the app. Update the app to open it.',
      {
        version: formatVersion,
      },
    );
  }
  if (schemaVersion > SCHEMA_VERSION) {
    return refuse(
      'newer-version',
      'The board was made by a newer version of the app. Update the app to open it.',
      {
        version: schemaVersion,
      },
    );
  }
  const doc = new Y.Doc();
  const progress: { step: LoadStep } = { step: 'decode' };
  let board: BoardDoc | null = null;
  const discard = (result: BoardLoadResult): BoardLoadResult => {
    board?.destroy();
    doc.destroy();
    return result;
  };
  try {
    const result = loadDocument(doc, envelope.data.ydoc, progress);
    if (!result.ok) return discard(result);
    board = result.board;
    // The promise to the user: a board that opens is sound and can be saved and opened again.
    progress.step = 'read';
    const snapshot = board.snapshot();
    progress.step = 'check';
    const problems = checkInvariants(snapshot);
    if (problems.length > 0) return discard(damaged(`check: ${problems.slice(0, 3).join('; ')}`));
    if (
      bytes.byteLength > SAVE_CHECK_FROM_BYTES &&
      serializeBoardFile(board).byteLength > MAX_BOARD_FILE_BYTES
    ) {
      return discard(
        refuse('too-large', `The board is larger than ${MAX_BOARD_FILE_BYTES / 1024 / 1024} MB.`, {
          limitMb: MAX_BOARD_FILE_BYTES / 1024 / 1024,
        }),
      );
    }
    return result;
  } catch (error) {
    // Content nothing foresaw made a step fail: the caller still gets a refusal, never an
    // exception, and never half a board. `detail` names the step for bug reports.
    return discard(damaged(`${progress.step}: ${describe(error)}`));
  }
}

/** The steps of loading a document, named in `LoadIssue.detail` when one fails unexpectedly. */
type LoadStep = 'decode' | 'migrate' | 'repair' | 'read' | 'check';

function damaged(detail: string): BoardLoadResult {
  return { ok: false, error: { code: 'damaged', message: DAMAGED, detail } };
}

/** Decode → check → migrate → repair, into `doc`. May throw on content nothing foresaw; the caller contains it. */
function loadDocument(doc: Y.Doc, base64: string, progress: { step: LoadStep }): BoardLoadResult {
  try {
    Y.applyUpdate(doc, fromBase64(base64));
  } catch (error) {
    // Expected for damaged bytes: Yjs throws on updates it cannot decode.
    return damaged(`decode: ${describe(error)}`);
  }
  // An update cut short can still apply "successfully" while leaving parts waiting for data
  // that never comes; loading that would silently drop content, so refuse it.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    return refuse('damaged', 'The board data in the file is incomplete (the file may be truncated).');
  }
  if (deepestNesting(doc) > MAX_NESTING_DEPTH) {
    return refuse(
      'damaged',
      `The board data in the file is damaged: it is nested more than ${MAX_NESTING_DEPTH} levels deep.`,
      { limit: MAX_NESTING_DEPTH },
    );
  }
  progress.step = 'migrate';
  const migrated = migrate(doc);
  if (!migrated.ok) {
    return migrated.code === 'newer-version'
      ? refuse(
          'newer-version',
          'The board was made by a newer version of the app. Update the app to open it.',
          {
            version: migrated.version ?? 0,
          },
        )
      : refuse('damaged', 'The board data in the file is damaged: it has no schema version.');
  }
  progress.step = 'repair';
  const report = repairDoc(doc);
  const warnings: LoadIssue[] = [];
  if (report.removed.length > 0) {
    warnings.push({
      code: 'repaired',
      message: `${report.removed.length} damaged item(s) could not be read and were left out.`,
      params: { count: report.removed.length },
    });
  }
  const board = BoardDoc.fromYDoc(doc);
  return { ok: true, board, warnings, migratedFrom: migrated.applied.length > 0 ? migrated.from : null };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
