import { describe, expect, it } from 'vitest';
import { navMove, navTarget } from './gridNav';

describe('spreadsheet keys in the matrix table', () => {
  it('move from a text only at its edges; Shift+Enter stays a new line', () => {
    const text = { kind: 'multiline' as const, caretStart: 3, caretEnd: 3, length: 10 };
    expect(navMove('ArrowLeft', false, text)).toBeNull();
    expect(navMove('ArrowRight', false, text)).toBeNull();
    expect(navMove('ArrowUp', false, text)).toBeNull();
    expect(navMove('ArrowLeft', false, { ...text, caretStart: 0, caretEnd: 0 })).toBe('left');
    expect(navMove('ArrowUp', false, { ...text, caretStart: 0, caretEnd: 0 })).toBe('up');
    expect(navMove('ArrowRight', false, { ...text, caretStart: 10, caretEnd: 10 })).toBe('right');
    expect(navMove('ArrowDown', false, { ...text, caretStart: 10, caretEnd: 10 })).toBe('down');
    // A selection reaching the edge is not a caret at the edge.
    expect(navMove('ArrowRight', false, { ...text, caretStart: 0, caretEnd: 10 })).toBeNull();
    expect(navMove('Enter', false, text)).toBe('down');
    expect(navMove('Enter', true, text)).toBeNull();
    // A single-line field moves up and down at once.
    expect(navMove('ArrowUp', false, { kind: 'text', caretStart: 2, caretEnd: 2, length: 4 })).toBe('up');
  });

  it('take arrows from selects and check boxes, Enter from buttons never', () => {
    expect(navMove('ArrowDown', false, { kind: 'select' })).toBe('down');
    expect(navMove('ArrowLeft', false, { kind: 'check' })).toBe('left');
    expect(navMove('Enter', false, { kind: 'button' })).toBeNull();
    expect(navMove('a', false, { kind: 'select' })).toBeNull();
  });

  it('land on the neighbour in the row, or the same column a row away', () => {
    const places = [
      { row: 0, column: 0 },
      { row: 0, column: 1 },
      { row: 0, column: 4 },
      { row: 1, column: 0 },
      { row: 1, column: 2 },
    ];
    expect(navTarget(places, { row: 0, column: 1 }, 'right')).toEqual({ row: 0, column: 4 });
    expect(navTarget(places, { row: 0, column: 4 }, 'right')).toBeNull();
    expect(navTarget(places, { row: 0, column: 0 }, 'left')).toBeNull();
    expect(navTarget(places, { row: 0, column: 0 }, 'down')).toEqual({ row: 1, column: 0 });
    // Row 1 has no column 4: the nearest column to its left.
    expect(navTarget(places, { row: 0, column: 4 }, 'down')).toEqual({ row: 1, column: 2 });
    expect(navTarget(places, { row: 1, column: 2 }, 'down')).toBeNull();
    expect(navTarget(places, { row: 0, column: 0 }, 'up')).toBeNull();
  });
});
