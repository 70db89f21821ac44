import { describe, expect, it } from 'vitest';
import {
  churnRate,
  contactRate,
  fcr,
  meanOf,
  retentionFromChurn,
  retentionRate,
  sharePercent,
} from './operational';

const garbage = <T>(x: unknown) => x as T;

describe('FCR', () => {
  it('is resolved at first contact / all requests × 100 (72 of 90 = 80 %)', () => {
    expect(fcr({ resolvedAtFirstContact: 72, requests: 90 })).toEqual({
      ok: true,
      value: 80,
      details: { part: 72, whole: 90 },
    });
  });

  it('refuses more resolved than requests, no requests, negatives, fractions and a missing input', () => {
    const over = fcr({ resolvedAtFirstContact: 91, requests: 90 });
    expect(over.ok ? null : over.error).toMatchObject({
      code: 'exceeds-total',
      params: { field: 'resolvedAtFirstContact', total: 90, received: '91' },
      message: 'resolvedAtFirstContact must not exceed 90, got 91',
    });
    const none = fcr({ resolvedAtFirstContact: 0, requests: 0 });
    expect(none.ok ? null : none.error).toMatchObject({
      code: 'out-of-range',
      params: { field: 'requests', min: 1 },
    });
    const negative = fcr({ resolvedAtFirstContact: -1, requests: 5 });
    expect(negative.ok ? null : negative.error.code).toBe('out-of-range');
    const frac = fcr({ resolvedAtFirstContact: 1.5, requests: 5 });
    expect(frac.ok ? null : frac.error.code).toBe('not-integer');
    const missing = fcr(garbage(undefined));
    expect(missing.ok ? null : missing.error).toMatchObject({
      code: 'invalid-type',
      params: { field: 'input' },
    });
  });
});

describe('contact rate', () => {
  it('is contacts / active customers × 100 and may exceed 100 (1500 / 1000 = 150 %)', () => {
    const r = contactRate({ contacts: 1500, activeCustomers: 1000 });
    expect(r.ok && r.value).toBe(150);
  });

  it('refuses zero active customers', () => {
    const r = contactRate({ contacts: 3, activeCustomers: 0 });
    expect(r.ok ? null : r.error.params).toMatchObject({ field: 'activeCustomers', min: 1, received: '0' });
  });
});

describe('churn and retention', () => {
  it('churn = lost / at start × 100 and retention = 100 − churn (30 of 200: 15 % and 85 %)', () => {
    const churn = churnRate({ customersAtStart: 200, customersLost: 30 });
    expect(churn).toEqual({
      ok: true,
      value: 15,
      details: { part: 30, whole: 200, churnPercent: 15, retentionPercent: 85 },
    });
    const retention = retentionRate({ customersAtStart: 200, customersLost: 30 });
    expect(retention.ok && retention.value).toBe(85);
    expect(retentionFromChurn(12.5)).toEqual({ ok: true, value: 87.5, details: { churnPercent: 12.5 } });
  });

  it('refuses losing more customers than there were, and churn outside 0..100', () => {
    const r = retentionRate({ customersAtStart: 10, customersLost: 11 });
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'exceeds-total',
      params: { field: 'customersLost', total: 10 },
    });
    const start = churnRate({ customersAtStart: 0, customersLost: 0 });
    expect(start.ok ? null : start.error.params.field).toBe('customersAtStart');
    const high = retentionFromChurn(101);
    expect(high.ok ? null : high.error).toMatchObject({ code: 'out-of-range', params: { min: 0, max: 100 } });
    const nan = retentionFromChurn(Number.NaN);
    expect(nan.ok ? null : nan.error.code).toBe('not-finite');
  });
});

describe('share of a whole (conversion, SLA, abandoned cart, returns)', () => {
  it('is part / whole × 100 and accepts amounts of money (25 of 200 = 12.5 %)', () => {
    expect(sharePercent({ part: 25, whole: 200 })).toEqual({
      ok: true,
      value: 12.5,
      details: { part: 25, whole: 200 },
    });
    const money = sharePercent({ part: 1234.5, whole: 12345 });
    expect(money.ok && money.value).toBeCloseTo(10, 10);
  });

  it('refuses a zero whole, a part above the whole and negatives', () => {
    const zero = sharePercent({ part: 0, whole: 0 });
    expect(zero.ok ? null : zero.error).toMatchObject({ code: 'zero-total', params: { field: 'whole' } });
    const over = sharePercent({ part: 3, whole: 2 });
    expect(over.ok ? null : over.error.code).toBe('exceeds-total');
    const negative = sharePercent({ part: -1, whole: 2 });
    expect(negative.ok ? null : negative.error).toMatchObject({
      code: 'out-of-range',
      params: { field: 'part' },
    });
  });
});

describe('mean (AHT, average check, days between purchases)', () => {
  it('is the arithmetic mean (180, 240, 300 s → 240 s)', () => {
    expect(meanOf([180, 240, 300])).toEqual({ ok: true, value: 240, details: { count: 3, total: 720 } });
  });

  it('refuses an empty list and negative amounts', () => {
    const empty = meanOf([]);
    expect(empty.ok ? null : empty.error.code).toBe('empty');
    const negative = meanOf([10, -5]);
    expect(negative.ok ? null : negative.error.params).toMatchObject({ field: 'values', index: 1, min: 0 });
  });
});
