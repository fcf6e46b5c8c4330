/** Percentile by nearest rank over an unsorted sample (copied, not mutated). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Formats the one line every benchmark prints. */
export function benchLine(name: string, fields: Record<string, string | number>): string {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${v}`);
  return `BENCH ${name} ${parts.join(' ')}`;
}
