/**
 * An engine process for the restart tests (test helper): an engine on a SQLite file (the adapters'
 * SqliteStore) with the sms plugin, its notice log in the same file, sending through the loopback
 * HTTP gateway. It receives one dossier and delivers its receipt SMS, then dies (SIGKILL) where
 * MOTCUA_SMS_CRASH says:
 * - `before-settle`: the gateway accepted the SMS and the notice log recorded it, but the outbox
 *   item was not yet settled;
 * - `mid-send`: never by itself — the test kills it while the gateway holds the request.
 * Environment: MOTCUA_SMS_DB (file), MOTCUA_SMS_GATEWAY (URL), MOTCUA_SMS_CRASH.
 */
import { SqliteStore } from '@motcua/adapters/sqlite';
import { SimulatedClock } from '@motcua/core';
import { sampleEngine } from '@motcua/core/testing';
import { smsNotices } from '../delivery/sms-notices.js';
import { createHttpProvider } from '../providers/http.js';
import { SqliteNoticeLog } from '../sqlite/sqlite-notice-log.js';
import { RESTART_NUMBER_KEY, RESTART_TEMPLATES, restartReceipt } from './restart-fixtures.js';

const file = process.env.MOTCUA_SMS_DB ?? '';
const store = new SqliteStore(file);
await store.migrate();
const noticeLog = new SqliteNoticeLog(file);
await noticeLog.migrate();
const clock = new SimulatedClock('2026-03-02T08:00:00+07:00');
const plugin = smsNotices({
  provider: createHttpProvider({ url: process.env.MOTCUA_SMS_GATEWAY ?? '', timeoutMs: 60_000, retries: 0 }),
  noticeLog,
  numberKey: RESTART_NUMBER_KEY,
  templates: RESTART_TEMPLATES,
  clock,
});
const { engine } = sampleEngine(store, { plugins: [plugin], workerId: `w-${process.pid}`, clock });
await engine.receive(restartReceipt);
if (process.env.MOTCUA_SMS_CRASH === 'before-settle') {
  store.settleOutbox = () => {
    process.kill(process.pid, 'SIGKILL');
    return new Promise<void>(() => {});
  };
}
process.stdout.write('delivering\n');
await engine.deliverOutbox();
process.stdout.write('finished\n');
