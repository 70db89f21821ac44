import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the
 * browser, Escape closes, and the title names the dialog for screen readers.
 */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
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
    <dialog ref={ref} className="cx-desktop-dialog" aria-labelledby={titleId} onClose={onClose}>
      <header className="cx-desktop-dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="cx-desktop-dialog__close"
          onClick={onClose}
          aria-label={t('desktop.close')}
        >
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
