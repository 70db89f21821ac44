import { describe, expect, it } from 'vitest';
import { metricStatus, statusTolerance } from './status';

describe('metric status against target', () => {
  it('higher is better: met at or above, close within 10 % (at least 5 % of the scale), off beyond', () => {
    expect(metricStatus('nps', 45, 45)).toBe('met');
    expect(metricStatus('nps', 60, 45)).toBe('met');
    // NPS scale −100..100: the band is max(4.5, 10) = 10 points.
    expect(statusTolerance('nps', 45)).toBe(10);
    expect(metricStatus('nps', 35, 45)).toBe('close');
    expect(metricStatus('nps', 34, 45)).toBe('off');
    // LTV has no bounded scale: 10 % of the target.
    expect(metricStatus('ltv', 90_000, 100_000)).toBe('close');
    expect(metricStatus('ltv', 25_000, 100_000)).toBe('off');
  });

  it('lower is better: met at or below, close just above, off far above', () => {
    expect(metricStatus('churn', 5, 8)).toBe('met');
    expect(metricStatus('churn', 8, 8)).toBe('met');
    expect(metricStatus('churn', 12, 8)).toBe('close'); // band: max(0.8, 5 points of 0..100)
    expect(metricStatus('churn', 14, 8)).toBe('off');
    expect(metricStatus('aht', 330, 300)).toBe('close');
    expect(metricStatus('aht', 331, 300)).toBe('off');
  });

  it('a target of 0 still has a band on a bounded scale', () => {
    expect(metricStatus('returns', 0, 0)).toBe('met');
    expect(metricStatus('returns', 4, 0)).toBe('close');
    expect(metricStatus('returns', 6, 0)).toBe('off');
  });

  it('custom metrics read as higher-is-better; missing values give unknown', () => {
    expect(metricStatus('custom', 10, 8)).toBe('met');
    expect(metricStatus('custom', 1, 8)).toBe('off');
    expect(metricStatus('nps', null, 45)).toBe('unknown');
    expect(metricStatus('nps', 45, null)).toBe('unknown');
    expect(metricStatus('nps', Number.NaN, 45)).toBe('unknown');
  });
});
