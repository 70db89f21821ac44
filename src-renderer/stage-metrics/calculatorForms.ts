import type { TFunction } from 'i18next';
import {
  type InputCalculator,
  INPUT_LIMITS,
  type MetricError,
  type MetricInputs,
  metricInputsSchema,
} from '../../shared/metrics';
import { parseTypedNumber, splitNumbers } from './format';

/**
 * The raw-data forms of the calculators (pure, unit-tested): what each form asks for, how a
 * draft (the texts people typed) becomes stored inputs, and how a calculator's coded error is
 * said in the UI language. The dialog renders these; `computeFromInputs` does the maths.
 */

/** A draft: the texts of a form's fields by name, lists as pasted text. */
export type Draft = Record<string, string>;

/** One field of a form: a number, or a pasted list of numbers. */
export interface FormField {
  name: string;
  kind: 'number' | 'list';
}

/** The simple fields of each calculator (CSI and LTV have their own tables, see the dialog). */
export const FORM_FIELDS: Record<InputCalculator, readonly FormField[]> = {
  'nps-distribution': Array.from({ length: 11 }, (_, s) => ({ name: `count${s}`, kind: 'number' as const })),
  'nps-answers': [{ name: 'answers', kind: 'list' }],
  'csat-distribution': Array.from({ length: 5 }, (_, i) => ({
    name: `count${i + 1}`,
    kind: 'number' as const,
  })),
  csi: [],
  ces: [
    { name: 'scaleMin', kind: 'number' },
    { name: 'scaleMax', kind: 'number' },
    { name: 'answers', kind: 'list' },
  ],
  cli: [{ name: 'respondents', kind: 'list' }],
  fcr: [
    { name: 'resolvedAtFirstContact', kind: 'number' },
    { name: 'requests', kind: 'number' },
  ],
  'contact-rate': [
    { name: 'contacts', kind: 'number' },
    { name: 'activeCustomers', kind: 'number' },
  ],
  churn: [
    { name: 'customersAtStart', kind: 'number' },
    { name: 'customersLost', kind: 'number' },
  ],
  retention: [
    { name: 'customersAtStart', kind: 'number' },
    { name: 'customersLost', kind: 'number' },
  ],
  ltv: [],
  share: [
    { name: 'part', kind: 'number' },
    { name: 'whole', kind: 'number' },
  ],
  mean: [{ name: 'values', kind: 'list' }],
};

/** What turning a draft into inputs gives: the inputs, or a message for the person. */
export type DraftResult = { ok: true; inputs: MetricInputs } | { ok: false; message: string };

/** Label of a field (`metrics.calc.field.<name>`; distribution counts are "Answered <score>"). */
export function fieldLabel(name: string, t: TFunction): string {
  const count = /^count(\d+)$/.exec(name);
  if (count) return t('metrics.calc.scorePoint', { score: count[1] });
  return t(`metrics.calc.field.${name}`);
}

class DraftError extends Error {}

function numberOf(draft: Draft, name: string, t: TFunction): number {
  const text = (draft[name] ?? '').trim();
  // An empty count field of a distribution means nobody gave that answer.
  if (text === '' && name.startsWith('count')) return 0;
  const value = parseTypedNumber(text);
  if (value === null)
    throw new DraftError(t('metrics.error.notNumber', { field: fieldLabel(name, t), text }));
  return value;
}

function listOf(draft: Draft, name: string, t: TFunction): number[] {
  const parts = splitNumbers(draft[name] ?? '');
  if (parts.length > INPUT_LIMITS.answers)
    throw new DraftError(t('metrics.error.tooLarge', { max: INPUT_LIMITS.answers }));
  return parts.map((text) => {
    const value = parseTypedNumber(text);
    if (value === null)
      throw new DraftError(t('metrics.error.notNumber', { field: fieldLabel(name, t), text }));
    return value;
  });
}

/** CSI factor rows as typed: name, importance, satisfaction. */
export interface FactorDraft {
  name: string;
  importance: string;
  satisfaction: string;
}

/** LTV as typed: one M and C for every period, or one per period. */
export interface LtvDraft {
  acquisitionCost: string;
  margin: string;
  cost: string;
  retention: string;
  discountRate: string;
  periods: string;
  perPeriod: boolean;
  margins: string[];
  costs: string[];
}

