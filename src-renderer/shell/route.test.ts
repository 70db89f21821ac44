import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route';

describe('routes', () => {
  it('reads a board route and writes it back', () => {
    expect(parseRoute('#/board/abc_DEF-1')).toEqual({ kind: 'board', id: 'abc_DEF-1' });
    expect(routeHash({ kind: 'board', id: 'abc' })).toBe('#/board/abc');
  });

  it('falls back to the start screen for anything else', () => {
    for (const hash of ['', '#', '#/', '#/board/', '#/board/../x', '#/board/a b', '#/nope']) {
      expect(parseRoute(hash)).toEqual({ kind: 'start' });
    }
  });

  it('knows the document route', () => {
    expect(parseRoute('#/document')).toEqual({ kind: 'document' });
    expect(routeHash({ kind: 'document' })).toBe('#/document');
  });
});
