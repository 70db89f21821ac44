import type { TFunction } from 'i18next';
import type { BoardDoc } from '../../shared/board';
import {
  type LoadIssue,
  MAX_BOARD_FILE_BYTES,
  parseBoardFile,
  serializeBoardFile,
} from '../../shared/board/file';

/** A file name for a board title: no path separators or characters file systems refuse. */
export function boardFileName(title: string, fallback: string): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${cleaned || fallback}.cxboard`;
}

/** Downloads the board as a `.cxboard` file (web mode export). */
export function downloadBoardFile(board: BoardDoc, fallbackTitle: string): void {
  const bytes = serializeBoardFile(board);
  const blob = new Blob([bytes as BlobPart], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = boardFileName(board.snapshot().meta.title, fallbackTitle);
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ImportResult = { ok: true; board: BoardDoc; repaired: boolean } | { ok: false; message: string };

/** The user-facing message for a refused board file, in the current language. */
export function loadIssueMessage(issue: LoadIssue, t: TFunction): string {
  return t(`file.error.${issue.code}`, { ...issue.params, defaultValue: issue.message });
}

/** Reads a user-chosen file as a board. Refusals come back as a message; nothing throws. */
export async function readBoardFile(file: File, t: TFunction): Promise<ImportResult> {
  if (file.size > MAX_BOARD_FILE_BYTES) {
    return { ok: false, message: t('file.error.too-large', { limitMb: MAX_BOARD_FILE_BYTES / 1024 / 1024 }) };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, message: t('file.error.unreadable') };
  }
  const result = parseBoardFile(bytes);
  if (!result.ok) return { ok: false, message: loadIssueMessage(result.error, t) };
  return { ok: true, board: result.board, repaired: result.warnings.length > 0 };
}
