import {
  type IpcResult,
  isRequestChannel,
  type RequestArgs,
  type RequestChannel,
  type RequestResults,
  requestSchemas,
} from '../../shared/ipc/contract';

/** The parts of Electron's `IpcMainInvokeEvent` the router looks at. */
export interface InvokeEventLike {
  sender: { id: number };
  /** The frame that sent the message; null once it navigated away or was destroyed. */
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's `ipcMain` the router registers with. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

export type RequestHandler<C extends RequestChannel, E> = (
  event: E,
  ...args: RequestArgs<C>
) => Promise<RequestResults[C]> | RequestResults[C];

export interface IpcRouterOptions<E> {
  /** True when the event comes from the app's own page (checked before anything else). */
  isTrustedSender(event: E): boolean;
  /** Told about every refused or failed call, for the log. */
  onRefused?(channel: string, code: string, detail: string): void;
}

/**
 * The one place IPC requests enter the main process. Each request is checked in order:
 * known channel → trusted sender → arguments valid against the contract's zod schema →
 * handler. Every outcome is an `IpcResult`; handlers' exceptions become typed errors, so a
 * renderer can never crash the main process or learn more than a message.
 */
export class IpcRouter<E extends InvokeEventLike> {
  private readonly handlers = new Map<RequestChannel, (event: E, args: unknown[]) => unknown>();

  constructor(private readonly options: IpcRouterOptions<E>) {}

  /** Registers the handler of a contract channel; unknown or repeated channels are a programming error. */
  handle<C extends RequestChannel>(channel: C, handler: RequestHandler<C, E>): void {
    if (!isRequestChannel(channel)) throw new Error(`"${channel}" is not a channel of the IPC contract.`);
    if (this.handlers.has(channel)) throw new Error(`A handler for "${channel}" is already registered.`);
    this.handlers.set(channel, (event, args) => handler(event, ...(args as RequestArgs<C>)));
  }

  /** Runs one request through the checks and its handler. */
  async dispatch(channel: string, event: E, args: unknown[]): Promise<IpcResult<unknown>> {
    if (!isRequestChannel(channel)) return this.refuse(channel, 'unknown-channel', 'Unknown request.');
    const handler = this.handlers.get(channel);
    if (!handler) return this.refuse(channel, 'unknown-channel', 'This request is not available.');
    if (!this.options.isTrustedSender(event)) {
      return this.refuse(channel, 'untrusted-sender', 'The request did not come from the app window.');
    }
    const parsed = requestSchemas[channel].safeParse(args);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => issue.message).join('; ');
      return this.refuse(channel, 'invalid-arguments', `Invalid request: ${detail}`);
    }
    try {
      return { ok: true, value: await handler(event, parsed.data as unknown[]) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.onRefused?.(channel, 'internal-error', message);
      return { ok: false, error: { code: 'internal-error', message } };
    }
  }

  /**
   * Registers every contract channel with Electron's `ipcMain`, each going through
   * `dispatch`. Fails when a contract channel has no handler, so a forgotten handler
   * shows up at start, not when a user clicks.
   */
  attach(ipcMain: IpcMainLike<E>): void {
    const missing = (Object.keys(requestSchemas) as RequestChannel[]).filter((c) => !this.handlers.has(c));
    if (missing.length > 0) throw new Error(`IPC channels without a handler: ${missing.join(', ')}`);
    for (const channel of this.handlers.keys()) {
      ipcMain.handle(channel, (event, ...args) => this.dispatch(channel, event, args));
    }
  }

  private refuse(channel: string, code: string, message: string): IpcResult<never> {
    this.options.onRefused?.(channel, code, message);
    return { ok: false, error: { code, message } };
  }
}

/**
 * Sender check for windows that load the app from `appOrigin` (`app://bundle` in
 * production, the dev server's origin in development): the sending frame must be a
 * top-level frame showing a page of that origin.
 */
export function isAppFrame(event: InvokeEventLike, appOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return appOrigins.includes(originOf(frame.url) ?? '');
}

/**
 * `scheme://host[:port]` of a URL. Spelled out because Node's `URL#origin` is "null" for
 * custom schemes such as `app:`.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}
