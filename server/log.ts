/** Severity of a server log line. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Where the server writes what it does: connections refused or closed, recovered damage, errors. */
export type Logger = (level: LogLevel, message: string) => void;

/** Writes `2026-01-01T00:00:00.000Z warn message` lines to stderr. */
export const stderrLogger: Logger = (level, message) => {
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}\n`);
};

/** A short description of anything thrown, for a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
