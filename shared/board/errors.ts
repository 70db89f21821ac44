/** Why a command was refused. The board is unchanged when this is thrown. */
export class BoardCommandError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid-argument' | 'limit' | 'read-only',
    message: string,
  ) {
    super(message);
    this.name = 'BoardCommandError';
  }
}

/** Throws the `invalid-argument` refusal. */
export function fail(message: string): never {
  throw new BoardCommandError('invalid-argument', message);
}