/** Builds stored inputs from a draft; a text that is not a number is named in the message. */
export function inputsFromDraft(
  calculator: InputCalculator,
  draft: { fields: Draft; factors: readonly FactorDraft[]; ltv: LtvDraft },
  t: TFunction,
): DraftResult {
  try {
    const f = draft.fields;
    const n = (name: string) => numberOf(f, name, t);
    let raw: unknown;
    switch (calculator) {
      case 'nps-distribution':
        raw = { calculator, counts: Array.from({ length: 11 }, (_, s) => n(`count${s}`)) };
        break;
      case 'csat-distribution':
        raw = { calculator, counts: Array.from({ length: 5 }, (_, i) => n(`count${i + 1}`)) };
        break;
      case 'nps-answers':
        raw = { calculator, answers: listOf(f, 'answers', t) };
        break;
      case 'ces':
        raw = {
          calculator,
          scale: { min: n('scaleMin'), max: n('scaleMax') },
          answers: listOf(f, 'answers', t),
        };
        break;
      case 'cli': {
        const lines = (f.respondents ?? '').split('\n').filter((line) => line.trim() !== '');
        if (lines.length > INPUT_LIMITS.answers)
          throw new DraftError(t('metrics.error.tooLarge', { max: INPUT_LIMITS.answers }));
        raw = {
          calculator,
          respondents: lines.map((line) => {
            const [recommend, buyAgain, buyOther] = listOf({ line }, 'line', t);
            return { recommend, buyAgain, buyOther };
          }),
        };
        break;
      }
      case 'csi':
        raw = {
          calculator,
          factors: draft.factors.map((row) => ({
            name: row.name.trim(),
            importance: numberOf({ v: row.importance }, 'v', t),
            satisfaction: numberOf({ v: row.satisfaction }, 'v', t),
          })),
        };
        break;
      case 'ltv': {
        const d = draft.ltv;
        const periods = numberOf({ periods: d.periods }, 'periods', t);
        const series = (one: string, many: string[], name: string) =>
          d.perPeriod
            ? many.map((text) => numberOf({ [name]: text }, name, t))
            : numberOf({ [name]: one }, name, t);
        raw = {
          calculator,
          acquisitionCost: numberOf({ acquisitionCost: d.acquisitionCost }, 'acquisitionCost', t),
          margin: series(d.margin, d.margins, 'margin'),
          cost: series(d.cost, d.costs, 'cost'),
          retention: numberOf({ retention: d.retention }, 'retention', t),
          discountRate: numberOf({ discountRate: d.discountRate }, 'discountRate', t),
          periods,
        };
        break;
      }
      case 'mean':
        raw = { calculator, values: listOf(f, 'values', t) };
        break;
      default: {
        const fields = FORM_FIELDS[calculator].map((field) => [field.name, n(field.name)]);
        raw = { calculator, ...Object.fromEntries(fields) };
      }
    }
    return { ok: true, inputs: raw as MetricInputs };
  } catch (error) {
    if (error instanceof DraftError) return { ok: false, message: error.message };
    throw error;
  }
}

/** True when the inputs are within the stored bounds (the calculator checks the rest). */
export function withinStoredBounds(inputs: MetricInputs): boolean {
  return metricInputsSchema.safeParse(inputs).success;
}

/** A calculator's coded error in the UI language, naming the field (and row) it is about. */
export function describeError(error: MetricError, t: TFunction): string {
  const p = error.params;
  const name = p.property ?? p.field;
  const base = fieldLabel(name === 'line' ? 'respondents' : name, t);
  const field = p.index === undefined ? base : t('metrics.error.at', { field: base, row: p.index + 1 });
  let code: string = error.code;
  if (code === 'out-of-range' && (p.min === undefined || p.max === undefined))
    code = p.min === undefined ? 'out-of-range-max' : 'out-of-range-min';
  return t(`metrics.error.${code}`, { ...p, field });
}

/** An empty draft for a calculator, or the one stored inputs describe. */
export function draftOf(inputs: MetricInputs | null): {
  fields: Draft;
  factors: FactorDraft[];
  ltv: LtvDraft;
} {
  const fields: Draft = {};
  const factors: FactorDraft[] = [{ name: '', importance: '', satisfaction: '' }];
  const ltv: LtvDraft = {
    acquisitionCost: '',
    margin: '',
    cost: '',
    retention: '',
    discountRate: '0',
    periods: '3',
    perPeriod: false,
    margins: [],
    costs: [],
  };
  if (!inputs) return { fields, factors, ltv };
  switch (inputs.calculator) {
    case 'nps-distribution':
      inputs.counts.forEach((c, s) => {
        fields[`count${s}`] = String(c);
      });
      break;
    case 'csat-distribution':
      inputs.counts.forEach((c, i) => {
        fields[`count${i + 1}`] = String(c);
      });
      break;
    case 'nps-answers':
      fields.answers = inputs.answers.join(' ');
      break;
    case 'ces':
      fields.scaleMin = String(inputs.scale.min);
      fields.scaleMax = String(inputs.scale.max);
      fields.answers = inputs.answers.join(' ');
      break;
    case 'cli':
      fields.respondents = inputs.respondents
        .map((r) => `${r.recommend} ${r.buyAgain} ${r.buyOther}`)
        .join('\n');
      break;
    case 'csi':
      return {
        fields,
        ltv,
        factors: inputs.factors.map((f) => ({
          name: f.name,
          importance: String(f.importance),
          satisfaction: String(f.satisfaction),
        })),
      };
    case 'ltv': {
      const perPeriod = Array.isArray(inputs.margin) || Array.isArray(inputs.cost);
      const list = (s: number | number[]) =>
        Array.isArray(s) ? s.map(String) : Array.from({ length: inputs.periods }, () => String(s));
      return {
        fields,
        factors,
        ltv: {
          acquisitionCost: String(inputs.acquisitionCost),
          margin: Array.isArray(inputs.margin) ? '' : String(inputs.margin),
          cost: Array.isArray(inputs.cost) ? '' : String(inputs.cost),
          retention: String(inputs.retention),
          discountRate: String(inputs.discountRate),
          periods: String(inputs.periods),
          perPeriod,
          margins: list(inputs.margin),
          costs: list(inputs.cost),
        },
      };
    }
    case 'mean':
      fields.values = inputs.values.join(' ');
      break;
    default:
      for (const field of FORM_FIELDS[inputs.calculator])
        fields[field.name] = String((inputs as unknown as Record<string, number>)[field.name]);
  }
  return { fields, factors, ltv };
}
