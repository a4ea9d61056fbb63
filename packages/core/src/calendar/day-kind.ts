import type { LocalDate } from './local-date.js';
import type { Session } from './office-hours.js';

/**
 * The status of one day in an office's calendar.
 * - `working` — an ordinary working day (ngày làm việc).
 * - `weekend` — a weekly rest day (ngày nghỉ hằng tuần).
 * - `holiday`, `tet`, `compensatory`, `swap-day-off`, `closure` — a day off, see {@link ScheduleEntryKind}.
 * - `make-up-working-day` — a Saturday or Sunday worked in exchange for a swap day (làm bù).
 */
export type DayKind =
  | 'working'
  | 'weekend'
  | 'holiday'
  | 'tet'
  | 'compensatory'
  | 'swap-day-off'
  | 'make-up-working-day'
  | 'closure';

/** Why a day has its status: the entry or rule that set it. */
export interface DayReason {
  readonly kind: DayKind;
  readonly name: string;
  readonly nameEn?: string | undefined;
  /** The legal document or notice, e.g. `'Thông báo 9441/TB-BNV (16/10/2025)'`. */
  readonly source: string;
  /** `single-source` marks data resting on one source only (provisional). */
  readonly confidence?: 'confirmed' | 'single-source' | undefined;
  /** Id of the schedule the entry came from, when it came from one. */
  readonly scheduleId?: string | undefined;
  readonly note?: string | undefined;
}

/** Everything the calendar knows about one day. */
export interface DayInfo {
  readonly date: LocalDate;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly kind: DayKind;
  readonly working: boolean;
  /** Working sessions of the day (empty on a day off). */
  readonly sessions: readonly Session[];
  /** The holiday, notice or closure behind the status (absent on ordinary days and weekends). */
  readonly reason?: DayReason | undefined;
  /** True when no official yearly notice for this year is loaded: the status is computed. */
  readonly provisional: boolean;
}
