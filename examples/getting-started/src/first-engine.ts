import { SqliteStore } from '@motcua/adapters/sqlite';
import { createEngine, SimulatedClock, vietnamCalendar } from '@motcua/core';
import { CATALOGUE_CODES, catalogueSamples, createCatalogue } from '@motcua/procedures';

const calendar = vietnamCalendar(); // the national civil-service calendar: holidays, Tết, make-up days
const store = new SqliteStore('motcua.db'); // the embedded store: one file
await store.migrate(); // creates (or upgrades) its tables
const clock = new SimulatedClock('2026-03-02T08:30:00+07:00'); // leave it out to run on the system clock
const procedures = createCatalogue({ calendar }); // every version of the sample procedures
const engine = createEngine({ procedures, calendar, store, clock, agency: '000.00.14.H56' });

// The one-stop desk receives two permanent residence dossiers (đăng ký thường trú, 7 working days).
const officer = (unitId: string) => ({ officerId: `${unitId}-1`, unitId, name: `Cán bộ ${unitId}` });
const procedure = CATALOGUE_CODES.permanentResidence;
const { applicant, application } = catalogueSamples[procedure]!;
const receipt = { procedure, channel: 'in-person', actor: officer('desk'), applicant, application } as const;
const a = await engine.receive(receipt);
const b = await engine.receive(receipt);
console.log(`received ${a.code}, due ${calendar.format(new Date(a.context.due.current))}`);

// Dossier a goes through its steps: desk → police → leader → police → back at the desk.
for (const unit of ['desk', 'police', 'leader', 'police']) {
  clock.advance({ hours: 3 });
  await engine.send(a.code, { type: 'HAND_OVER', actor: officer(unit) });
}
await engine.send(a.code, { type: 'RETURN_RESULT', actor: officer('desk') });

// The applicant looks it up with the code and the secret printed on the receipt (Form 01).
const view = await engine.lookup(a.code, a.context.secret);
console.log(`lookup ${view.code}: ${view.status} (${view.timeliness})`);

// Dossier b waits at the desk past its due time: the engine's timers mark it overdue.
clock.set('2026-03-12T09:00:00+07:00');
const timers = await engine.runDueTimers(); // in a service: engine.start() polls timers and the outbox
const { overdue } = (await engine.get(b.code)).context;
console.log(
  `timers fired: ${timers.fired}; ${b.code} overdue since ${overdue?.at}, held by ${overdue?.unit}`,
);

// The report of the month (báo cáo tình hình giải quyết hồ sơ).
const [row] = await engine.report({ from: '2026-03-01', to: '2026-04-01' }); // local dates: midnight in Hà Nội
console.log(
  `received ${row!.received}, resolved ${row!.resolved} (early ${row!.early}), overdue ${row!.inProgressOverdue}`,
);
await store.close();
