/*
 * An ES module consumer of the packed packages, type-checked (TypeScript's nodenext resolution,
 * with every library .d.ts checked) and run: a deadline on the national calendar, a procedure
 * defined from the testing kit's sample, an engine on an in-memory SQLite store, the catalogue, an
 * SMS phone number and notice log, the NATS liaison's naming, the PostgreSQL adapter's DDL and a
 * simulation on a worker thread (its entry is a file of dist/ loaded by path).
 */
import assert from 'node:assert/strict';
import { postgresMigrations } from '@motcua/adapters/postgres';
import { SqliteStore } from '@motcua/adapters/sqlite';
import { createEngine, defineProcedure, SimulatedClock, vietnamCalendar } from '@motcua/core';
import { agencyToken } from '@motcua/core/liaison-nats';
import { simulateInWorkers } from '@motcua/core/simulation';
import { sampleActors, sampleReceipt, sampleResidenceDefinition } from '@motcua/core/testing';
import { maskPhone, normalizePhone } from '@motcua/notify-sms/phone';
import { PostgresNoticeLog } from '@motcua/notify-sms/postgres';
import { SqliteNoticeLog } from '@motcua/notify-sms/sqlite';
import { CATALOGUE_CODES, createCatalogue } from '@motcua/procedures';

const calendar = vietnamCalendar();
// Tết 16–20/02/2026 skipped.
assert.equal(
  calendar.format(calendar.dueDate(new Date('2026-02-12T09:00:00+07:00'), { workingDays: 3 })),
  '2026-02-24 17:00',
);

const residence = defineProcedure(sampleResidenceDefinition, { calendar });
const store = new SqliteStore(':memory:');
await store.migrate();
const engine = createEngine({
  procedures: [residence],
  calendar,
  agency: 'H56',
  store,
  clock: new SimulatedClock('2026-03-02T09:00:00+07:00'),
});
const received = await engine.receive({
  procedure: residence.code,
  channel: 'in-person',
  actor: sampleActors.desk,
  ...sampleReceipt,
});
// 7 working days, the day of receipt not counted: Tue 03/03 … Wed 11/03.
assert.equal(calendar.format(new Date(received.context.due.legal)), '2026-03-11 17:00');
const handedOver = await engine.send(received.code, { type: 'HAND_OVER', actor: sampleActors.desk });
assert.equal(handedOver.version, received.version + 1);
const progress = await engine.lookup(received.code, received.context.secret);
assert.equal(progress.code, received.code);
await store.close();

const catalogue = createCatalogue({ calendar });
assert.equal(
  catalogue.inForce(CATALOGUE_CODES.birthRegistration, '2026-03-02').code,
  CATALOGUE_CODES.birthRegistration,
);

assert.equal(normalizePhone('091 234 5678'), '+84912345678');
assert.ok(!maskPhone('0912345678').includes('2345'));
const notices = new SqliteNoticeLog(':memory:');
await notices.migrate();
notices.close();
assert.equal(typeof PostgresNoticeLog, 'function');

assert.ok(postgresMigrations.length > 0);
assert.match(agencyToken('000.00.14.H56'), /^[A-Za-z0-9_-]+$/);

// The worker entry is loaded by path from the package's dist/, beside the ESM build.
const simulated = await simulateInWorkers({
  setupModule: new URL('../simulation-setup.mjs', import.meta.url),
  workers: 1,
  start: '2026-03-02',
  days: 2,
  drainDays: 15,
  seed: 7,
  arrivals: { perWorkingDay: 5 },
});
assert.ok(simulated.received > 0);
assert.equal(simulated.perWorker.length, 1);

console.log(`ESM consumer: ok (simulated ${simulated.received} dossiers on a worker thread)`);
