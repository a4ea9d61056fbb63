/*
 * A CommonJS consumer of the packed packages (require() through TypeScript's `import = require`),
 * type-checked and run: a deadline explained, a catalogue procedure defined again on the office's
 * calendar, an engine on the in-memory store receiving and handing over a dossier, an in-memory
 * SQLite store, SMS phone numbers and a notice log.
 */
import assert = require('node:assert/strict');
import memory = require('@motcua/adapters/memory');
import sqlite = require('@motcua/adapters/sqlite');
import core = require('@motcua/core');
import sms = require('@motcua/notify-sms');
import smsSqlite = require('@motcua/notify-sms/sqlite');
import procedures = require('@motcua/procedures');

async function main(): Promise<void> {
  const calendar = core.vietnamCalendar();
  const why = calendar.explain(new Date('2026-02-12T09:00:00+07:00'), { workingDays: 3 });
  assert.match(why.text, /2026-02-24 17:00/);

  const copies = core.defineProcedure(procedures.copyCertificationDefinition2025, { calendar });
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

  assert.equal(sms.normalizePhone('(+84) 91-234-5678'), '+84912345678');
  const notices = new smsSqlite.SqliteNoticeLog(':memory:');
  await notices.migrate();
  notices.close();

  console.log('CommonJS consumer: ok');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
