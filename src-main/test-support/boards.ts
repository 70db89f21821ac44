import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BoardDoc, parseBoardFile, serializeBoardFile } from '../../shared/board';

export { validateBoardFile } from '../files/board-validator';

/** Real `.cxboard` bytes of a board with the given title. */
export function validBoard(title: string): Uint8Array {
  const board = BoardDoc.create({ title });
  try {
    return serializeBoardFile(board, new Date('2026-11-20T10:00:00Z'));
  } finally {
    board.destroy();
  }
}

/** The damaged and foreign files of test/fixtures/boards. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join('test', 'fixtures', 'boards', name)));
}

export const newerVersionBoard = () => fixture('newer-version.cxboard');
export const corruptBoard = () => fixture('truncated.cxboard');

/** The title of a board file, read through the codec. */
export function titleOf(bytes: Uint8Array): string {
  const loaded = parseBoardFile(bytes);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const title = loaded.board.snapshot().meta.title;
  loaded.board.destroy();
  return title;
}
