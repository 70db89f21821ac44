/**
 * The one host global shared/ relies on: `console` exists in every runtime the code runs in
 * (browser, Electron, Node), but the ES library typings leave it out on purpose.
 */
declare const console: {
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
};
