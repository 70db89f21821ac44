import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ces,
  cli,
  csatFromAnswers,
  csatFromDistribution,
  csi,
  npsFromAnswers,
  npsFromDistribution,
} from './survey';

/** Unwraps a success or fails the test with the error message. */
function value<V, D>(r: { ok: true; value: V; details: D } | { ok: false; error: { message: string } }): V {
  if (!r.ok) throw new Error(`expected success, got: ${r.error.message}`);
  return r.value;
}

const garbage = <T>(x: unknown) => x as T;

describe('NPS', () => {
  it('computes %promoters − %detractors from raw answers (hand-checked)', () => {
    // Promoters 10,9,9,10,10 = 5; passives 8,7 = 2; detractors 6,3,0 = 3 of 10 → 50 − 30 = 20.
    const r = npsFromAnswers([10, 9, 9, 8, 7, 6, 3, 10, 10, 0]);
    expect(r).toEqual({
      ok: true,
      value: 20,
      details: {
        respondents: 10,
        promoters: 5,
        passives: 2,
        detractors: 3,
        promotersPercent: 50,
        passivesPercent: 20,
        detractorsPercent: 30,
      },
    });
  });

  it('computes the same score from a 0–10 distribution indexed by score', () => {
    //           0  1  2  3  4  5  6  7  8  9 10
    const dist = [1, 0, 0, 1, 0, 0, 1, 1, 1, 2, 3];
    expect(value(npsFromDistribution(dist))).toBe(20);
    // 7 promoters, 0 passives, 1 detractor of 8 → 87.5 − 12.5 = 75.
    expect(value(npsFromDistribution([0, 1, 0, 0, 0, 0, 0, 0, 0, 3, 4]))).toBe(75);
  });

  it('reaches both ends of −100..100 and counts 7–8 as passives only', () => {
    expect(value(npsFromAnswers([9, 10, 10]))).toBe(100);
    expect(value(npsFromAnswers([0, 6, 5]))).toBe(-100);
    expect(value(npsFromAnswers([7, 8, 8]))).toBe(0);
  });

  it('refuses a distribution of the wrong length, with the expected length as a param', () => {
    const r = npsFromDistribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('wrong-length');
    expect(r.error.params).toEqual({ field: 'counts', expected: 11, received: '10' });
    expect(r.error.message).toBe('counts must have 11 elements, got 10');
  });

  it.each([
    [[-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 'out-of-range', 0],
    [[0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 'not-integer', 0],
    [[0, 0, 0, Number.NaN, 0, 0, 0, 0, 0, 0, 1], 'not-finite', 3],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '1'], 'invalid-type', 10],
  ])('refuses a bad count %j with %s at its index', (counts, code, index) => {
    const r = npsFromDistribution(garbage(counts));
    expect(r.ok ? null : [r.error.code, r.error.params.index]).toEqual([code, index]);
  });

  it('refuses an all-zero distribution, a non-array and an empty answer list', () => {
    const zero = npsFromDistribution(new Array(11).fill(0));
    expect(zero.ok ? null : zero.error.code).toBe('empty');
    const notArray = npsFromDistribution(garbage({ 9: 3 }));
    expect(notArray.ok ? null : notArray.error).toMatchObject({
      code: 'invalid-type',
      params: { received: 'object' },
    });
    const empty = npsFromAnswers([]);
    expect(empty.ok ? null : empty.error.params).toEqual({ field: 'answers' });
  });

  it('refuses answers outside 0–10 or fractional', () => {
    const high = npsFromAnswers([10, 11]);
    expect(high.ok ? null : high.error).toMatchObject({
      code: 'out-of-range',
      params: { field: 'answers', index: 1, min: 0, max: 10, received: '11' },
      message: 'answers[1] must be between 0 and 10, got 11',
    });
    const half = npsFromAnswers([7.5]);
    expect(half.ok ? null : half.error.code).toBe('not-integer');
  });

  it('property: always within −100..100, percentages add up to 100, answers and distribution agree', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), (answers) => {
        const r = npsFromAnswers(answers);
        if (!r.ok) return false;
        const d = r.details;
        const dist = new Array(11).fill(0);
        for (const a of answers) dist[a]++;
        const fromDist = npsFromDistribution(dist);
        return (
          r.value >= -100 &&
          r.value <= 100 &&
          Math.abs(d.promotersPercent + d.passivesPercent + d.detractorsPercent - 100) < 1e-9 &&
          Math.abs(r.value - (d.promotersPercent - d.detractorsPercent)) < 1e-9 &&
          fromDist.ok &&
          fromDist.value === r.value
        );
      }),
    );
  });
});

describe('CSAT', () => {
  it('counts 4 and 5 as satisfied (hand-checked: 5 of 8 = 62.5 %)', () => {
    expect(csatFromAnswers([5, 4, 3, 5, 1, 2, 4, 5])).toEqual({
      ok: true,
      value: 62.5,
      details: { respondents: 8, satisfied: 5 },
    });
  });

  it('computes the same from a distribution where counts[i] is the number of answers i + 1', () => {
    expect(value(csatFromDistribution([1, 1, 1, 2, 3]))).toBe(62.5);
    expect(value(csatFromDistribution([0, 0, 4, 0, 0]))).toBe(0);
    expect(value(csatFromDistribution([0, 0, 0, 1, 0]))).toBe(100);
  });

  it('refuses answers off the 5-point scale, wrong-length and empty distributions', () => {
    for (const bad of [0, 6]) {
      const r = csatFromAnswers([3, bad]);
      expect(r.ok ? null : r.error).toMatchObject({
        code: 'out-of-range',
        params: { index: 1, min: 1, max: 5 },
      });
    }
    const short = csatFromDistribution([1, 2, 3, 4]);
    expect(short.ok ? null : short.error.params.expected).toBe(5);
    const zero = csatFromDistribution([0, 0, 0, 0, 0]);
    expect(zero.ok ? null : zero.error.code).toBe('empty');
    const none = csatFromAnswers([]);
    expect(none.ok ? null : none.error.code).toBe('empty');
    const frac = csatFromAnswers([4.5]);
    expect(frac.ok ? null : frac.error.code).toBe('not-integer');
  });

  it('property: CSAT is always within 0..100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 300 }), (answers) => {
        const r = csatFromAnswers(answers);
        return r.ok && r.value >= 0 && r.value <= 100;
      }),
    );
  });
});

