import { extname, isAbsolute, resolve } from 'node:path';
import { BOARD_EXTENSION } from './board-session';

/**
 * The board file named on a command line (a double click, "Open with", or a second launch
 * forwarding its arguments), resolved against the launching process's folder; null if none.
 * Flags (`--foo`) and Chromium switches are skipped; the last board argument wins.
 */
export function boardPathFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  let found: string | null = null;
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (extname(arg).toLowerCase() !== BOARD_EXTENSION) continue;
    found = isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
  }
  return found;
}
