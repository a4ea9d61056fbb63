/**
 * A process racing others for notice claims on one SQLite file (test helper). It claims notices
 * `0 … MOTCUA_SMS_NOTICES-1` in an order of its own, four notices per number under a daily cap
 * of one, and prints the ids it won as JSON. Environment: MOTCUA_SMS_DB (a migrated file),
 * MOTCUA_SMS_WORKER (0, 1, …), MOTCUA_SMS_NOTICES.
 */
import { SqliteNoticeLog } from '../sqlite/sqlite-notice-log.js';
import { sampleNoticeRecord } from '../testing/notice-log-conformance.js';

const log = new SqliteNoticeLog(process.env.MOTCUA_SMS_DB ?? '');
const worker = Number(process.env.MOTCUA_SMS_WORKER ?? 0);
const count = Number(process.env.MOTCUA_SMS_NOTICES ?? 200);
const now = new Date('2026-03-02T03:00:00.000Z');
const dailyCap = {
  limit: 1,
  from: new Date('2026-03-01T17:00:00.000Z'),
  to: new Date('2026-03-02T17:00:00.000Z'),
};
const won: string[] = [];
for (let k = 0; k < count; k++) {
  const i = worker % 2 === 0 ? k : count - 1 - k;
  const record = sampleNoticeRecord({
    id: `notice-${i}`,
    numberRef: `number-${Math.floor(i / 4)}`,
    attempts: 1,
    attemptedAt: now.toISOString(),
    claimedUntil: new Date(now.getTime() + 300_000).toISOString(),
    error: `worker ${worker}`,
  });
  if ((await log.claim(record, { previousAttempts: 0, now, dailyCap })) === 'claimed') won.push(record.id);
}
log.close();
process.stdout.write(`${JSON.stringify(won)}\n`);
