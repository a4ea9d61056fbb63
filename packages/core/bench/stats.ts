/** Small helpers shared by the benchmarks: timing loops and medians. */

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `body` (which performs `opsPerRound` operations) `rounds` times after `warmup` rounds and
 * returns the nanoseconds per operation of each round.
 */
export function timeRounds(body: () => void, opsPerRound: number, rounds: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) body();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    body();
    out.push(Number(process.hrtime.bigint() - t0) / opsPerRound);
  }
  return out;
}

/** Formats nanoseconds with a sensible unit. */
export function formatNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}
