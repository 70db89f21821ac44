/** A metric's name as frames list it: its own name, else its kind in capitals (NPS, FCR). */
export function metricName(metric: { name: string; kind: string }): string {
  return metric.name.trim() || metric.kind.toUpperCase();
}
