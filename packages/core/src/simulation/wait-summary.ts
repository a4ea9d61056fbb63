/** What a list of waits (minutes) comes to, read once from the sorted waits. */
export interface WaitSummary {
  readonly count: number;
  readonly mean: number;
  /** The 90th percentile: the wait at rank ⌈0.9 n⌉ (nearest rank). */
  readonly p90: number;
  readonly max: number;
  /** Waits of at most `within` minutes. */
  readonly within: number;
  /** Waits above zero. */
  readonly waited: number;
}

/**
 * The mean, 90th percentile and maximum of `waits`, and how many are within `within` minutes and
 * above zero (all 0 for no waits): the desk queue's visitors and the processing units' steps alike.
 */
export function waitSummary(waits: readonly number[], within = Number.POSITIVE_INFINITY): WaitSummary {
  const w = Float64Array.from(waits).sort();
  const n = w.length;
  let sum = 0;
  let inside = 0;
  let waited = 0;
  // Summed in ascending order (the figures do not depend on the order the waits came in).
  for (let i = 0; i < n; i++) {
    const x = w[i]!;
    sum += x;
    if (x <= within) inside++;
    if (x > 0) waited++;
  }
  return {
    count: n,
    mean: n ? sum / n : 0,
    p90: n ? w[Math.min(n - 1, Math.ceil(0.9 * n) - 1)]! : 0,
    max: n ? w[n - 1]! : 0,
    within: inside,
    waited,
  };
}
