/*
 * A CommonJS consumer of the packed packages (require() through TypeScript's `import = require`),
 * type-checked and run: a deadline explained, a catalogue procedure defined again on the office's
 * calendar, an engine on the in-memory store receiving a dossier and listing it, an in-memory
 * SQLite store, SMS phone numbers, a notice log and a simulation on a worker thread.
 */
import assert = require('node:assert/strict');
import path = require('node:path');
import memory = require('@motcua/adapters/memory');
import sqlite = require('@motcua/adapters/sqlite');
import core = require('@motcua/core');
import coreSimulation = require('@motcua/core/simulation');
import smsPhone = require('@motcua/notify-sms/phone');
import smsSqlite = require('@motcua/notify-sms/sqlite');
import procedures = require('@motcua/procedures');

async function main(): Promise<void> {
  const calendar = core.vietnamCalendar();
  const why = calendar.explain(new Date('2026-02-12T09:00:00+07:00'), { workingDays: 3 });
  assert.match(why.text, /2026-02-24 17:00/);

  const copies = core.defineProcedure(procedures.copyCertification.definition('2025.1'), { calendar });
  const engine = core.createEngine({
    procedures: [copies],
    calendar,
    agency: 'H56',
    store: new memory.MemoryStore(),
    clock: new core.SimulatedClock('2026-03-02T09:00:00+07:00'),
  });
  const desk = { officerId: 'desk-1', unitId: copies.definition.desk, name: 'Nguyễn Văn An' };
  const received = await engine.receive({
    procedure: copies.code,
    channel: 'in-person',
    actor: desk,
    ...procedures.sampleCopyCertification,
  });
  assert.equal(received.status, 'active');
  const listed = await engine.list({ limit: 10 });
  assert.deepEqual(
    listed.map((s) => s.code),
    [received.code],
  );

  const store = new sqlite.SqliteStore(':memory:');
  await store.migrate();
  await store.close();

  assert.equal(smsPhone.normalizePhone('(+84) 91-234-5678'), '+84912345678');
  const notices = new smsSqlite.SqliteNoticeLog(':memory:');
  await notices.migrate();
  notices.close();

  // The worker entry is loaded by path from the package's dist/, beside the CommonJS build.
  const simulated = await coreSimulation.simulateInWorkers({
    setupModule: path.join(__dirname, '..', 'simulation-setup.cjs'),
    workers: 1,
    start: '2026-03-02',
    days: 2,
    drainDays: 15,
    seed: 7,
    arrivals: { perWorkingDay: 5 },
  });
  assert.ok(simulated.received > 0);

  console.log(`CommonJS consumer: ok (simulated ${simulated.received} dossiers on a worker thread)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
