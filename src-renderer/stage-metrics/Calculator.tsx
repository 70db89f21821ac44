import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricSnapshot } from '../../shared/board';
import {
  computeFromInputs,
  type InputCalculator,
  INPUT_LIMITS,
  inputCalculatorsFor,
  type LtvDetails,
  ltv,
  type MetricInputs,
} from '../../shared/metrics';
import { useBoard } from '../board/BoardContext';
import {
  describeError,
  type FactorDraft,
  FORM_FIELDS,
  fieldLabel,
  draftOf,
  inputsFromDraft,
  type LtvDraft,
  withinStoredBounds,
} from './calculatorForms';
import { formatValue } from './format';

/**
 * Computes a metric's value from raw data with the calculators its kind offers: the formula,
 * the raw-data form, the result (or a message naming the bad field), and "use as the current
 * value", which stores the raw data with the value (one undo step). Viewers see the stored data.
 */
export function Calculator({ metric, readOnly }: { metric: MetricSnapshot; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const board = useBoard();
  const calculators = inputCalculatorsFor(metric.kind);
  const [calculator, setCalculator] = useState<InputCalculator | undefined>(
    metric.inputs?.calculator ?? calculators[0],
  );
  const [draft, setDraft] = useState(() => draftOf(metric.inputs));
  const [saveError, setSaveError] = useState<string | null>(null);
  const selectId = useId();
  const built = useMemo(
    () => (calculator ? inputsFromDraft(calculator, draft, t) : null),
    [calculator, draft, t],
  );
  const result = built?.ok ? computeFromInputs(built.inputs) : null;
  if (!calculator) return null;
  const message =
    built && !built.ok
      ? built.message
      : result && !result.ok
        ? describeError(result.error, t)
        : built?.ok && !withinStoredBounds(built.inputs)
          ? t('metrics.error.tooLarge', { max: INPUT_LIMITS.answers })
          : null;
  const setField = (name: string, value: string) =>
    setDraft((d) => ({ ...d, fields: { ...d.fields, [name]: value } }));
  const use = (inputs: MetricInputs) => {
    try {
      board.setMetricInputs(metric.id, inputs);
      setSaveError(null);
    } catch (e) {
      setSaveError(t('metrics.error.saveFailed', { message: (e as Error).message }));
    }
  };
  const value = result?.ok ? formatValue(result.value, i18n.language) : null;
  return (
    <section className="sm-calculator" aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`}>{t('metrics.details.calculatorTitle')}</h3>
      {calculators.length > 1 && (
        <div className="sm-field">
          <label htmlFor={selectId}>{t('metrics.details.calculator')}</label>
          <select
            id={selectId}
            value={calculator}
            disabled={readOnly}
            onChange={(e) => setCalculator(e.target.value as InputCalculator)}
          >
            {calculators.map((c) => (
              <option key={c} value={c}>
                {t(`metrics.calc.${c}.label`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {calculators.length === 1 && <p className="sm-calc-name">{t(`metrics.calc.${calculator}.label`)}</p>}
      <p className="sm-formula">{t(`metrics.calc.${calculator}.formula`)}</p>
      <fieldset className="sm-calc-fields" disabled={readOnly}>
        {FORM_FIELDS[calculator].map((field) => (
          <CalcField
            key={field.name}
            name={field.name}
            kind={field.kind}
            value={draft.fields[field.name] ?? ''}
            onChange={(v) => setField(field.name, v)}
            hint={calculator === 'cli' ? t('metrics.calc.cliHint') : t('metrics.calc.pasteHint')}
            t={t}
          />
        ))}
        {calculator === 'csi' && (
          <FactorTable
            factors={draft.factors}
            onChange={(factors) => setDraft((d) => ({ ...d, factors }))}
            t={t}
          />
        )}
        {calculator === 'ltv' && (
          <LtvForm draft={draft.ltv} onChange={(l) => setDraft((d) => ({ ...d, ltv: l }))} t={t} />
        )}
      </fieldset>
      <output className="sm-result" aria-live="polite">
        {message ? (
          <span className="sm-error">{message}</span>
        ) : (
          value !== null && t('metrics.calc.result', { value })
        )}
      </output>
      {calculator === 'ltv' && result?.ok && built?.ok && built.inputs.calculator === 'ltv' && (
        <LtvWorking
          inputs={built.inputs}
          details={result.details as LtvDetails}
          language={i18n.language}
          t={t}
        />
      )}
      {!readOnly && built?.ok && result?.ok && !message && (
        <button type="button" className="cx-button" onClick={() => use(built.inputs)}>
          {t('metrics.calc.use', { value })}
        </button>
      )}
      {saveError && (
        <p role="alert" className="sm-error">
          {saveError}
        </p>
      )}
    </section>
  );
}

function CalcField({
  name,
  kind,
  value,
  onChange,
  hint,
  t,
}: {
  name: string;
  kind: 'number' | 'list';
  value: string;
  onChange(value: string): void;
  hint: string;
  t: TFunction;
}) {
  const id = useId();
  return (
    <div className={`sm-field${kind === 'list' ? ' is-list' : ' is-number'}`}>
      <label htmlFor={id}>{fieldLabel(name, t)}</label>
      {kind === 'list' ? (
        <>
          <textarea
            id={id}
            value={value}
            rows={3}
            aria-describedby={`${id}-hint`}
            onChange={(e) => onChange(e.target.value)}
          />
          <small id={`${id}-hint`}>{hint}</small>
        </>
      ) : (
        <input id={id} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

function FactorTable({
  factors,
  onChange,
  t,
}: {
  factors: readonly FactorDraft[];
  onChange(factors: FactorDraft[]): void;
  t: TFunction;
}) {
  const set = (i: number, patch: Partial<FactorDraft>) =>
    onChange(factors.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <div className="sm-factors">
      {factors.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of a draft table, edited in place
        <div key={i} className="sm-factor">
          <input
            aria-label={t('metrics.calc.factorName', { row: i + 1 })}
            value={f.name}
            maxLength={200}
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <input
            aria-label={t('metrics.calc.factorImportance', { row: i + 1 })}
            inputMode="decimal"
            value={f.importance}
            onChange={(e) => set(i, { importance: e.target.value })}
          />
          <input
            aria-label={t('metrics.calc.factorSatisfaction', { row: i + 1 })}
            inputMode="decimal"
            value={f.satisfaction}
            onChange={(e) => set(i, { satisfaction: e.target.value })}
          />
          <button
            type="button"
            className="cx-button"
            aria-label={t('metrics.calc.removeFactor', { row: i + 1 })}
            disabled={factors.length === 1}
            onClick={() => onChange(factors.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="cx-button"
        disabled={factors.length >= INPUT_LIMITS.factors}
        onClick={() => onChange([...factors, { name: '', importance: '', satisfaction: '' }])}
      >
        {t('metrics.calc.addFactor')}
      </button>
    </div>
  );
}

function LtvForm({ draft, onChange, t }: { draft: LtvDraft; onChange(d: LtvDraft): void; t: TFunction }) {
  const periods = Math.max(0, Math.min(INPUT_LIMITS.periods, Math.floor(Number(draft.periods)) || 0));
  const set = (patch: Partial<LtvDraft>) => {
    const next = { ...draft, ...patch };
    const n = Math.max(0, Math.min(INPUT_LIMITS.periods, Math.floor(Number(next.periods)) || 0));
    // The per-period table follows T, prefilled with the single M and C typed so far.
    next.margins = Array.from({ length: n }, (_, i) => next.margins[i] ?? next.margin);
    next.costs = Array.from({ length: n }, (_, i) => next.costs[i] ?? next.cost);
    onChange(next);
  };
  const simple = (name: 'acquisitionCost' | 'margin' | 'cost' | 'retention' | 'discountRate' | 'periods') => (
    <LtvField key={name} name={name} value={draft[name]} onChange={(v) => set({ [name]: v })} t={t} />
  );
  return (
    <div className="sm-ltv">
      {simple('acquisitionCost')}
      {!draft.perPeriod && simple('margin')}
      {!draft.perPeriod && simple('cost')}
      {simple('retention')}
      {simple('discountRate')}
      {simple('periods')}
      <label className="sm-check">
        <input
          type="checkbox"
          checked={draft.perPeriod}
          onChange={(e) => set({ perPeriod: e.target.checked })}
        />
        {t('metrics.calc.perPeriod')}
      </label>
      {draft.perPeriod &&
        Array.from({ length: periods }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one row per period t
          <div key={i} className="sm-factor">
            <input
              aria-label={t('metrics.calc.periodMargin', { period: i + 1 })}
              inputMode="decimal"
              value={draft.margins[i] ?? ''}
              onChange={(e) => set({ margins: draft.margins.map((m, j) => (j === i ? e.target.value : m)) })}
            />
            <input
              aria-label={t('metrics.calc.periodCost', { period: i + 1 })}
              inputMode="decimal"
              value={draft.costs[i] ?? ''}
              onChange={(e) => set({ costs: draft.costs.map((c, j) => (j === i ? e.target.value : c)) })}
            />
          </div>
        ))}
    </div>
  );
}

function LtvField({
  name,
  value,
  onChange,
  t,
}: {
  name: string;
  value: string;
  onChange(v: string): void;
  t: TFunction;
}) {
  const id = useId();
  return (
    <div className="sm-field is-number">
      <label htmlFor={id}>{fieldLabel(name, t)}</label>
      <input id={id} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The per-period working and the method's lesson: a 10 % cost cut vs a 10-point retention gain. */
function LtvWorking({
  inputs,
  details,
  language,
  t,
}: {
  inputs: Extract<MetricInputs, { calculator: 'ltv' }>;
  details: LtvDetails;
  language: string;
  t: TFunction;
}) {
  const f = (v: number) => formatValue(v, language);
  const base = -details.acquisitionCost + details.discountedContribution;
  const scale = (s: number | number[], k: number) => (Array.isArray(s) ? s.map((v) => v * k) : s * k);
  const cheaper = ltv({ ...inputs, cost: scale(inputs.cost, 0.9) });
  const loyal = ltv({ ...inputs, retention: Math.min(1, inputs.retention + 0.1) });
  const delta = (v: number) => `${v - base >= 0 ? '+' : '−'}${f(Math.abs(v - base))}`;
  return (
    <div className="sm-ltv-working">
      <table>
        <caption>{t('metrics.calc.tableCaption')}</caption>
        <thead>
          <tr>
            {(
              ['colPeriod', 'colMargin', 'colCost', 'colSurvival', 'colDiscount', 'colContribution'] as const
            ).map((c) => (
              <th key={c} scope="col">
                {t(`metrics.calc.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {details.periods.slice(0, INPUT_LIMITS.periods).map((p) => (
            <tr key={p.period}>
              <td>{p.period}</td>
              <td>{f(p.margin)}</td>
              <td>{f(p.cost)}</td>
              <td>{formatValue(p.survival, language)}</td>
              <td>{formatValue(p.discountFactor, language)}</td>
              <td>{f(p.contribution)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('metrics.calc.lessonTitle')}</h4>
      <ul className="sm-lesson">
        {cheaper.ok && (
          <li>{t('metrics.calc.lessonCost', { value: f(cheaper.value), delta: delta(cheaper.value) })}</li>
        )}
        {loyal.ok && (
          <li>{t('metrics.calc.lessonRetention', { value: f(loyal.value), delta: delta(loyal.value) })}</li>
        )}
      </ul>
      <p>{t('metrics.calc.lessonMoral')}</p>
    </div>
  );
}
