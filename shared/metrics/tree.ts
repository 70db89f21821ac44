/**
 * The metric tree (DOMAIN 2.5): a stage metric points at the metric it drives (FCR → CSAT →
 * retention → LTV). Each metric drives at most one other metric of the same journey, so the
 * links form a forest whose roots are usually financial metrics.
 *
 * Commands refuse a link that would close a loop, but two people can each add half of a loop
 * at the same time; after they sync, the stored links hold a cycle. Every reader therefore goes
 * through {@link effectiveDrives}, which ignores, in each cycle, the link of the metric with the
 * smallest id: a rule that depends only on the stored links, so every replica draws the same tree.
 */

/** What the tree needs to know of a metric. */
export interface DrivesLink {
  id: string;
  journeyId: string;
  /** Id of the metric this one drives, or null. */
  drives: string | null;
}

/**
 * Whether linking `from` → `to` would close a loop, given the current links (`id → drives`):
 * true when `to` is `from` or already drives `from` through any chain.
 */
export function closesLoop(links: ReadonlyMap<string, string | null>, from: string, to: string): boolean {
  const seen = new Set<string>();
  for (let at: string | null | undefined = to; at; at = links.get(at)) {
    if (at === from) return true;
    // A stored loop not through `from` (concurrent edits) must not hang the walk.
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

/**
 * The links readers use: `id → driven id` for every metric whose stored link points at another
 * existing metric of the same journey and does not close a loop (see the file comment).
 */
export function effectiveDrives(metrics: readonly DrivesLink[]): Map<string, string> {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const links = new Map<string, string>();
  for (const m of metrics) {
    const target = m.drives === null ? undefined : byId.get(m.drives);
    if (target && target.id !== m.id && target.journeyId === m.journeyId) links.set(m.id, target.id);
  }
  // Each metric has at most one outgoing link, so each connected part holds at most one cycle:
  // walk from every metric, and when the walk meets a metric of the same walk, that is a cycle.
  const done = new Set<string>();
  for (const start of [...links.keys()].sort()) {
    const walk: string[] = [];
    const onWalk = new Set<string>();
    let at: string | undefined = start;
    while (at !== undefined && !done.has(at) && !onWalk.has(at)) {
      walk.push(at);
      onWalk.add(at);
      at = links.get(at);
    }
    if (at !== undefined && onWalk.has(at)) {
      const cycle = walk.slice(walk.indexOf(at));
      links.delete([...cycle].sort()[0]!);
    }
    for (const id of walk) done.add(id);
  }
  return links;
}

/** One metric of a journey's tree with the metrics that drive it. */
export interface MetricTreeNode {
  id: string;
  children: MetricTreeNode[];
}

/**
 * The journey's metric tree: roots are metrics that drive nothing (in the order given), each
 * with the metrics that drive it as children (in the order given). Metrics with no link at all
 * are roots without children.
 */
export function metricTree(metrics: readonly DrivesLink[]): MetricTreeNode[] {
  const links = effectiveDrives(metrics);
  const children = new Map<string, string[]>();
  for (const m of metrics) {
    const parent = links.get(m.id);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), m.id]);
  }
  const build = (id: string): MetricTreeNode => ({ id, children: (children.get(id) ?? []).map(build) });
  return metrics.filter((m) => !links.has(m.id)).map((m) => build(m.id));
}
