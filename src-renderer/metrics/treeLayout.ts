import type { MetricTreeNode } from '../../shared/metrics';

/** Where a node of the metric tree picture goes (pure, unit-tested). */
export interface TreeBox {
  id: string;
  /** Column: 0 for the metrics furthest from what they drive; the driven roots are rightmost. */
  column: number;
  row: number;
}

/** A link of the picture, from the driver to the metric it drives. */
export interface TreeEdge {
  from: string;
  to: string;
}

/**
 * Lays out the trees that have links (roots on the right, their drivers to the left, a node's
 * drivers on the rows next to it): one column per level, one row per leaf.
 */
export function layoutMetricTree(trees: readonly MetricTreeNode[]): {
  boxes: TreeBox[];
  edges: TreeEdge[];
  columns: number;
  rows: number;
} {
  const linked = trees.filter((t) => t.children.length > 0);
  const depth = (n: MetricTreeNode): number => 1 + Math.max(0, ...n.children.map(depth));
  const columns = Math.max(0, ...linked.map(depth));
  const boxes: TreeBox[] = [];
  const edges: TreeEdge[] = [];
  let nextRow = 0;
  // Returns the node's row: the middle of its drivers' rows, or a row of its own for a leaf.
  const place = (n: MetricTreeNode, level: number): number => {
    let row: number;
    if (n.children.length === 0) row = nextRow++;
    else {
      const rows = n.children.map((c) => {
        edges.push({ from: c.id, to: n.id });
        return place(c, level + 1);
      });
      row = (rows[0]! + rows.at(-1)!) / 2;
    }
    boxes.push({ id: n.id, column: columns - 1 - level, row });
    return row;
  };
  for (const tree of linked) place(tree, 0);
  return { boxes, edges, columns, rows: nextRow };
}
