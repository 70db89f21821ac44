import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closesLoop, type DrivesLink, effectiveDrives, metricTree } from './tree';

const m = (id: string, drives: string | null, journeyId = 'j'): DrivesLink => ({ id, journeyId, drives });

describe('closesLoop', () => {
  const links = new Map<string, string | null>([
    ['fcr', 'csat'],
    ['csat', 'retention'],
    ['retention', 'ltv'],
    ['ltv', null],
  ]);

  it('refuses a metric driving itself, directly or through a chain', () => {
    expect(closesLoop(links, 'fcr', 'fcr')).toBe(true);
    expect(closesLoop(links, 'ltv', 'fcr')).toBe(true);
    expect(closesLoop(links, 'retention', 'csat')).toBe(true);
  });

  it('allows links down the chain and to unrelated metrics', () => {
    expect(closesLoop(links, 'fcr', 'ltv')).toBe(false);
    expect(closesLoop(links, 'aht', 'csat')).toBe(false);
  });

  it('stops on a stored loop that does not pass through the new link', () => {
    const looped = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(closesLoop(looped, 'c', 'a')).toBe(false);
  });
});

describe('effectiveDrives', () => {
  it('keeps valid links and drops dangling, self and cross-journey ones', () => {
    const links = effectiveDrives([
      m('fcr', 'csat'),
      m('csat', 'ltv'),
      m('ltv', null),
      m('aht', 'gone'),
      m('self', 'self'),
      m('other', 'ltv', 'j2'),
    ]);
    expect([...links.entries()].sort()).toEqual([
      ['csat', 'ltv'],
      ['fcr', 'csat'],
    ]);
  });

  it('ignores, in a loop made by concurrent edits, the link of the smallest id', () => {
    const links = effectiveDrives([m('b', 'c'), m('c', 'a'), m('a', 'b'), m('d', 'a')]);
    expect(links.has('a')).toBe(false);
    expect(links.get('b')).toBe('c');
    expect(links.get('c')).toBe('a');
    expect(links.get('d')).toBe('a');
  });

  it('never leaves a loop and does not depend on the order of metrics', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom(...ids), { nil: null }), { minLength: 6, maxLength: 6 }),
        fc.nat(),
        (targets, seed) => {
          const metrics = ids.map((id, i) => m(id, targets[i]!));
          const links = effectiveDrives(metrics);
          for (const start of ids) {
            const seen = new Set<string>();
            for (let at: string | undefined = start; at; at = links.get(at)) {
              expect(seen.has(at)).toBe(false);
              seen.add(at);
            }
          }
          const shuffled = [...metrics].sort(
            (x, y) => ((x.id.charCodeAt(0) * seed) % 7) - ((y.id.charCodeAt(0) * seed) % 7),
          );
          expect([...effectiveDrives(shuffled).entries()].sort()).toEqual([...links.entries()].sort());
        },
      ),
    );
  });
});

describe('metricTree', () => {
  it('roots are the metrics that drive nothing, children the metrics that drive them', () => {
    const tree = metricTree([
      m('ltv', null),
      m('retention', 'ltv'),
      m('csat', 'retention'),
      m('fcr', 'csat'),
      m('aht', 'csat'),
      m('nps', null),
    ]);
    expect(tree).toEqual([
      {
        id: 'ltv',
        children: [
          {
            id: 'retention',
            children: [
              {
                id: 'csat',
                children: [
                  { id: 'fcr', children: [] },
                  { id: 'aht', children: [] },
                ],
              },
            ],
          },
        ],
      },
      { id: 'nps', children: [] },
    ]);
  });
});
