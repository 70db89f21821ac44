import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { BoardDoc } from '../../shared/board';
import {
  computeFromInputs,
  type InputCalculator,
  inputCalculatorsFor,
  METRIC_ERROR_CODES,
  METRIC_HINT_CODES,
  METRIC_KINDS,
} from '../../shared/metrics';
import {
  computeJourneyLayout,
  JOURNEY_METRICS as M,
  cardPosition,
  chipBlockHeight,
} from '../frames/journey/layout';
import { keyPaths, type ResourceTree } from '../i18n/resources';
import { draftOf, FORM_FIELDS, inputsFromDraft } from './calculatorForms';
import { parseTypedNumber } from './format';
import { groupByStage, metricsOfJourney } from './journeyMetrics';
import en from './locales/en.json';
import ru from './locales/ru.json';
import { turnCardIntoMetric } from './turnIntoMetric';

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'ru', resources: { ru: { translation: ru } } });
  t = i18n.t;
});

const empty = () => draftOf(null);

describe('calculator forms', () => {
  it('turn typed drafts into stored inputs the calculators compute (numbers as people type them)', () => {
    const nps = empty();
    Object.assign(nps.fields, { count0: '15', count7: '25', count10: '60' });
    const built = inputsFromDraft('nps-distribution', nps, t);
    expect(built.ok && computeFromInputs(built.inputs)).toMatchObject({ ok: true, value: 45 });

    const ltv = empty();
    Object.assign(ltv.ltv, {
      acquisitionCost: '500 000',
      margin: '1 200 000',
      cost: '600\u00a0000',
      retention: '0,5',
      discountRate: '0',
      periods: '3',
    });
    const ltvInputs = inputsFromDraft('ltv', ltv, t);
    expect(ltvInputs.ok && computeFromInputs(ltvInputs.inputs)).toMatchObject({ ok: true, value: 25_000 });

    const cli = empty();
    cli.fields.respondents = '9 6 3\n\n9 6 3\n';
    const cliInputs = inputsFromDraft('cli', cli, t);
    expect(cliInputs.ok && computeFromInputs(cliInputs.inputs)).toMatchObject({ ok: true, value: 6 });

    const csi = empty();
    csi.factors = [
      { name: 'Скорость', importance: '9', satisfaction: '6' },
      { name: 'Вежливость', importance: '3', satisfaction: '10' },
    ];
    const csiInputs = inputsFromDraft('csi', csi, t);
    expect(csiInputs.ok && computeFromInputs(csiInputs.inputs)).toMatchObject({ ok: true, value: 7 });
  });

  it('round-trip stored inputs of every calculator through the form', () => {
    const samples: Record<InputCalculator, unknown> = {
      'nps-distribution': { calculator: 'nps-distribution', counts: [1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 3] },
      'nps-answers': { calculator: 'nps-answers', answers: [10, 9, 3] },
      'csat-distribution': { calculator: 'csat-distribution', counts: [1, 1, 2, 3, 3] },
      csi: { calculator: 'csi', factors: [{ name: 'A', importance: 5, satisfaction: 7 }] },
      ces: { calculator: 'ces', scale: { min: 1, max: 7 }, answers: [2, 3] },
      cli: { calculator: 'cli', respondents: [{ recommend: 9, buyAgain: 6, buyOther: 3 }] },
      fcr: { calculator: 'fcr', resolvedAtFirstContact: 8, requests: 10 },
      'contact-rate': { calculator: 'contact-rate', contacts: 15, activeCustomers: 100 },
      churn: { calculator: 'churn', customersAtStart: 200, customersLost: 30 },
      retention: { calculator: 'retention', customersAtStart: 200, customersLost: 30 },
      ltv: {
        calculator: 'ltv',
        acquisitionCost: 1,
        margin: [5, 6],
        cost: [1, 2],
        retention: 0.5,
        discountRate: 0.1,
        periods: 2,
      },
      share: { calculator: 'share', part: 1, whole: 4 },
      mean: { calculator: 'mean', values: [1, 2, 3] },
    };
    for (const [calculator, inputs] of Object.entries(samples)) {
      const back = inputsFromDraft(calculator as InputCalculator, draftOf(inputs as never), t);
      expect(back, calculator).toEqual({ ok: true, inputs });
    }
  });

  it('name the field that is not a number, in the UI language', () => {
    const draft = empty();
    draft.fields.requests = 'сто';
    draft.fields.resolvedAtFirstContact = '5';
    expect(inputsFromDraft('fcr', draft, t)).toEqual({
      ok: false,
      message: 'Всего обращений: «сто» — не число.',
    });
    expect(parseTypedNumber('1 200,5')).toBe(1200.5);
    expect(parseTypedNumber('12abc')).toBeNull();
    expect(parseTypedNumber('')).toBeNull();
  });

  it('have a form for every calculator a kind offers', () => {
    for (const kind of METRIC_KINDS)
      for (const calculator of inputCalculatorsFor(kind)) expect(FORM_FIELDS[calculator]).toBeDefined();
  });
});

