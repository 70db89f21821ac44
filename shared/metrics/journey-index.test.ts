import { describe, expect, it } from 'vitest';
import { journeyCxIndex, scoreAgainstTarget } from './journey-index';

const metric = (id: string, kind: string, current: number | null, target: number | null) => ({
  id,
  kind,
  current,
  target,
});

describe('scoreAgainstTarget', () => {
  it('scores higher-is-better, NPS from −100 and lower-is-better metrics against their targets', () => {
    expect(scoreAgainstTarget({ kind: 'csat', current: 60, target: 80 }).score).toBe(75);
    expect(scoreAgainstTarget({ kind: 'csat', current: 90, target: 80 }).score).toBe(100);
    expect(scoreAgainstTarget({ kind: 'nps', current: 0, target: 50 }).score).toBeCloseTo(66.67, 2);
    expect(scoreAgainstTarget({ kind: 'churn', current: 10, target: 5 }).score).toBe(50);
    expect(scoreAgainstTarget({ kind: 'custom', current: 5, target: 10 }).score).toBe(50);
  });

  it('says why a metric cannot be scored', () => {
    expect(scoreAgainstTarget({ kind: 'csat', current: null, target: 80 }).problem).toBe('no-value');
    expect(scoreAgainstTarget({ kind: 'csat', current: 1, target: null }).problem).toBe('no-target');
    expect(scoreAgainstTarget({ kind: 'churn', current: 1, target: 0 }).problem).toBe('invalid-target');
  });
});

describe('journeyCxIndex', () => {
  const metrics = {
    nps: metric('nps', 'nps', 0, 50),
    csat: metric('csat', 'csat', 60, 80),
    fcr: metric('fcr', 'fcr', null, 80),
  };

  it('rolls up weighed metrics and lists those it leaves out with the reason', () => {
    const cx = journeyCxIndex({ csat: 2, nps: 1, fcr: 1, gone: 1 }, metrics, ['nps', 'csat', 'fcr']);
    // (2 × 75 + 1 × 66.67) / 3
    expect(cx.index).toBeCloseTo((2 * 75 + 200 / 3) / 3, 6);
    expect(cx.parts.map((p) => [p.metricId, p.problem])).toEqual([
      ['nps', null],
      ['csat', null],
      ['fcr', 'no-value'],
      ['gone', 'missing'],
    ]);
    expect(cx.parts[1]!.share).toBeCloseTo(2 / 3, 6);
    expect(cx.parts[2]!.share).toBe(0);
  });

  it('changes when a metric’s current value changes', () => {
    const before = journeyCxIndex({ csat: 1, nps: 1 }, metrics).index!;
    const after = journeyCxIndex({ csat: 1, nps: 1 }, { ...metrics, csat: metric('csat', 'csat', 80, 80) })
      .index!;
    expect(after - before).toBeCloseTo(12.5, 6);
  });

  it('has no index without a scorable metric of positive weight', () => {
    expect(journeyCxIndex({}, metrics).index).toBeNull();
    expect(journeyCxIndex({ fcr: 1 }, metrics).index).toBeNull();
    expect(journeyCxIndex({ csat: 0 }, metrics).index).toBeNull();
  });
});
