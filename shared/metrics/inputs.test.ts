import { describe, expect, it } from 'vitest';
import {
  computeFromInputs,
  INPUT_LIMITS,
  inputCalculatorsFor,
  kindAcceptsInputs,
  type MetricInputs,
  readMetricInputs,
} from './inputs';

/** Reads inputs as the board stores them (plain JSON through a file or a peer), then computes. */
function fromStored(inputs: unknown): number | null {
  const read = readMetricInputs(JSON.parse(JSON.stringify(inputs)));
  if (!read) return null;
  const result = computeFromInputs(read);
  return result.ok ? result.value : null;
}

describe('metric inputs: every calculator fed from stored inputs', () => {
  const cases: [string, MetricInputs, number][] = [
    [
      'NPS from a 0–10 distribution (60/25/15)',
      { calculator: 'nps-distribution', counts: [15, 0, 0, 0, 0, 0, 0, 25, 0, 0, 60] },
      45,
    ],
    ['NPS from pasted answers', { calculator: 'nps-answers', answers: [10, 9, 9, 7, 0] }, 40],
    ['CSAT from a 5-point distribution', { calculator: 'csat-distribution', counts: [1, 1, 2, 3, 3] }, 60],
    [
      'CSI from factors (importance × satisfaction)',
      {
        calculator: 'csi',
        factors: [
          { name: 'Speed', importance: 9, satisfaction: 6 },
          { name: 'Politeness', importance: 3, satisfaction: 10 },
        ],
      },
      7,
    ],
    ['CES on a 1–7 scale', { calculator: 'ces', scale: { min: 1, max: 7 }, answers: [2, 3, 4] }, 3],
    [
      'CLI from three answers per respondent',
      { calculator: 'cli', respondents: [{ recommend: 9, buyAgain: 6, buyOther: 3 }] },
      6,
    ],
    ['FCR', { calculator: 'fcr', resolvedAtFirstContact: 81, requests: 100 }, 81],
    ['contact rate', { calculator: 'contact-rate', contacts: 150, activeCustomers: 1000 }, 15],
    ['churn', { calculator: 'churn', customersAtStart: 200, customersLost: 30 }, 15],
    ['retention', { calculator: 'retention', customersAtStart: 200, customersLost: 30 }, 85],
    [
      'LTV, the talk’s example (AC 500 000, M 1 200 000, C 600 000, p 0.5, T 3, r 0)',
      {
        calculator: 'ltv',
        acquisitionCost: 500_000,
        margin: 1_200_000,
        cost: 600_000,
        retention: 0.5,
        discountRate: 0,
        periods: 3,
      },
      25_000,
    ],
    [
      'LTV from a per-period table',
      {
        calculator: 'ltv',
        acquisitionCost: 0,
        margin: [100, 200],
        cost: [0, 0],
        retention: 1,
        discountRate: 0,
        periods: 2,
      },
      300,
    ],
    ['a share (conversion)', { calculator: 'share', part: 3, whole: 12 }, 25],
    ['a mean (AHT)', { calculator: 'mean', values: [100, 200, 300] }, 200],
  ];
  it.each(cases)('%s', (_name, inputs, expected) => {
    expect(fromStored(inputs)).toBeCloseTo(expected, 9);
  });
});

describe('reading stored inputs', () => {
  it('refuses inputs the calculator cannot compute, so no value is shown for them', () => {
    expect(readMetricInputs({ calculator: 'nps-distribution', counts: new Array(11).fill(0) })).toBeNull();
    expect(readMetricInputs({ calculator: 'fcr', resolvedAtFirstContact: 5, requests: 4 })).toBeNull();
    expect(readMetricInputs({ calculator: 'ces', scale: { min: 5, max: 1 }, answers: [3] })).toBeNull();
    expect(
      readMetricInputs({
        calculator: 'ltv',
        acquisitionCost: 0,
        margin: [1, 2],
        cost: 0,
        retention: 1,
        discountRate: 0,
        periods: 3,
      }),
    ).toBeNull();
  });

  it('refuses wrong shapes, unknown calculators and lists past their bounds', () => {
    for (const raw of [
      null,
      42,
      'nps',
      [],
      {},
      { calculator: 'astrology' },
      { calculator: 'nps-answers', answers: [11] },
    ])
      expect(readMetricInputs(raw)).toBeNull();
    const tooMany = { calculator: 'nps-answers', answers: new Array(INPUT_LIMITS.answers + 1).fill(9) };
    expect(readMetricInputs(tooMany)).toBeNull();
    const atBound = { calculator: 'nps-answers', answers: new Array(INPUT_LIMITS.answers).fill(9) };
    expect(readMetricInputs(atBound)).toEqual(atBound);
    const manyKeys = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    expect(
      readMetricInputs({ ...manyKeys, calculator: 'fcr', resolvedAtFirstContact: 1, requests: 1 }),
    ).toBeNull();
  });

  it('drops unknown keys', () => {
    expect(readMetricInputs({ calculator: 'share', part: 1, whole: 2, extra: 'x' })).toEqual({
      calculator: 'share',
      part: 1,
      whole: 2,
    });
  });
});

describe('which calculators a kind offers', () => {
  it('follows the catalogue', () => {
    expect(inputCalculatorsFor('nps')).toEqual(['nps-distribution', 'nps-answers']);
    expect(inputCalculatorsFor('csat')).toEqual(['csat-distribution']);
    expect(inputCalculatorsFor('ltv')).toEqual(['ltv']);
    expect(inputCalculatorsFor('conversion')).toEqual(['share']);
    expect(inputCalculatorsFor('cost-to-serve')).toEqual([]);
    expect(inputCalculatorsFor('custom')).toEqual([]);
    expect(inputCalculatorsFor('constructor')).toEqual([]);
    expect(kindAcceptsInputs('nps', 'ltv')).toBe(false);
    expect(kindAcceptsInputs('churn', 'churn')).toBe(true);
  });
});
