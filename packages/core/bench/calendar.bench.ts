/**
 * Benchmark: `calendar.dueDate` for 1–60 working days against the baseline a vendor would write —
 * a day-by-day loop asking date-holidays whether each day is a public holiday. Both run in this
 * process, on the same receipt instants; the figures and the ratio are printed.
 */
import Holidays from 'date-holidays';
import { vietnamCalendar } from '../src/index.js';
import { median, timeRounds } from './stats.js';

const DAY = 86_400_000;
const ICT = 7 * 3_600_000;

/** The naive baseline: walk day by day, skip weekends and date-holidays public holidays. */
function naiveDueDate(hd: Holidays, receivedAt: Date, workingDays: number): Date {
  let local = Math.floor((receivedAt.getTime() + ICT) / DAY) * DAY; // local midnight as UTC-shifted ms
  let counted = 0;
  while (counted < workingDays) {
    local += DAY;
    const d = new Date(local - ICT);
    const weekday = new Date(local).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const h = hd.isHoliday(d);
    if (Array.isArray(h) && h.some((x) => x.type === 'public')) continue;
    counted++;
  }
  return new Date(local - ICT + 17 * 3_600_000);
}

export function runCalendarBench(): { fastNs: number; naiveNs: number; ratio: number } {
  const calendar = vietnamCalendar();
  const hd = new Holidays('VN');
  // Receipt instants spread over 2024–2026 working hours; amounts 1..60 working days.
  const receipts: Date[] = [];
  const amounts: number[] = [];
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const from = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 9, 1) - from;
  for (let i = 0; i < 4096; i++) {
    receipts.push(new Date(from + Math.floor(rnd() * span)));
    amounts.push(1 + Math.floor(rnd() * 60));
  }
  const limits = amounts.map((n) => ({ workingDays: n }));
  calendar.dueDate(receipts[0]!, limits[0]!); // build the table outside the timing

  let sink = 0;
  const fastOps = 200_000;
  const fast = timeRounds(
    () => {
      for (let i = 0; i < fastOps; i++)
        sink += calendar.dueDate(receipts[i & 4095]!, limits[i & 4095]!).getTime();
    },
    fastOps,
    15,
  );
  const naiveOps = 40;
  let offset = 0;
  const naive = timeRounds(
    () => {
      for (let i = 0; i < naiveOps; i++) {
        const k = (offset + i) & 4095;
        sink += naiveDueDate(hd, receipts[k]!, amounts[k]!).getTime();
      }
      offset += naiveOps;
    },
    naiveOps,
    7,
    1,
  );
  if (sink === 0) console.log('(sink)');
  const fastNs = median(fast);
  const naiveNs = median(naive);
  return { fastNs, naiveNs, ratio: naiveNs / fastNs };
}
