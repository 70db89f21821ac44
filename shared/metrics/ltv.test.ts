import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LtvInput, ltv } from './ltv';

function ltvValue(input: LtvInput): number {
  const r = ltv(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * The talk's worked example ("marriage by calculation"): AC 500 000, margin 1 200 000 a year,
 * cost 600 000 a year, retention 0.5, three years. The talk names the discount rate only as
 * "the rate your financiers will tell you" and gives no number, so r = 0 here.
 *
 * By hand: M − C = 600 000 each year.
 *   t = 1: 600 000 × 0.5   = 300 000
 *   t = 2: 600 000 × 0.25  = 150 000
 *   t = 3: 600 000 × 0.125 =  75 000
 *   sum = 525 000;  LTV = −500 000 + 525 000 = 25 000.
 */
const TALK: LtvInput = {
  acquisitionCost: 500_000,
  margin: 1_200_000,
  cost: 600_000,
  retention: 0.5,
  discountRate: 0,
  periods: 3,
};

describe('LTV (Jeffery)', () => {
  it("gives 25 000 for the talk's worked example, with the working per year", () => {
    const r = ltv(TALK);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBe(25_000);
    expect(r.details.discountedContribution).toBe(525_000);
    expect(r.details.periods.map((p) => [p.period, p.survival, p.contribution])).toEqual([
      [1, 0.5, 300_000],
      [2, 0.25, 150_000],
      [3, 0.125, 75_000],
    ]);
  });

  it('discounts each year by (1 + r)^t (hand-checked with r = 10 %)', () => {
    // 300 000 / 1.1 + 150 000 / 1.21 + 75 000 / 1.331 = 272 727.27 + 123 966.94 + 56 348.61
    // = 453 042.82; LTV = −46 957.18: at 10 % the same customer no longer pays back its acquisition.
    expect(ltvValue({ ...TALK, discountRate: 0.1 })).toBeCloseTo(-46_957.18, 2);
  });

  it('accepts per-period arrays, and a constant equals the array of that constant', () => {
    expect(
      ltvValue({ ...TALK, margin: [1_200_000, 1_200_000, 1_200_000], cost: [600_000, 600_000, 600_000] }),
    ).toBe(25_000);
    // (1 000 000 − 600 000)·0.5 + (1 200 000 − 600 000)·0.25 + (1 500 000 − 600 000)·0.125
    // = 200 000 + 150 000 + 112 500 = 462 500; LTV = −37 500.
    expect(ltvValue({ ...TALK, margin: [1_000_000, 1_200_000, 1_500_000] })).toBe(-37_500);
  });

  it("teaches the talk's lesson: cost moves LTV one-for-one, retention moves it geometrically", () => {
    // Cost: with one period, full retention and no discounting a cut in cost is returned exactly.
    const onePeriod = { acquisitionCost: 0, margin: 1000, retention: 1, discountRate: 0, periods: 1 };
    expect(ltvValue({ ...onePeriod, cost: 400 }) - ltvValue({ ...onePeriod, cost: 500 })).toBe(100);

    // Over the talk's three years the cost term is linear: each 60 000 cut (10 %) adds the same
    // 60 000 × (0.5 + 0.25 + 0.125) = 52 500, the second cut as much as the first.
    const costCut1 = ltvValue({ ...TALK, cost: 540_000 }) - ltvValue(TALK);
    const costCut2 = ltvValue({ ...TALK, cost: 480_000 }) - ltvValue({ ...TALK, cost: 540_000 });
    expect(costCut1).toBeCloseTo(52_500, 6);
    expect(costCut2).toBeCloseTo(costCut1, 6);

    // Retention enters as p^t: the same +0.1 step pays more each time.
    // p 0.6: 600 000 × (0.6 + 0.36 + 0.216) = 705 600 → LTV 205 600 (+180 600)
    // p 0.7: 600 000 × (0.7 + 0.49 + 0.343) = 919 800 → LTV 419 800 (+214 200)
    const at = (retention: number) => ltvValue({ ...TALK, retention });
    expect(at(0.6)).toBeCloseTo(205_600, 6);
    expect(at(0.7)).toBeCloseTo(419_800, 6);
    expect(at(0.7) - at(0.6)).toBeGreaterThan(at(0.6) - at(0.5));

    // And a 10 % better retention (0.5 → 0.55, +86 325) beats a 10 % lower cost (+52 500).
    expect(at(0.55) - at(0.5)).toBeCloseTo(86_325, 6);
    expect(at(0.55) - at(0.5)).toBeGreaterThan(costCut1);
  });

  it('property: LTV is exactly linear in cost, with slope −Σ p^t/(1+r)^t', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (retention, discountRate, periods, cut) => {
          const base = { acquisitionCost: 1000, margin: 5000, retention, discountRate, periods };
          const weight = Array.from(
            { length: periods },
            (_, i) => (retention / (1 + discountRate)) ** (i + 1),
          ).reduce((a, b) => a + b, 0);
          const gain = ltvValue({ ...base, cost: 2e6 - cut }) - ltvValue({ ...base, cost: 2e6 });
          return Math.abs(gain - cut * weight) <= 1e-6 * Math.max(1, cut * periods);
        },
      ),
    );
  });

  it.each<[string, Partial<LtvInput>, string, Record<string, unknown>]>([
    ['retention above 1', { retention: 1.1 }, 'out-of-range', { field: 'retention', min: 0, max: 1 }],
    ['negative retention', { retention: -0.1 }, 'out-of-range', { field: 'retention', min: 0, max: 1 }],
    ['negative discount rate', { discountRate: -0.05 }, 'out-of-range', { field: 'discountRate', min: 0 }],
    ['zero periods', { periods: 0 }, 'out-of-range', { field: 'periods', min: 1, max: 1000 }],
    ['fractional periods', { periods: 2.5 }, 'not-integer', { field: 'periods' }],
    ['too many periods', { periods: 1001 }, 'out-of-range', { field: 'periods', max: 1000 }],
    [
      'negative acquisition cost',
      { acquisitionCost: -1 },
      'out-of-range',
      { field: 'acquisitionCost', min: 0 },
    ],
    [
      'margin array too short',
      { margin: [1, 2] },
      'wrong-length',
      { field: 'margin', expected: 3, received: '2' },
    ],
    ['negative cost', { cost: -600_000 }, 'out-of-range', { field: 'cost', min: 0 }],
    ['NaN in the cost series', { cost: [1, Number.NaN, 1] }, 'not-finite', { field: 'cost', index: 1 }],
    ['infinite margin', { margin: Number.POSITIVE_INFINITY }, 'not-finite', { field: 'margin' }],
    ['text as retention', { retention: '0.5' as unknown as number }, 'invalid-type', { field: 'retention' }],
  ])('refuses %s', (_name, change, code, params) => {
    const r = ltv({ ...TALK, ...change });
    expect(r.ok ? null : r.error.code).toBe(code);
    expect(r.ok ? null : r.error.params).toMatchObject(params);
  });

  it('refuses a missing input object', () => {
    const r = ltv(null as unknown as LtvInput);
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'invalid-type',
      params: { field: 'input', received: 'null' },
    });
  });

  it('allows a negative margin (a loss-making period) and p = 0 (nobody stays)', () => {
    expect(ltvValue({ ...TALK, margin: -100, cost: 0, retention: 1, periods: 2 })).toBe(-500_200);
    expect(ltvValue({ ...TALK, retention: 0 })).toBe(-500_000);
  });
});