describe('CSI', () => {
  it('is Σ importance × satisfaction / Σ importance (hand-checked: 110 / 15)', () => {
    // (10·8 + 5·6 + 0·1) / (10 + 5 + 0) = 110 / 15 = 7.333…; a factor of zero importance does not count.
    const r = csi([
      { importance: 10, satisfaction: 8 },
      { importance: 5, satisfaction: 6 },
      { importance: 0, satisfaction: 1 },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBeCloseTo(7.3333333, 6);
    expect(r.details).toMatchObject({ factors: 3, totalImportance: 15 });
    expect(r.details.percent).toBeCloseTo(73.333333, 5);
  });

  it('accepts fractional (averaged) ratings', () => {
    expect(value(csi([{ importance: 7.5, satisfaction: 9.2 }]))).toBeCloseTo(9.2, 10);
  });

  it('refuses out-of-range factors, naming the property, and zero total importance', () => {
    const r = csi([
      { importance: 5, satisfaction: 5 },
      { importance: 11, satisfaction: 5 },
    ]);
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'out-of-range',
      params: { field: 'factors', index: 1, property: 'importance', min: 0, max: 10, received: '11' },
      message: 'factors[1].importance must be between 0 and 10, got 11',
    });
    const sat = csi([{ importance: 5, satisfaction: -1 }]);
    expect(sat.ok ? null : sat.error.params.property).toBe('satisfaction');
    const zero = csi([{ importance: 0, satisfaction: 9 }]);
    expect(zero.ok ? null : zero.error).toMatchObject({
      code: 'zero-total',
      params: { property: 'importance' },
    });
    const empty = csi([]);
    expect(empty.ok ? null : empty.error.code).toBe('empty');
    const notObject = csi(garbage([7]));
    expect(notObject.ok ? null : notObject.error).toMatchObject({
      code: 'invalid-type',
      params: { index: 0 },
    });
    const missing = csi(garbage([{ importance: 3 }]));
    expect(missing.ok ? null : missing.error).toMatchObject({
      code: 'invalid-type',
      params: { property: 'satisfaction', received: 'undefined' },
    });
  });
});

describe('CES', () => {
  it('is the mean effort on the stated scale (hand-checked: 15 / 5 = 3 on 1–7)', () => {
    expect(ces([1, 2, 2, 7, 3], { min: 1, max: 7 })).toEqual({
      ok: true,
      value: 3,
      details: { respondents: 5, scale: { min: 1, max: 7 } },
    });
  });

  it('validates every answer against the scale', () => {
    const seven = ces([3, 7], { min: 1, max: 5 });
    expect(seven.ok ? null : seven.error).toMatchObject({
      code: 'out-of-range',
      params: { field: 'answers', index: 1, min: 1, max: 5, received: '7' },
    });
    const zero = ces([0], { min: 1, max: 7 });
    expect(zero.ok ? null : zero.error.code).toBe('out-of-range');
    const half = ces([2.5], { min: 1, max: 7 });
    expect(half.ok ? null : half.error.code).toBe('not-integer');
    const none = ces([], { min: 1, max: 7 });
    expect(none.ok ? null : none.error.code).toBe('empty');
  });

  it.each([
    [{ min: 5, max: 5 }, '5..5'],
    [{ min: 7, max: 1 }, '7..1'],
    [{ min: 1.5, max: 7 }, '1.5..7'],
    [undefined, 'undefined'],
  ])('refuses the scale %j', (scale, received) => {
    const r = ces([3], garbage(scale));
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'invalid-scale',
      params: { field: 'scale', received },
    });
  });
});

describe('CLI', () => {
  it('is the mean of the three answers over many respondents (hand-checked: 45 / 6 = 7.5)', () => {
    const r = cli([
      { recommend: 10, buyAgain: 9, buyOther: 8 },
      { recommend: 6, buyAgain: 7, buyOther: 5 },
    ]);
    expect(r).toEqual({
      ok: true,
      value: 7.5,
      details: { respondents: 2, recommend: 8, buyAgain: 8, buyOther: 6.5 },
    });
  });

  it('refuses answers off 0–10, naming respondent and question, and empty or malformed input', () => {
    const r = cli([
      { recommend: 10, buyAgain: 9, buyOther: 8 },
      { recommend: 6, buyAgain: 11, buyOther: 5 },
    ]);
    expect(r.ok ? null : r.error.params).toEqual({
      field: 'respondents',
      index: 1,
      property: 'buyAgain',
      min: 0,
      max: 10,
      received: '11',
    });
    const empty = cli([]);
    expect(empty.ok ? null : empty.error.code).toBe('empty');
    const nul = cli(garbage([null]));
    expect(nul.ok ? null : nul.error).toMatchObject({ code: 'invalid-type', params: { received: 'null' } });
    const frac = cli([{ recommend: 5.5, buyAgain: 5, buyOther: 5 }]);
    expect(frac.ok ? null : frac.error.code).toBe('not-integer');
  });
});
