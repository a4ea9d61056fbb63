import {
  type ClaimOptions,
  type ClaimOutcome,
  checkedNoticeRecord,
  claimVerdict,
  type NoticeLog,
  type NoticeLogQuery,
  type NoticeRecord,
  type NoticeRowState,
  sameRowState,
  type UpdateOutcome,
} from './notice-log.js';

/** First index of `sorted` whose value is `>= value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One number's notices: acceptance times, sorted, and the notices being sent. */
interface NumberIndex {
  readonly sentTimes: number[];
  readonly claimed: Set<string>;
}

/**
 * The in-memory {@link NoticeLog}: rows are checked against the schema on every write and indexed
 * by part message id and by number (acceptance times kept sorted, so the daily cap is counted by
 * binary search whatever the number's history). A claim is atomic within the process. For tests,
 * demos and single-process use: it forgets everything on restart.
 *
 * @example
 * ```ts
 * import { createDevelopmentProvider, MemoryNoticeLog, smsNotices } from '@motcua/notify-sms';
 * const noticeLog = new MemoryNoticeLog(); // the default: forgets every notice on restart
 * const sms = smsNotices({ provider: createDevelopmentProvider(), noticeLog });
 * ```
 */
export class MemoryNoticeLog implements NoticeLog {
  private readonly rows = new Map<string, NoticeRecord>();
  private readonly byMessageId = new Map<string, string>();
  private readonly byBareMessageId = new Map<string, string>();
  private readonly byNumber = new Map<string, NumberIndex>();

  async get(id: string): Promise<NoticeRecord | undefined> {
    return this.rows.get(id);
  }

  async put(record: NoticeRecord): Promise<void> {
    this.write(checkedNoticeRecord(record));
  }

  async update(record: NoticeRecord, expected: NoticeRowState): Promise<UpdateOutcome> {
    const row = checkedNoticeRecord(record);
    if (!sameRowState(this.rows.get(row.id), expected)) return 'changed';
    this.write(row);
    return 'updated';
  }

  async claim(record: NoticeRecord, options: ClaimOptions): Promise<ClaimOutcome> {
    const row = checkedNoticeRecord(record);
    const refused = claimVerdict(this.rows.get(row.id), options.previousAttempts, options.now);
    if (refused) return refused;
    const cap = options.dailyCap;
    if (cap && this.used(row.numberRef, row.id, cap.from, cap.to, options.now) >= cap.limit) {
      return 'daily-cap';
    }
    this.write(row);
    return 'claimed';
  }

  async findByProviderMessageId(messageId: string, provider?: string): Promise<NoticeRecord | undefined> {
    const id =
      provider === undefined
        ? this.byBareMessageId.get(messageId)
        : this.byMessageId.get(`${provider}\u0000${messageId}`);
    return id === undefined ? undefined : this.rows.get(id);
  }

  async countSent(numberRef: string, from: Date, to: Date): Promise<number> {
    const times = this.byNumber.get(numberRef)?.sentTimes;
    if (!times) return 0;
    return lowerBound(times, to.getTime()) - lowerBound(times, from.getTime());
  }

  async list(query: NoticeLogQuery = {}): Promise<NoticeRecord[]> {
    return [...this.rows.values()]
      .filter((r) => (!query.code || r.code === query.code) && (!query.status || r.status === query.status))
      .sort(
        (a, b) =>
          Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
  }

  /** Notices to the number accepted in `[from, to)`, plus the others being sent at `now`. */
  private used(numberRef: string, id: string, from: Date, to: Date, now: Date): number {
    const index = this.byNumber.get(numberRef);
    if (!index) return 0;
    let n = lowerBound(index.sentTimes, to.getTime()) - lowerBound(index.sentTimes, from.getTime());
    for (const other of index.claimed) {
      const until = this.rows.get(other)?.claimedUntil;
      if (other !== id && until && Date.parse(until) > now.getTime()) n++;
    }
    return n;
  }

  private write(row: NoticeRecord): void {
    const before = this.rows.get(row.id);
    this.rows.set(row.id, row);
    for (const part of row.parts) {
      if (!part.messageId) continue;
      this.byMessageId.set(`${row.provider}\u0000${part.messageId}`, row.id);
      this.byBareMessageId.set(part.messageId, row.id);
    }
    // A receipt or a note leaves the acceptance time as it was: nothing to move in the index.
    const sameTime = before?.numberRef === row.numberRef && before.sentAt === row.sentAt;
    if (before) this.unindexNumber(before, !sameTime);
    let index = this.byNumber.get(row.numberRef);
    if (!index) {
      index = { sentTimes: [], claimed: new Set() };
      this.byNumber.set(row.numberRef, index);
    }
    if (row.sentAt !== null && !sameTime) {
      const t = Date.parse(row.sentAt);
      const times = index.sentTimes;
      // Acceptance times mostly arrive in order: appending is the common case.
      if (times.length === 0 || times[times.length - 1]! <= t) times.push(t);
      else times.splice(lowerBound(times, t), 0, t);
    }
    if (row.sentAt === null && row.claimedUntil !== null) index.claimed.add(row.id);
  }

  private unindexNumber(row: NoticeRecord, sentTime: boolean): void {
    const index = this.byNumber.get(row.numberRef);
    if (!index) return;
    index.claimed.delete(row.id);
    if (sentTime && row.sentAt !== null) {
      const t = Date.parse(row.sentAt);
      const at = lowerBound(index.sentTimes, t);
      if (index.sentTimes[at] === t) index.sentTimes.splice(at, 1);
    }
  }
}
