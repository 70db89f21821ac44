import { type ExternalLink, externalLinkTarget } from './security';

/** What became of a request to open a link outside the app. */
export type ExternalLinkOutcome = 'opened' | 'declined' | 'refused';

export interface ExternalLinksOptions {
  /** Hands the URL to the OS (Electron's `shell.openExternal`). */
  openExternal(url: string): Promise<void>;
  /** Asks the person whether to open a link to a place not approved yet; true to open. */
  confirm(link: ExternalLink): Promise<boolean>;
}

/**
 * Opens links the page asks to open in a new window (target=_blank) in the system browser
 * or mail app, only after two checks: the URL must be a plain web or mail link
 * (`externalLinkTarget`), and the person must have approved its host (or mail address) in
 * this run of the app. A page showing shared board content cannot send anyone to a site
 * without them seeing where it goes. Approvals are kept in memory only: the next start
 * asks again.
 */
export class ExternalLinks {
  private readonly approved = new Set<string>();

  constructor(private readonly options: ExternalLinksOptions) {}

  async open(url: string): Promise<ExternalLinkOutcome> {
    const link = externalLinkTarget(url);
    if (!link) return 'refused';
    if (!this.approved.has(link.target)) {
      if (!(await this.options.confirm(link))) return 'declined';
      this.approved.add(link.target);
    }
    await this.options.openExternal(link.url);
    return 'opened';
  }
}
