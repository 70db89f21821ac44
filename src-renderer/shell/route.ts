/**
 * The URL names what is open, so a reload reopens it: `#/` the start screen,
 * `#/board/<id>` a board stored on this device, `#/document` a board opened from elsewhere
 * (a desktop file, a workshop), which a reload cannot restore by itself.
 */
export type Route = { kind: 'start' } | { kind: 'board'; id: string } | { kind: 'document' };

const BOARD = /^#\/board\/([0-9A-Za-z_-]{1,64})\/?$/;

export function parseRoute(hash: string): Route {
  const board = BOARD.exec(hash);
  if (board) return { kind: 'board', id: board[1]! };
  if (hash === '#/document') return { kind: 'document' };
  return { kind: 'start' };
}

export function routeHash(route: Route): string {
  switch (route.kind) {
    case 'board':
      return `#/board/${route.id}`;
    case 'document':
      return '#/document';
    default:
      return '#/';
  }
}
