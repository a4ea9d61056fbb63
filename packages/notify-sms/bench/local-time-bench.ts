/**
 * Local-time figures for the bench: the wall clock and local-day bounds of an instant in
 * Asia/Ho_Chi_Minh, by cached offsets (the package) against the Intl `formatToParts` call per
 * computation that the package used before (the baseline, re-implemented here).
 */
import { localDayBounds, localParts } from '../src/index.js';

const ZONE = 'Asia/Ho_Chi_Minh';

const intl = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Baseline: one `formatToParts` call (formatter cached) per wall clock. */
function intlParts(instant: Date) {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of intl.formatToParts(instant)) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  return out;
}

function intlOffset(instant: Date): number {
  const p = intlParts(instant);
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) -
    Math.floor(instant.getTime() / 1000) * 1000
  );
}

function intlInstantAt(year: number, month: number, day: number, minutes: number): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  let t = wall - intlOffset(new Date(wall));
  t = wall - intlOffset(new Date(t));
  return new Date(t);
}

/** Baseline local day: 1 + 2 × 2 `formatToParts` calls, as before. */
function intlDayBounds(instant: Date) {
  const p = intlParts(instant);
  return {
    start: intlInstantAt(p.year, p.month, p.day, 0),
    end: intlInstantAt(p.year, p.month, p.day + 1, 0),
  };
}

function perSecond(n: number, body: (i: number) => void): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) body(i);
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Operations per second, best of 3, over instants spread across two years. */
export function localTimeBench() {
  const instants = Array.from(
    { length: 100_000 },
    (_, i) => new Date(Date.UTC(2026, 0, 1) + ((i * 7_919_993) % (730 * 86_400_000))),
  );
  // Same answers first.
  for (const d of instants.slice(0, 2000)) {
    const a = localParts(d, ZONE);
    const b = intlParts(d);
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`localParts differs at ${d.toISOString()}`);
    if (localDayBounds(d, ZONE).start.getTime() !== intlDayBounds(d).start.getTime())
      throw new Error(`localDayBounds differs at ${d.toISOString()}`);
  }
  let sink = 0;
  const n = instants.length;
  const runs = {
    partsOurs: [] as number[],
    partsIntl: [] as number[],
    dayOurs: [] as number[],
    dayIntl: [] as number[],
  };
  for (let round = 0; round < 3; round++) {
    runs.partsIntl.push(perSecond(n, (i) => (sink += intlParts(instants[i]!).hour)));
    runs.partsOurs.push(perSecond(n, (i) => (sink += localParts(instants[i]!, ZONE).hour)));
    runs.dayIntl.push(perSecond(n, (i) => (sink += intlDayBounds(instants[i]!).start.getTime() % 7)));
    runs.dayOurs.push(perSecond(n, (i) => (sink += localDayBounds(instants[i]!, ZONE).start.getTime() % 7)));
  }
  const best = (xs: number[]) => Math.max(...xs);
  return {
    n,
    partsOurs: best(runs.partsOurs),
    partsIntl: best(runs.partsIntl),
    dayOurs: best(runs.dayOurs),
    dayIntl: best(runs.dayIntl),
    sink,
  };
}