describe('stage-metrics locales', () => {
  const locales = { en: en as ResourceTree, ru: ru as ResourceTree };
  const lookup = (tree: ResourceTree, key: string): unknown =>
    key.split('.').reduce<unknown>((node, part) => (node as ResourceTree | undefined)?.[part], tree);
  const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('have the same keys and variables in Russian and English', () => {
    const keys = keyPaths(locales.en).sort();
    expect(keyPaths(locales.ru).sort()).toEqual(keys);
    for (const key of keys) {
      expect(variables(lookup(locales.ru, key) as string), key).toEqual(
        variables(lookup(locales.en, key) as string),
      );
    }
  });

  it('name every kind, calculator, error and hint the code builds keys from', () => {
    const calculators = new Set(METRIC_KINDS.flatMap(inputCalculatorsFor));
    const built = [
      ...METRIC_KINDS.flatMap((k) => [`metrics.kind.${k}.name`, `metrics.kind.${k}.explain`]),
      ...[...calculators].flatMap((c) => [`metrics.calc.${c}.label`, `metrics.calc.${c}.formula`]),
      ...METRIC_ERROR_CODES.map((c) => `metrics.error.${c}`),
      ...METRIC_HINT_CODES.filter((c) => c === 'nps-alone' || c === 'company-vs-customer-kpi').map(
        (c) => `metrics.hint.${c}`,
      ),
      ...['met', 'close', 'off', 'unknown'].map((s) => `metrics.status.${s}`),
    ];
    for (const key of built) {
      expect(typeof lookup(locales.en, key), key).toBe('string');
      expect(typeof lookup(locales.ru, key), key).toBe('string');
    }
  });
});

describe('the Metrics lane', () => {
  function boardWithMetrics() {
    const board = BoardDoc.create({ title: 'Metrics' });
    const j = board.addJourney({ kind: 'cjm', preset: 'full', x: 0, y: 0, stageTitles: ['A', 'B'] });
    const journey = board.snapshot().journeys[j]!;
    const [a, b] = journey.stages.map((s) => s.id) as [string, string];
    const lane = journey.lanes.find((l) => l.type === 'metrics')!;
    board.addMetric({ journeyId: j, stageId: a, kind: 'nps' });
    board.addMetric({ journeyId: j, stageId: a, kind: 'fcr' });
    board.addCard(j, { stageId: a, laneId: lane.id, text: 'Retention 75–78 %' });
    return { board, j, a, b, lane };
  }

  it('grows with the fullest stage: chips above the cards', () => {
    const { board, j, a, b, lane } = boardWithMetrics();
    const snapshot = board.snapshot();
    const journey = snapshot.journeys[j]!;
    const { counts, byStage } = groupByStage(journey, metricsOfJourney(snapshot, journey));
    expect(counts.get(a)).toBe(2);
    expect(byStage.get(b)).toBeUndefined();
    const without = computeJourneyLayout(journey);
    const withChips = computeJourneyLayout(journey, 'build', counts);
    const box = withChips.lanes.find((l) => l.laneId === lane.id)!;
    expect(box.height - without.lanes.find((l) => l.laneId === lane.id)!.height).toBe(chipBlockHeight(2));
    expect(chipBlockHeight(2)).toBe(2 * M.chipHeight + M.chipGap + M.cellGap);
    expect(cardPosition(withChips, a, lane.id, 0)!.y).toBe(box.y + M.cellPadding + chipBlockHeight(2));
    expect(cardPosition(withChips, b, lane.id, 0)!.y).toBe(box.y + M.cellPadding);
  });

  it('turns a one-line card into a custom metric in one undo step; a longer card stays', () => {
    const { board, j, a, lane } = boardWithMetrics();
    const card = board.snapshot().journeys[j]!.cells[`${a}:${lane.id}`]![0]!;
    board.history.clear();
    const id = turnCardIntoMetric(board, j, card);
    const after = board.snapshot();
    expect(after.metrics[id]).toMatchObject({ kind: 'custom', name: 'Retention 75–78 %', stageId: a });
    expect(after.journeys[j]!.cells[`${a}:${lane.id}`] ?? []).toEqual([]);
    board.history.undo();
    expect(board.snapshot().metrics[id]).toBeUndefined();
    expect(board.snapshot().journeys[j]!.cells[`${a}:${lane.id}`]).toHaveLength(1);

    const long = board.addCard(j, {
      stageId: a,
      laneId: lane.id,
      text: 'Churn\nmeasured monthly by finance',
    });
    const longCard = board.snapshot().journeys[j]!.cells[`${a}:${lane.id}`]!.find((c) => c.id === long)!;
    const second = turnCardIntoMetric(board, j, longCard);
    expect(board.snapshot().metrics[second]!.name).toBe('Churn');
    expect(board.snapshot().journeys[j]!.cells[`${a}:${lane.id}`]!.some((c) => c.id === long)).toBe(true);
  });
});
