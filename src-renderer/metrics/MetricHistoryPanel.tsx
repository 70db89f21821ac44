import { type ChangeEvent, type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricReading, MetricSnapshot } from '../../shared/board';
import {
  type ReadingProblem,
  type ReadingsTable,
  readDate,
  readingsFromCsv,
  readingsFromPaste,
  readingsFromXlsx,
  readValue,
} from '../../shared/metrics';
import { useBoard } from '../board/BoardContext';
import { formatNumber } from './format';
import { HistoryChart } from './HistoryChart';
import './metrics.css';

/**
 * A metric's dated readings: the chart with the target line, the list (edit, delete), a
 * reading added by hand, and readings pasted from a spreadsheet or imported from a CSV/XLSX
 * file through a preview. A preview with a bad row names the row and imports nothing; the
 * import is one all-or-nothing command (one undo step). Viewers see the chart and the list.
 */
export function MetricHistoryPanel({ metric, readOnly }: { metric: MetricSnapshot; readOnly: boolean }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<{ kind: 'paste' | 'file'; name: string; table: ReadingsTable } | null>(
    null,
  );
  return (
    <section className="md-history" aria-label={t('metrics.history.title')}>
      <HistoryChart history={metric.history} target={metric.target} unit={metric.unit} />
      <ReadingList metric={metric} readOnly={readOnly} />
      {!readOnly && (
        <>
          <AddReading metricId={metric.id} />
          {source ? (
            <ImportPreview
              metric={metric}
              source={source}
              onChange={setSource}
              onDone={() => setSource(null)}
            />
          ) : (
            <ImportButtons onRead={setSource} />
          )}
        </>
      )}
    </section>
  );
}

