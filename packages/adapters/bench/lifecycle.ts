/**
 * What the benchmarks drive: the sample procedure's 4-step lifecycle (receipt, four hand-overs,
 * return: 6 persisted transitions per dossier), through the engine or as raw rows.
 */

import type { DossierStore } from '@motcua/core';
import { type CommitRequest, createEngine, type Engine, MemoryStore, SimulatedClock } from '@motcua/core';
import { sampleActors, sampleProcedure, sampleReceipt, testCalendar } from '@motcua/core/testing';

/** Transitions per dossier: receipt + 4 hand-overs + return. */
const TRANSITIONS_PER_DOSSIER = 6;

/** An engine on `store` with the sample procedure and a simulated clock (dossiers received 2026-03-02). */
export function benchEngine(store: DossierStore, workerId: string): Engine {
  return createEngine({
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    agency: 'H56',
    store,
    clock: new SimulatedClock('2026-03-02T08:00:00+07:00'),
    workerId,
    random: Math.random,
  });
}

/** Drives one dossier through its lifecycle; returns the transitions committed (6). */
export async function lifecycle(engine: Engine): Promise<number> {
  const { desk, police, leader } = sampleActors;
  const d = await engine.receive({
    procedure: '1.004194',
    channel: 'in-person',
    actor: desk,
    ...sampleReceipt,
  });
  for (const actor of [desk, police, leader, police]) await engine.send(d.code, { type: 'HAND_OVER', actor });
  await engine.send(d.code, { type: 'RETURN_RESULT', actor: desk });
  return TRANSITIONS_PER_DOSSIER;
}

/** The rows of one transition, with the dossier code replaced by {@link CODE_TOKEN}. */
export interface RawTransition {
  readonly summary: readonly unknown[];
  readonly snapshot: string;
  readonly version: number;
  readonly firedTimers: string;
  readonly journal: readonly unknown[];
  readonly slip: readonly {
    seq: number;
    at: string;
    fromUnit: string;
    stepId: string | null;
    result: string | null;
    data: string;
  }[];
  readonly timers: readonly { id: string; kind: string; at: string; stepId: string | null }[];
}

/** Stands for the dossier code inside recorded rows. */
export const CODE_TOKEN = '\u0000CODE\u0000';

/** Records the commits the engine makes for one lifecycle, as rows a raw writer would write. */
export async function recordLifecycle(): Promise<RawTransition[]> {
  const commits: CommitRequest[] = [];
  const memory = new MemoryStore();
  const recorder = Object.create(memory) as MemoryStore;
  recorder.commit = async (req) => {
    commits.push(JSON.parse(JSON.stringify(req)) as CommitRequest);
    return memory.commit(req);
  };
  await lifecycle(benchEngine(recorder, 'recorder'));
  const code = commits[0]!.dossier.summary.code;
  const tok = (s: string) => s.split(code).join(CODE_TOKEN);
  return commits.map((c) => {
    const s = c.dossier.summary;
    return {
      summary: [
        s.agency,
        s.procedureCode,
        s.procedureVersion,
        s.channel,
        s.state,
        s.status,
        s.holder,
        s.receivedAt,
        s.legalDueAt,
        s.currentDueAt,
        s.closedAt,
        s.outcome,
        s.result,
        s.lateUnit,
        s.paused,
      ],
      snapshot: tok(JSON.stringify(c.dossier.persisted)),
      version: c.dossier.version,
      firedTimers: tok(JSON.stringify(c.dossier.firedTimers)),
      journal: [
        c.journal.seq,
        c.journal.at,
        c.journal.type,
        JSON.stringify(c.journal.actor),
        c.journal.before,
        c.journal.after,
        tok(JSON.stringify(c.journal.event)),
        c.journal.idempotencyKey,
      ],
      slip: c.slipRows.map((r) => ({
        seq: r.seq,
        at: r.at,
        fromUnit: r.from.unitId,
        stepId: r.stepId ?? null,
        result: r.result ?? null,
        data: tok(JSON.stringify(r)),
      })),
      timers: c.timers.map((t) => ({ id: tok(t.id), kind: t.kind, at: t.at, stepId: t.stepId ?? null })),
    };
  });
}

/** Replaces the code token. */
export const withCode = (s: string, code: string): string => s.split(CODE_TOKEN).join(code);
