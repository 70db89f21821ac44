import { describe, expect, it } from 'vitest';
import { hintsFor, METRIC_HINT_CODES } from './hints';

const codes = (subjects: Parameters<typeof hintsFor>[0]) => hintsFor(subjects).map((h) => h.code);

describe('practitioner hints', () => {
  it('asks for a metric first when a stage has none', () => {
    expect(hintsFor([])).toEqual([{ code: 'metric-first', metrics: [] }]);
  });

  it('warns that NPS alone says little, until another customer-opinion metric joins it', () => {
    expect(hintsFor(['nps'])).toEqual([
      { code: 'nps-alone', metrics: ['nps'] },
      { code: 'link-to-money', metrics: [] },
      { code: 'what-task-does-it-solve', metrics: [] },
    ]);
    expect(codes(['nps', 'ces'])).not.toContain('nps-alone');
    expect(codes(['nps', { kind: 'custom', category: 'subjective' }])).not.toContain('nps-alone');
  });

  it('flags a company KPI such as FCR with no customer-measured metric beside it', () => {
    expect(hintsFor(['fcr', 'aht', 'fcr'])[0]).toEqual({
      code: 'company-vs-customer-kpi',
      metrics: ['fcr', 'aht'],
    });
    expect(codes(['fcr', 'csat'])).not.toContain('company-vs-customer-kpi');
    // The stored metric's own source wins over the catalogue default.
    expect(codes([{ kind: 'fcr', source: 'customer' }])).not.toContain('company-vs-customer-kpi');
  });

  it('asks to link to money without a financial metric, and recalls the LTV lesson with one', () => {
    expect(codes(['csat', 'ltv'])).toEqual(['retention-beats-cost-cuts', 'what-task-does-it-solve']);
    expect(hintsFor(['cost-to-serve', 'ltv', 'retention'])[0]).toEqual({
      code: 'retention-beats-cost-cuts',
      metrics: ['cost-to-serve', 'ltv'],
    });
    expect(codes(['csat', { kind: 'custom', category: 'financial' }])).not.toContain('link-to-money');
  });

  it('always ends with "what task does it solve", treating unknown kinds as custom metrics', () => {
    expect(codes(['my-own'])).toEqual(['link-to-money', 'what-task-does-it-solve']);
    const all = codes(['nps', 'fcr', 'ltv']);
    expect(all.at(-1)).toBe('what-task-does-it-solve');
    // Hints come in the documented order.
    expect(all).toEqual(METRIC_HINT_CODES.filter((c) => all.includes(c)));
  });
});
