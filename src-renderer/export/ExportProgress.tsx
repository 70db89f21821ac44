import { useTranslation } from 'react-i18next';
import { Dialog } from '../shell/Dialog';
import { useExportTask } from './exportTask';
import './export.css';

/** The progress of a long export, with Cancel; mounted once by the shell. */
export function ExportProgress() {
  const { t } = useTranslation();
  const running = useExportTask((s) => s.running);
  const cancel = useExportTask((s) => s.cancel);
  if (!running?.visible) return null;
  const percent = Math.round(running.fraction * 100);
  return (
    <Dialog title={running.label} onClose={cancel} closeButton={false}>
      <div className="cx-export-progress">
        <progress max={100} value={percent} aria-label={t('export.progress', { percent })} />
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div className="cx-dialog__buttons">
        <button type="button" onClick={cancel}>
          {t('export.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
