/**
 * Benchmark: the statutory holidays of a year, as the calendar resolves them — date-holidays'
 * fixed-date rules plus its lunar rules through the corrected conversion (`dateHolidaysOf`) —
 * against the baseline of asking date-holidays for the whole year (`getHolidays`, what the
 * calendar did before), and the independent lunar calendar that checks them. Each year is
 * computed once (the calendar caches years), over 100 years no other benchmark touches.
 */
import Holidays from 'date-holidays';
import { dateHolidaysOf } from '../scripts/holiday-table/date-holidays-source.js';
import { LunarCalendar, lunarHolidayDates } from '../src/calendar/lunar/index.js';

const FIRST = 2101;
const LAST = 2200;

function perYearNs(body: (year: number) => void): number {
  const t0 = process.hrtime.bigint();
  for (let y = FIRST; y <= LAST; y++) body(y);
  return Number(process.hrtime.bigint() - t0) / (LAST - FIRST + 1);
}

export function runLunarBench(): { dateHolidaysNs: number; resolvedNs: number; referenceNs: number } {
  // Warm the code paths on other years first (the first calls load data and compile).
  const hd = new Holidays('VN', { types: ['public'] });
  for (let y = 2090; y < 2095; y++) {
    hd.getHolidays(y);
    dateHolidaysOf(y);
    lunarHolidayDates(y, new LunarCalendar(420));
  }
  let sink = 0;
  const dateHolidaysNs = perYearNs((y) => {
    sink += hd.getHolidays(y).length;
  });
  const resolvedNs = perYearNs((y) => {
    sink += dateHolidaysOf(y).length;
  });
  const reference = new LunarCalendar(420);
  const referenceNs = perYearNs((y) => {
    sink += lunarHolidayDates(y, reference).tet;
  });
  if (sink === 0) console.log('(sink)');
  return { dateHolidaysNs, resolvedNs, referenceNs };
}
