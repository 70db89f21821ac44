import { useTranslation } from 'react-i18next';
import type { MetricSnapshot } from '../../shared/board';
import { formatValue } from './format';

/**
 * The "History" section of a metric's details. metrics-data's `MetricHistoryPanel`
 * (src-renderer/metrics; readings, paste, CSV/XLSX import, chart) takes this place when it
 * lands; until then the readings are listed for reading.
 */
export function HistorySlot({ metric }: { metric: MetricSnapshot; readOnly: boolean }) {
  const { i18n } = useTranslation();
  return (
    <ul className="sm-history">
      {metric.history.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: readings may share a date
        <li key={i}>
          {r.date}: {formatValue(r.value, i18n.language)}
        </li>
      ))}
    </ul>
  );
}
