import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Error boundaries of the board. A record that cannot be drawn (hostile or damaged content
 * from a peer or a file, or a bug) must never blank the page: each node has a boundary that
 * shows a small "cannot display" placeholder with the record's id, and the board has one
 * that keeps the app (top bar, going home) usable if the canvas itself fails.
 */

interface BoundaryProps {
  /** Drawn instead of the children after they threw; `retry` draws them again. */
  fallback(retry: () => void): ReactNode;
  /** When this changes (e.g. the record was edited by a peer), the children are tried again. */
  resetKey: unknown;
  children?: ReactNode;
}

interface BoundaryState {
  failed: boolean;
  resetKey: unknown;
}

/** Catches render errors below it and draws `fallback` instead. */
export class CannotDisplayBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever debugs the record; the user sees the placeholder.
    console.warn('cannot display', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ failed: false });

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}

/** The placeholder of one board item that cannot be drawn: what happened and its id. */
export function CannotDisplayItem({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    // A status (live region): a screen reader announces it when an item turns into it.
    <output className="cx-cannot-display" aria-label={t('canvas.cannotDisplay.itemLabel', { id })}>
      <span className="cx-cannot-display__icon" aria-hidden="true">
        ⚠
      </span>
      <span className="cx-cannot-display__text">{t('canvas.cannotDisplay.item')}</span>
      <code className="cx-cannot-display__id">{t('canvas.cannotDisplay.id', { id })}</code>
    </output>
  );
}

/** What the board area shows when the canvas itself cannot be drawn. */
export function CannotDisplayBoard({ retry, children }: { retry(): void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="cx-cannot-display-board" role="alert">
      <p className="cx-cannot-display-board__title">{t('canvas.cannotDisplay.board')}</p>
      <p>{t('canvas.cannotDisplay.boardHint')}</p>
      <div className="cx-cannot-display-board__actions">
        <button type="button" onClick={retry}>
          {t('canvas.cannotDisplay.retry')}
        </button>
        {children}
      </div>
    </div>
  );
}
