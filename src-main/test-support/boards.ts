import type { BoardValidator } from '../files/board-files';

/**
 * Board bytes for tests of the file plumbing. Until the board codec
 * (shared/board/file.ts) is wired in, a minimal stand-in format with the same failure
 * modes: JSON with a format tag and a schema version; damaged or newer files are refused.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export const CURRENT_VERSION = 1;

export function validBoard(title: string): Uint8Array {
  return encoder.encode(JSON.stringify({ format: 'cxboard', version: CURRENT_VERSION, title }));
}

export function newerVersionBoard(): Uint8Array {
  return encoder.encode(JSON.stringify({ format: 'cxboard', version: CURRENT_VERSION + 1, title: 'future' }));
}

export function corruptBoard(): Uint8Array {
  const good = validBoard('will be truncated');
  return good.slice(0, good.byteLength - 7);
}

export const validateTestBoard: BoardValidator = (bytes) => {
  let parsed: { format?: unknown; version?: unknown };
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch {
    return { ok: false, error: { code: 'corrupt', message: 'The file is damaged.' } };
  }
  if (parsed.format !== 'cxboard' || typeof parsed.version !== 'number') {
    return { ok: false, error: { code: 'wrong-type', message: 'Not a board file.' } };
  }
  if (parsed.version > CURRENT_VERSION) {
    return { ok: false, error: { code: 'newer-version', message: 'Made by a newer version.' } };
  }
  return { ok: true, warnings: [] };
};

export function titleOf(bytes: Uint8Array): string {
  return (JSON.parse(decoder.decode(bytes)) as { title: string }).title;
}
