import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The app's one modal dialog (desktop host/join, live-board and connect dialogs, confirmations),
 * on the native `<dialog>` element: focus is trapped and restored by the browser, the page
 * behind is inert, Escape closes it, and its heading names it for screen readers.
 *
 * Keys typed in it never reach the canvas: the canvas key guard (canvas/shortcuts.ts,
 * `canvasOwnsKeysFrom`) takes no key from inside a `<dialog>` and none at all while a modal
 * dialog is open, whatever has focus.
 */
export function Dialog({
  title,
  onClose,
  children,
  closeButton = true,
  describedBy,
  className,
}: {
  title: string;
  /** Escape, the × button or the dialog's own buttons: the owner unmounts the dialog. */
  onClose: () => void;
  children: ReactNode;
  /** A × button in the header; off for dialogs whose own buttons close them (Cancel, Close). */
  closeButton?: boolean;
  /** Id of the text that says what the dialog is about (a confirmation's question). */
  describedBy?: string;
  /** Extra class of the dialog element (e.g. `cx-dialog--wide` for tables). */
  className?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `cx-dialog ${className}` : 'cx-dialog'}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // Escape: the owner closes it (unmounts), so React and the element agree.
        event.preventDefault();
        onClose();
      }}
    >
      <header className="cx-dialog__header">
        <h2 id={titleId} className="cx-dialog__title">
          {title}
        </h2>
        {closeButton && (
          <button type="button" className="cx-dialog__close" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        )}
      </header>
      {children}
    </dialog>
  );
}

/** A question with a confirm and a cancel button; Cancel has focus, Escape cancels. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const messageId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Runs after the dialog opened (a child's effect runs first), so the safe answer has focus.
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <Dialog title={title} onClose={onCancel} closeButton={false} describedBy={messageId}>
      <p id={messageId}>{message}</p>
      <div className="cx-dialog__buttons">
        <button ref={cancelRef} type="button" className="cx-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="cx-button cx-button--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