function ReadingList({ metric, readOnly }: { metric: MetricSnapshot; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  if (metric.history.length === 0) return <p className="md-muted">{t('metrics.history.none')}</p>;
  return (
    <div className="md-scroll">
      <table className="md-table">
        <caption className="md-sr-only">{t('metrics.history.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metrics.history.date')}</th>
            <th scope="col">{t('metrics.history.value')}</th>
            {!readOnly && <th scope="col">{t('metrics.history.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {readingKeys(metric.history).map(({ reading, key }) =>
            editing === key ? (
              <EditReadingRow
                key={key}
                metricId={metric.id}
                reading={reading}
                onDone={() => setEditing(null)}
              />
            ) : (
              <ReadingRow
                key={key}
                metricId={metric.id}
                reading={reading}
                readOnly={readOnly}
                onEdit={() => setEditing(key)}
                language={i18n.language}
              />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Stable keys for readings: date, value and which of several equal readings it is. */
function readingKeys(history: readonly MetricReading[]): { reading: MetricReading; key: string }[] {
  const seen = new Map<string, number>();
  return history.map((reading) => {
    const base = `${reading.date}|${reading.value}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { reading, key: `${base}|${n}` };
  });
}

function ReadingRow({
  metricId,
  reading,
  readOnly,
  onEdit,
  language,
}: {
  metricId: string;
  reading: MetricReading;
  readOnly: boolean;
  onEdit(): void;
  language: string;
}) {
  const { t } = useTranslation();
  const board = useBoard();
  const name = { date: reading.date };
  return (
    <tr>
      <td>{reading.date}</td>
      <td className="md-num">{formatNumber(reading.value, language)}</td>
      {!readOnly && (
        <td className="md-row-actions">
          <button type="button" onClick={onEdit} aria-label={t('metrics.history.editReading', name)}>
            {t('metrics.history.edit')}
          </button>
          <button
            type="button"
            onClick={() => board.deleteMetricReading(metricId, reading)}
            aria-label={t('metrics.history.deleteReading', name)}
          >
            {t('metrics.history.delete')}
          </button>
        </td>
      )}
    </tr>
  );
}

/** Reads the date and value typed in a form; an error key when one is not usable. */
function readTyped(date: string, value: string): MetricReading | { error: string } {
  const iso = readDate(date);
  if (!iso) return { error: 'metrics.history.badDate' };
  const number = readValue(value);
  if (number === null) return { error: 'metrics.history.badValue' };
  return { date: iso, value: number };
}

function EditReadingRow({
  metricId,
  reading,
  onDone,
}: {
  metricId: string;
  reading: MetricReading;
  onDone(): void;
}) {
  const { t, i18n } = useTranslation();
  const board = useBoard();
  const [date, setDate] = useState(reading.date);
  const [value, setValue] = useState(formatNumber(reading.value, i18n.language).replace(/\s/g, ''));
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const save = () => {
    const next = readTyped(date, value);
    if ('error' in next) return setError(next.error);
    try {
      board.updateMetricReading(metricId, reading, next);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <tr>
      <td>
        <input
          type="date"
          value={date}
          required
          aria-label={t('metrics.history.date')}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setDate(e.target.value)}
        />
      </td>
      <td>
        <input
          inputMode="decimal"
          value={value}
          aria-label={t('metrics.history.value')}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
        />
        {error && (
          <span id={errorId} role="alert" className="md-error">
            {t(error)}
          </span>
        )}
      </td>
      <td className="md-row-actions">
        <button type="button" onClick={save}>
          {t('metrics.history.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </td>
    </tr>
  );
}

function AddReading({ metricId }: { metricId: string }) {
  const { t } = useTranslation();
  const board = useBoard();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reading = readTyped(date, value);
    if ('error' in reading) return setError(reading.error);
    board.addMetricReading(metricId, reading);
    setValue('');
    setError(null);
  };
  return (
    <form className="md-add" onSubmit={submit} aria-label={t('metrics.history.addTitle')}>
      <label>
        <span>{t('metrics.history.date')}</span>
        <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        <span>{t('metrics.history.value')}</span>
        <input
          inputMode="decimal"
          value={value}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit">{t('metrics.history.add')}</button>
      {error && (
        <p id={errorId} role="alert" className="md-error">
          {t(error)}
        </p>
      )}
    </form>
  );
}

type Source = { kind: 'paste' | 'file'; name: string; table: ReadingsTable };

function ImportButtons({ onRead }: { onRead(source: Source): void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [reading, setReading] = useState(false);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setReading(true);
    try {
      onRead({ kind: 'file', name: file.name, table: await readFile(file) });
    } finally {
      setReading(false);
    }
  };
  return (
    <div className="md-import">
      <button type="button" onClick={() => onRead({ kind: 'paste', name: '', table: readingsFromPaste('') })}>
        {t('metrics.history.paste')}
      </button>
      <label htmlFor={inputId} className="md-file-label">
        {t('metrics.history.importFile')}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={onFile}
        disabled={reading}
      />
      {reading && <span role="status">{t('metrics.history.reading')}</span>}
    </div>
  );
}

/** Reads a chosen file: XLSX by its signature (a zip), anything else as CSV text. */
async function readFile(file: File): Promise<ReadingsTable> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip || /\.xlsx$/i.test(file.name)) return readingsFromXlsx(bytes);
  return readingsFromCsv(new TextDecoder('utf-8').decode(bytes));
}

/** The translated sentence of one problem, naming its row. */
export function problemText(
  t: (key: string, options?: Record<string, unknown>) => string,
  problem: ReadingProblem,
) {
  return t(`metrics.readings.problem.${problem.code}`, {
    row: problem.row,
    text: problem.text ?? '',
    otherRow: problem.otherRow ?? 0,
  });
}

function ImportPreview({
  metric,
  source,
  onChange,
  onDone,
}: {
  metric: MetricSnapshot;
  source: Source;
  onChange(source: Source): void;
  onDone(): void;
}) {
  const { t, i18n } = useTranslation();
  const board = useBoard();
  const [pasted, setPasted] = useState('');
  const problemsId = useId();
  const { readings, problems } = source.table;
  const existing = useMemo(() => new Set(metric.history.map((r) => r.date)), [metric.history]);
  const replacing = readings.filter((r) => existing.has(r.date)).length;
  const canImport = problems.length === 0 && readings.length > 0;
  const confirm = () => {
    board.importMetricReadings(
      metric.id,
      readings.map(({ date, value }) => ({ date, value })),
    );
    onDone();
  };
  return (
    <section className="md-preview" aria-label={t('metrics.history.previewTitle')}>
      {source.kind === 'paste' ? (
        <label className="md-paste">
          <span>{t('metrics.history.pasteLabel')}</span>
          <textarea
            value={pasted}
            rows={5}
            placeholder={t('metrics.history.pastePlaceholder')}
            aria-describedby={problems.length ? problemsId : undefined}
            onChange={(e) => {
              setPasted(e.target.value);
              onChange({ ...source, table: readingsFromPaste(e.target.value) });
            }}
          />
        </label>
      ) : (
        <p>{t('metrics.history.fromFile', { name: source.name })}</p>
      )}
      {(source.kind === 'file' || pasted.trim() !== '') && problems.length > 0 && (
        <div id={problemsId} role="alert" className="md-problems">
          <p>{t('metrics.history.problemsIntro', { count: problems.length })}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.row}:${p.code}`}>{problemText(t, p)}</li>
            ))}
          </ul>
        </div>
      )}
      {readings.length > 0 && (
        <>
          <p role="status">
            {t('metrics.history.ready', { count: readings.length })}
            {replacing > 0 && ` ${t('metrics.history.replacing', { count: replacing })}`}
          </p>
          <div className="md-scroll md-scroll--short">
            <table className="md-table">
              <caption className="md-sr-only">{t('metrics.history.previewTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('metrics.history.row')}</th>
                  <th scope="col">{t('metrics.history.date')}</th>
                  <th scope="col">{t('metrics.history.value')}</th>
                </tr>
              </thead>
              <tbody>
                {readings.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.date}</td>
                    <td className="md-num">{formatNumber(r.value, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="md-buttons">
        {source.kind === 'file' && <ImportButtons onRead={onChange} />}
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="button" className="md-primary" disabled={!canImport} onClick={confirm}>
          {t('metrics.history.importConfirm', { count: readings.length })}
        </button>
      </div>
    </section>
  );
}
