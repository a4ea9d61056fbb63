/**
 * Results do not depend on the process's time zone: the same script, run by `node` (through tsx)
 * under several TZ values, prints the same due dates, days and explanation.
 * Node caches the process time zone, so each TZ gets its own child process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../index.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const ENTRY = pathToFileURL(fileURLToPath(new URL('../index.ts', import.meta.url))).href;

const SCRIPT = `
import { vietnamCalendar } from ${JSON.stringify(ENTRY)};

const c = vietnamCalendar();
const at = (iso: string) => new Date(iso);
const due = (iso: string, limit: Parameters<typeof c.dueDate>[1]) => c.dueDate(at(iso), limit).toISOString();
const offDays = (year: number) =>
  c.days(year + '-01-01', year + '-12-31').filter((d) => !d.working && d.kind !== 'weekend').map((d) => d.date + ' ' + d.kind);

console.log(JSON.stringify({
  processOffsetMinutes: new Date('2026-07-01T00:00:00Z').getTimezoneOffset(),
  due: [
    due('2026-02-13T09:00:00+07:00', { workingDays: 3 }),
    due('2025-01-24T10:00:00+07:00', { workingDays: 1 }),
    due('2026-08-28T10:00:00+07:00', { workingDays: 0.5, counting: 'elapsed' }),
    due('2026-08-28T10:00:00+07:00', { workingHours: 8 }),
    due('2026-08-28T15:30:00+07:00', { sameDay: true }),
    due('2024-04-26T09:00:00+07:00', { calendarDays: 8 }),
    due('2026-02-13T16:00:00+07:00', { workingDays: 1, cutoff: '15:00' }),
    due('2026-12-31T23:30:00+07:00', { workingDays: 1 }),
    due('2027-02-03T10:00:00+07:00', { workingDays: 2 }),
  ],
  localDates: [c.localDate(at('2026-02-13T16:59:59Z')), c.localDate(at('2026-02-13T17:00:00Z'))],
  startOfDay: c.startOfDay('2026-02-13').toISOString(),
  isWorkingDay: [c.isWorkingDay(at('2026-02-15T17:30:00Z')), c.isWorkingDay(at('2026-01-09T17:30:00Z'))],
  offDays: [2024, 2025, 2026, 2027, 2028].map(offDays),
  explain: c.explain(at('2026-02-13T09:00:00+07:00'), { workingDays: 3 }).text,
}));
`;

type Output = {
  processOffsetMinutes: number;
  due: string[];
  localDates: string[];
  startOfDay: string;
  isWorkingDay: boolean[];
  offDays: string[][];
  explain: string;
};

const ZONES = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati'];
const outputs = new Map<string, Output>();
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-tz-'));
  const script = join(dir, 'probe.mts');
  writeFileSync(script, SCRIPT);
  await Promise.all(
    ZONES.map(async (tz) => {
      const { stdout } = await run(TSX, [script], { cwd: ROOT, env: { ...process.env, TZ: tz } });
      outputs.set(tz, JSON.parse(stdout) as Output);
    }),
  );
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('results do not depend on the process time zone', () => {
  it('each child really ran in its own time zone', () => {
    expect(outputs.get('UTC')!.processOffsetMinutes).toBe(0);
    expect(outputs.get('America/New_York')!.processOffsetMinutes).toBe(240); // EDT in July
    expect(outputs.get('Asia/Tokyo')!.processOffsetMinutes).toBe(-540);
    expect(outputs.get('Pacific/Kiritimati')!.processOffsetMinutes).toBe(-840);
  });

  it.each(ZONES)('TZ=%s prints the expected due dates', (tz) => {
    const out = outputs.get(tz)!;
    expect(out.due.map((iso) => new Date(iso))).toEqual([
      new Date('2026-02-25T17:00:00+07:00'),
      new Date('2025-02-03T17:00:00+07:00'),
      new Date('2026-08-28T15:30:00+07:00'),
      new Date('2026-09-03T10:00:00+07:00'),
      new Date('2026-09-03T17:00:00+07:00'),
      new Date('2024-05-04T17:00:00+07:00'),
      new Date('2026-02-24T17:00:00+07:00'),
      new Date('2027-01-04T17:00:00+07:00'), // received Thu 31/12 late; Fri 01/01/2027 off, then a weekend
      new Date('2027-02-12T17:00:00+07:00'), // computed 2027 Tết block and days in lieu
    ]);
    expect(out.localDates).toEqual(['2026-02-13', '2026-02-14']);
    expect(new Date(out.startOfDay)).toEqual(new Date('2026-02-13T00:00:00+07:00'));
    expect(out.isWorkingDay).toEqual([false, true]);
  });

  it.each(ZONES.filter((tz) => tz !== 'UTC'))('TZ=%s prints exactly what TZ=UTC prints', (tz) => {
    const { processOffsetMinutes: _a, ...utc } = outputs.get('UTC')!;
    const { processOffsetMinutes: _b, ...other } = outputs.get(tz)!;
    expect(other).toEqual(utc);
  });

  it('the children agree with this process', () => {
    const c = vietnamCalendar();
    const utc = outputs.get('UTC')!;
    expect(utc.explain).toBe(c.explain(new Date('2026-02-13T09:00:00+07:00'), { workingDays: 3 }).text);
    const off2027 = c
      .days('2027-01-01', '2027-12-31')
      .filter((d) => !d.working && d.kind !== 'weekend')
      .map((d) => `${d.date} ${d.kind}`);
    expect(utc.offDays[3]).toEqual(off2027);
  });
});

describe('the office time zone is an option, independent of the process', () => {
  it('a calendar in Asia/Tokyo counts in Tokyo wall-clock time', () => {
    const tokyo = vietnamCalendar({ timeZone: 'Asia/Tokyo' });
    expect(tokyo.timeZone).toBe('Asia/Tokyo');
    expect(tokyo.dueDate(new Date('2026-02-13T09:00:00+09:00'), { workingDays: 3 })).toEqual(
      new Date('2026-02-25T17:00:00+09:00'),
    );
    expect(tokyo.localDate(new Date('2026-02-13T15:30:00Z'))).toBe('2026-02-14');
    expect(tokyo.format(new Date('2026-02-13T00:00:00Z'))).toBe('2026-02-13 09:00');
  });

  it('the default zone is Asia/Ho_Chi_Minh', () => {
    expect(vietnamCalendar().timeZone).toBe('Asia/Ho_Chi_Minh');
  });
});
