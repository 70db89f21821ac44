import { describe, expect, it } from 'vitest';
import { metricTree } from '../../shared/metrics';
import { layoutMetricTree } from './treeLayout';

const m = (id: string, drives: string | null) => ({ id, journeyId: 'j', drives });

describe('layoutMetricTree', () => {
  it('puts driven metrics right of their drivers, each driver on its own row', () => {
    const layout = layoutMetricTree(
      metricTree([
        m('ltv', null),
        m('retention', 'ltv'),
        m('csat', 'retention'),
        m('fcr', 'csat'),
        m('aht', 'csat'),
        m('alone', null),
      ]),
    );
    const box = (id: string) => layout.boxes.find((b) => b.id === id)!;
    expect(layout.columns).toBe(4);
    expect(box('ltv').column).toBe(3);
    expect(box('retention').column).toBe(2);
    expect(box('csat').column).toBe(1);
    expect([box('fcr').column, box('aht').column]).toEqual([0, 0]);
    expect(box('fcr').row).not.toBe(box('aht').row);
    expect(box('csat').row).toBe((box('fcr').row + box('aht').row) / 2);
    // A metric without links is not drawn.
    expect(layout.boxes.some((b) => b.id === 'alone')).toBe(false);
    expect(layout.edges).toContainEqual({ from: 'fcr', to: 'csat' });
    expect(layout.edges).toHaveLength(4);
  });
});
