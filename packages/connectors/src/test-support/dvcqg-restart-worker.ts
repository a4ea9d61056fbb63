/**
 * An engine process for the dvcqg restart test (test helper): the adapters' SqliteStore and the
 * SqliteSyncLog in one file, syncing to the portal simulator of the parent process. It receives a
 * dossier, hands it on twice (versions 1–3), delivers its outbox and dies (SIGKILL) at the first
 * settlement of a delivered item: the portal applied the record and the sync log recorded the
 * acknowledgement, but the outbox item is still pending. It prints the dossier code first.
 * Environment: MOTCUA_DVCQG_DB (file), MOTCUA_DVCQG_URL, MOTCUA_DVCQG_USER, MOTCUA_DVCQG_PASSWORD.
 */
import { openRestartEngine, receiveAndHandOver } from './dvcqg-restart-fixtures.js';

const { engine, clock, store } = await openRestartEngine({
  file: process.env.MOTCUA_DVCQG_DB ?? '',
  portal: {
    url: process.env.MOTCUA_DVCQG_URL ?? '',
    username: process.env.MOTCUA_DVCQG_USER ?? '',
    password: process.env.MOTCUA_DVCQG_PASSWORD ?? '',
  },
  start: '2026-03-02T09:30:00+07:00',
  workerId: `w-${process.pid}`,
});
const code = await receiveAndHandOver(engine, clock);
process.stdout.write(`${code}\n`);
const settle = store.settleOutbox.bind(store);
store.settleOutbox = (id, owner, settlement) => {
  if (settlement.delivered) {
    process.kill(process.pid, 'SIGKILL');
    return new Promise<void>(() => {});
  }
  return settle(id, owner, settlement);
};
await engine.deliverOutbox();
process.stdout.write('finished\n');
