import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRIC_KINDS } from './catalogue';
import { type CxIndexComponent, cxIndex, normaliseToTarget } from './cx-index';

const garbage = <T>(x: unknown) => x as T;

describe('CX index', () => {
  it('rolls up normalised scores by weight (hand-checked: 77.5)', () => {
    // NPS 20 vs target 50, read on 0..200: 120 / 150 = 80.
    // Churn 10 % vs target 5 % (lower is better): 5 / 10 = 50.
    // CSAT 90 vs target 80: beats the target, capped at 100.
    // Weights 2, 1, 1: (2·80 + 50 + 100) / 4 = 77.5.
    const r = cxIndex([
      { kind: 'nps', value: 20, target: 50, weight: 2 },
      { kind: 'churn', value: 10, target: 5, weight: 1 },
      { kind: 'csat', value: 90, target: 80, weight: 1 },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBeCloseTo(77.5, 10);
    expect(r.details.totalWeight).toBe(4);
    expect(r.details.components.map((c) => [c.kind, c.direction, c.score, c.share])).toEqual([
      ['nps', 'higher', 80, 0.5],
      ['churn', 'lower', 50, 0.25],
      ['csat', 'higher', 100, 0.25],
    ]);
  });

  it('scores values at the bottom of their range as 0 and values meeting a lower-is-better target as 100', () => {
    expect(normaliseToTarget(-100, 30, 'higher', -100)).toBe(0);
    expect(normaliseToTarget(-50_000, 20_000, 'higher', 0)).toBe(0); // a negative LTV
    expect(normaliseToTarget(120, 180, 'lower', 0)).toBe(100); // AHT 120 s under a 180 s target
    expect(normaliseToTarget(360, 180, 'lower', 0)).toBe(50);
  });

  it('lets the team override the direction and requires one for a custom metric', () => {
    // A CES asked with 7 = easiest: higher is better.
    const flipped = cxIndex([{ kind: 'ces', value: 6, target: 6, weight: 1, direction: 'higher' }]);
    expect(flipped.ok && flipped.value).toBe(100);
    const custom = cxIndex([{ kind: 'custom', value: 3, target: 4, weight: 1, direction: 'higher' }]);
    expect(custom.ok && custom.value).toBe(75);
    const undirected = cxIndex([{ kind: 'custom', value: 3, target: 4, weight: 1 }]);
    expect(undirected.ok ? null : undirected.error).toMatchObject({
      code: 'direction-required',
      params: { field: 'components', index: 0, property: 'direction' },
    });
  });

  it('ignores components of zero weight', () => {
    const r = cxIndex([
      { kind: 'fcr', value: 40, target: 80, weight: 1 },
      { kind: 'churn', value: 90, target: 5, weight: 0 },
    ]);
    expect(r.ok && r.value).toBe(50);
  });

  it.each<[string, CxIndexComponent[], string, Record<string, unknown>]>([
    ['no components', [], 'empty', { field: 'components' }],
    [
      'an unknown kind',
      [{ kind: 'happiness', value: 1, target: 1, weight: 1 }],
      'unknown-kind',
      { received: 'happiness' },
    ],
    [
      'a negative weight',
      [{ kind: 'fcr', value: 1, target: 1, weight: -1 }],
      'out-of-range',
      { property: 'weight', min: 0 },
    ],
    [
      'all weights zero',
      [{ kind: 'fcr', value: 1, target: 1, weight: 0 }],
      'zero-total',
      { property: 'weight' },
    ],
    [
      'a zero churn target',
      [{ kind: 'churn', value: 3, target: 0, weight: 1 }],
      'invalid-target',
      { received: '0' },
    ],
    [
      'an NPS target of −100',
      [{ kind: 'nps', value: 3, target: -100, weight: 1 }],
      'invalid-target',
      { index: 0 },
    ],
    [
      'a NaN value',
      [{ kind: 'fcr', value: Number.NaN, target: 80, weight: 1 }],
      'not-finite',
      { property: 'value' },
    ],
    [
      'an unknown direction',
      [{ kind: 'fcr', value: 1, target: 1, weight: 1, direction: garbage('sideways') }],
      'invalid-type',
      { property: 'direction', received: 'sideways' },
    ],
    ['a non-object component', [garbage(5)], 'invalid-type', { index: 0, received: 'number' }],
  ])('refuses %s', (_name, components, code, params) => {
    const r = cxIndex(components);
    expect(r.ok ? null : r.error.code).toBe(code);
    expect(r.ok ? null : r.error.params).toMatchObject(params);
  });

  it('property: the index always lies within 0..100', () => {
    const kinds = METRIC_KINDS.filter((k) => k !== 'custom');
    const component = fc.record({
      kind: fc.constantFrom(...kinds),
      value: fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      target: fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
      weight: fc.double({ min: 0, max: 1e300, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 12 }), (components) => {
        const r = cxIndex(components);
        if (!r.ok) return r.error.code === 'zero-total' && components.every((c) => c.weight === 0);
        return (
          r.value >= 0 && r.value <= 100 && r.details.components.every((c) => c.score >= 0 && c.score <= 100)
        );
      }),
    );
  });
});
