import { fromBase64, toBase64 } from 'lib0/buffer';
import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import * as Y from 'yjs';
import { z } from 'zod';
import { BoardDoc } from './BoardDoc';
import { migrate } from './migrations';
import { repairDoc } from './repair';
import { SCHEMA_VERSION } from './schema';

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
/** Files above this size are refused before parsing. */
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
}

export type BoardLoadResult =
  | { ok: true; board: BoardDoc; warnings: LoadIssue[]; migratedFrom: number | null }
  | { ok: false; error: LoadIssue };

const envelopeSchema = z.object({
  format: z.literal(BOARD_FILE_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  savedAt: z.string().max(64).optional(),
  title: z.string().max(10_000).optional(),
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

/**
 * Loads an untrusted `.cxboard` file: guard (size, JSON, envelope) → decode → migrate →
 * repair. Never throws; a refused file comes back as `{ ok: false, error }` with a message
 * a person understands, and nothing is partially loaded.
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
  try {
    Y.applyUpdate(doc, fromBase64(envelope.data.ydoc));
  } catch {
    doc.destroy();
    return refuse('damaged', 'The board data in the file is damaged and cannot be read.');
  }
  // An update cut short can still apply "successfully" while leaving parts waiting for data
  // that never comes; loading that would silently drop content, so refuse it.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    return refuse('damaged', 'The board data in the file is incomplete (the file may be truncated).');
  }
  const migrated = migrate(doc);
  if (!migrated.ok) {
    doc.destroy();
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
