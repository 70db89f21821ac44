/**
 * The one host global shared/ relies on: `console` exists in every runtime the code runs in
 * (browser, Electron, Node), but the ES library typings leave it out on purpose.
 */
declare const console: {
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
};

/** Timers exist in every runtime shared/ runs in; the export runner yields with one. */
declare function setTimeout(callback: () => void, ms?: number): unknown;

/** Cancelling an export (the browser's and Node's `AbortController`, the part shared/ uses). */
interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare const AbortController: { new (): AbortController };

/** UTF-8 encoding/decoding (every runtime has them): text exports become bytes, imports text. */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
