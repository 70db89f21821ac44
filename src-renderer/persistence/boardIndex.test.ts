import { describe, expect, it } from 'vitest';
import { parseBoardIndex, removeBoard, upsertBoard } from './boardIndex';

describe('board index', () => {
  it('reads valid entries, newest first', () => {
    const raw = JSON.stringify([
      { id: 'a', title: 'Old', updatedAt: 1 },
      { id: 'b', title: 'New', updatedAt: 5 },
    ]);
    expect(parseBoardIndex(raw).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('skips malformed and duplicate entries instead of failing', () => {
    const raw = JSON.stringify([
      { id: 'ok', title: 'Fine', updatedAt: 2 },
      { id: '../../etc', title: 'Bad id', updatedAt: 3 },
      { id: 'ok', title: 'Duplicate', updatedAt: 9 },
      null,
      'text',
      { id: 'n', title: 42, updatedAt: 'soon' },
    ]);
    expect(parseBoardIndex(raw)).toEqual([
      { id: 'ok', title: 'Fine', updatedAt: 2 },
      { id: 'n', title: '', updatedAt: 0 },
    ]);
  });

  it('treats unreadable storage as empty', () => {
    expect(parseBoardIndex(null)).toEqual([]);
    expect(parseBoardIndex('{not json')).toEqual([]);
    expect(parseBoardIndex('{"id":"x"}')).toEqual([]);
  });

  it('upserts by id and removes', () => {
    let entries = upsertBoard([], { id: 'a', title: 'A', updatedAt: 1 });
    entries = upsertBoard(entries, { id: 'b', title: 'B', updatedAt: 2 });
    entries = upsertBoard(entries, { id: 'a', title: 'A2', updatedAt: 3 });
    expect(entries).toEqual([
      { id: 'a', title: 'A2', updatedAt: 3 },
      { id: 'b', title: 'B', updatedAt: 2 },
    ]);
    expect(removeBoard(entries, 'a')).toEqual([{ id: 'b', title: 'B', updatedAt: 2 }]);
  });
});
