import { useTranslation } from 'react-i18next';
import { useNotices } from './notices';

/** The live region where notices appear; errors are announced assertively. */
export function Notices() {
  const { t } = useTranslation();
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <div className="cx-notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`cx-notice cx-notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : undefined}
        >
          <span>{notice.message}</span>
          <button type="button" aria-label={t('notice.dismiss')} onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
