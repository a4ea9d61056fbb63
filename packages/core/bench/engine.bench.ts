/**
 * Benchmark: persisted transitions per second through the engine on the in-memory store, against
 * raw XState on the same machine (createActor + send + getPersistedSnapshot after each event),
 * both in this process on the same lifecycle (receipt, 4 hand-overs, return).
 */
import { createActor } from 'xstate';
import { SimulatedClock } from '../src/clock/clock.js';
import { createEngine } from '../src/engine/create-engine.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { sampleActors, sampleProcedure, sampleReceipt, testCalendar } from '../src/testing/fixtures.js';
import { median } from './stats.js';

const EVENTS_PER_DOSSIER = 5; // 4 hand-overs + return (the receipt is counted apart)

function lifecycleEvents(start: number) {
  const { desk, police, leader } = sampleActors;
  const at = (h: number) => new Date(start + h * 3_600_000).toISOString();
  return [
    { type: 'HAND_OVER' as const, at: at(1), actor: desk },
    { type: 'HAND_OVER' as const, at: at(2), actor: police },
    { type: 'HAND_OVER' as const, at: at(3), actor: leader },
    { type: 'HAND_OVER' as const, at: at(4), actor: police },
    { type: 'RETURN_RESULT' as const, at: at(5), actor: desk },
  ];
}

async function engineRound(dossiers: number): Promise<number> {
  const clock = new SimulatedClock('2026-03-02T08:00:00+07:00');
  const engine = createEngine({
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    agency: 'H56',
    store: new MemoryStore(),
    clock,
    random: Math.random,
  });
  const base = Date.parse('2026-03-02T08:00:00+07:00');
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < dossiers; i++) {
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    for (const e of lifecycleEvents(base)) await engine.send(d.code, e);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return (dossiers * (EVENTS_PER_DOSSIER + 1)) / seconds;
}

function rawRound(dossiers: number): number {
  const p = sampleProcedure();
  const base = Date.parse('2026-03-02T08:00:00+07:00');
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < dossiers; i++) {
    const actor = createActor(p.machine, {
      input: {
        code: `H56-260302-${i}`,
        secret: 'S',
        agency: 'H56',
        receivedAt: new Date(base).toISOString(),
        receivedBy: { ...sampleActors.desk, roles: [] },
        channel: 'in-person',
        applicant: sampleReceipt.applicant,
        application: sampleReceipt.application,
      },
    });
    actor.start();
    sink += JSON.stringify(actor.getPersistedSnapshot()).length;
    for (const e of lifecycleEvents(base)) {
      actor.send({ ...e, actor: { ...e.actor, roles: [] } });
      sink += JSON.stringify(actor.getPersistedSnapshot()).length;
    }
    actor.stop();
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (sink === 0) console.log('(sink)');
  return (dossiers * (EVENTS_PER_DOSSIER + 1)) / seconds;
}

export async function runEngineBench(): Promise<{ engine: number; raw: number }> {
  await engineRound(300);
  rawRound(300);
  const engine: number[] = [];
  const raw: number[] = [];
  for (let r = 0; r < 5; r++) {
    engine.push(await engineRound(2000));
    raw.push(rawRound(2000));
  }
  return { engine: median(engine), raw: median(raw) };
}
