import { describe, expect, it } from 'vitest';
import {
  isMetricKind,
  METRIC_CATALOGUE,
  METRIC_KINDS,
  type MetricCalculator,
  metricKindInfo,
  metricKindSchema,
  metricKindsIn,
} from './catalogue';
import { ltv } from './ltv';
import { churnRate, contactRate, fcr, meanOf, retentionRate, sharePercent } from './operational';
import { ces, cli, csatFromAnswers, csi, npsFromAnswers } from './survey';

describe('metric catalogue', () => {
  it("holds every kind once, in the talk's three categories as DOMAIN.md 2.5 lists them", () => {
    expect(METRIC_CATALOGUE.map((m) => m.kind)).toEqual([...METRIC_KINDS]);
    expect(metricKindsIn('subjective')).toEqual(['nps', 'csi', 'csat', 'cli', 'ces']);
    expect(metricKindsIn('operational')).toEqual([
      'contact-rate',
      'conversion',
      'fcr',
      'aht',
      'sla',
      'abandoned-cart',
      'returns',
    ]);
    expect(metricKindsIn('financial')).toEqual([
      'retention',
      'churn',
      'ltv',
      'average-check',
      'purchase-interval',
      'cost-to-serve',
    ]);
  });

  it('states direction, source and normalisation origin as the CX index needs them', () => {
    const lower = METRIC_CATALOGUE.filter((m) => m.direction === 'lower').map((m) => m.kind);
    expect(lower).toEqual([
      'ces',
      'contact-rate',
      'aht',
      'abandoned-cart',
      'returns',
      'churn',
      'purchase-interval',
      'cost-to-serve',
    ]);
    expect(metricKindInfo('custom')?.direction).toBeNull();
    for (const m of METRIC_CATALOGUE) {
      if (m.kind === 'custom') continue;
      expect(m.source).toBe(m.category === 'subjective' ? 'customer' : 'company');
      expect(m.normalisationOrigin).toBe(m.kind === 'nps' ? -100 : 0);
    }
    expect(metricKindInfo('nps')).toMatchObject({ unit: 'points', typicalRange: { min: -100, max: 100 } });
    expect(metricKindInfo('aht')).toMatchObject({ unit: 'seconds', calculator: 'mean' });
  });

  it('names only calculators that exist, and each computes a value in its kind’s typical range', () => {
    // One realistic raw input per calculator; the result must fall in the typical range of every kind using it.
    const run: Record<MetricCalculator, () => { ok: boolean; value?: number }> = {
      nps: () => npsFromAnswers([10, 9, 3]),
      csat: () => csatFromAnswers([5, 4, 2]),
      csi: () => csi([{ importance: 8, satisfaction: 7 }]),
      ces: () => ces([2, 3], { min: 1, max: 7 }),
      cli: () => cli([{ recommend: 8, buyAgain: 9, buyOther: 4 }]),
      fcr: () => fcr({ resolvedAtFirstContact: 7, requests: 10 }),
      'contact-rate': () => contactRate({ contacts: 30, activeCustomers: 100 }),
      churn: () => churnRate({ customersAtStart: 100, customersLost: 8 }),
      retention: () => retentionRate({ customersAtStart: 100, customersLost: 8 }),
      ltv: () =>
        ltv({ acquisitionCost: 10, margin: 50, cost: 20, retention: 0.8, discountRate: 0.1, periods: 3 }),
      share: () => sharePercent({ part: 3, whole: 40 }),
      mean: () => meanOf([120, 200]),
    };
    for (const m of METRIC_CATALOGUE) {
      if (!m.calculator) continue;
      const r = run[m.calculator]();
      expect(r.ok, m.kind).toBe(true);
      const value = r.value as number;
      const range = m.typicalRange;
      if (range?.min != null) expect(value, m.kind).toBeGreaterThanOrEqual(range.min);
      if (range?.max != null) expect(value, m.kind).toBeLessThanOrEqual(range.max);
    }
    expect(METRIC_CATALOGUE.filter((m) => !m.calculator).map((m) => m.kind)).toEqual([
      'cost-to-serve',
      'custom',
    ]);
  });

  it('recognises kind keys and validates them with zod', () => {
    expect(isMetricKind('fcr')).toBe(true);
    expect(isMetricKind('FCR')).toBe(false);
    expect(isMetricKind(7)).toBe(false);
    expect(metricKindInfo('happiness')).toBeUndefined();
    expect(metricKindSchema.parse('ltv')).toBe('ltv');
    expect(metricKindSchema.safeParse('happiness').success).toBe(false);
  });
});
