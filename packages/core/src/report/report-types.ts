/** What a report covers and how it groups (báo cáo tình hình giải quyết TTHC). */
export interface ReportQuery {
  /** Start of the period (inclusive), ISO instant. */
  readonly from: string;
  /** End of the period (exclusive), ISO instant. */
  readonly to: string;
  readonly groupBy: 'agency' | 'procedure' | 'channel' | 'none';
}

/** The figures of one group for one period. */
export interface ReportRow {
  /** The agency code, procedure code or channel; `'*'` for `groupBy: 'none'`. */
  readonly group: string;
  /** Received before the period and still open at its start (kỳ trước chuyển qua). */
  readonly carriedOver: number;
  /** Received in the period (mới tiếp nhận), and by channel. */
  readonly received: number;
  readonly receivedByChannel: Readonly<Record<string, number>>;
  /** Returned or refused in the period, classified against the legal due time. */
  readonly resolved: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly refused: number;
  readonly withdrawn: number;
  readonly stopped: number;
  readonly expired: number;
  /** Open at the end of the period: within time / past due. */
  readonly inProgressWithinTime: number;
  readonly inProgressOverdue: number;
  /** early / resolved, etc.; 0 when nothing was resolved. */
  readonly earlyRate: number;
  readonly onTimeRate: number;
  readonly lateRate: number;
  /** (early + on time) / resolved — "tỷ lệ đúng hạn". */
  readonly timelyRate: number;
}

/** Steps closed by one unit in a period. */
export interface UnitReportRow {
  readonly unit: string;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
}
