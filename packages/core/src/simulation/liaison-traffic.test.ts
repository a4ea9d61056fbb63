import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import { SimulatedClock } from '../clock/clock.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine-types.js';
import { defineLiaison } from '../liaison/define-liaison.js';
import type { LiaisonDefinitionInput } from '../liaison/liaison-definition.js';
import { liaisonPlugin } from '../liaison/liaison-plugin.js';
import { type InProcessTransport, inProcessTransport } from '../liaison/transport.js';
import { defineProcedure, type Procedure } from '../procedure/define-procedure.js';
import { sampleProcedure, sampleReceipt, testCalendar } from '../testing/fixtures.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';
import { simulate } from './simulate.js';
import type { SimulationFactsOptions } from './simulation-options.js';

/*
 * A two-part liaison (A at justice, B at the police) beside the sample standalone procedure, the
 * desk's engine and each agency's engine on one in-process transport and one simulated clock.
 */

const START = '2026-03-02';

const member = (code: string, name: string, field: 'a' | 'b'): Procedure =>
  defineProcedure(
    {
      ...sampleResidenceDefinition,
      code,
      name: { vi: name },
      timeLimit: { workingDays: 2 },
      channels: ['online-full'],
      application: z.object({ [field]: z.string() }).strict(),
      documents: [],
      fees: [],
      steps: [
        { id: 'appraise', name: 'Thẩm định', unit: 'police', budget: { workingDays: 1 }, kind: 'appraisal' },
        {
          id: 'approve',
          name: 'Phê duyệt',
          unit: 'leader',
          budget: { workingDays: 1 },
          kind: 'approval',
          issuesDecision: true,
        },
      ],
    },
    { calendar: testCalendar() },
  );

const memberA = member('LT-A', 'Phần A', 'a');
const memberB = member('LT-B', 'Phần B', 'b');

const definition = (mode: 'parallel' | 'sequential'): LiaisonDefinitionInput => ({
  code: 'LT-AB',
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  regime: '2025',
  name: { vi: 'Liên thông A + B' },
  legalBasis: ['Thử'],
  agency: 'UBND xã',
  mode,
  timeLimit: { workingDays: 5 },
  channels: ['online-full'],
  application: z.object({ a: z.string(), b: z.string() }).strict(),
  supplementation: { clock: 'resume', maxRequests: 2 },
  members: [
    {
      id: 'a',
      name: { vi: 'Phần A' },
      procedure: 'LT-A',
      agency: { id: 'justice', name: 'Tư pháp' },
      budget: { workingDays: 2 },
      application: (x: { a: string }) => ({ a: x.a }),
    },
    {
      id: 'b',
      name: { vi: 'Phần B' },
      procedure: 'LT-B',
      agency: { id: 'police', name: 'Công an xã' },
      budget: { workingDays: 2 },
      application: (x: { b: string }) => ({ b: x.b }),
    },
  ],
});

let transport: InProcessTransport | undefined;
afterEach(async () => {
  await transport?.close();
  transport = undefined;
});

/** The desk's engine (the liaison and a standalone procedure) and the two agencies' engines. */
async function world(mode: 'parallel' | 'sequential') {
  const calendar = testCalendar();
  const clock = new SimulatedClock(`${START}T00:00:00+07:00`);
  transport = inProcessTransport({ retryDelayMs: 1 });
  let seed = 3;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const node = async (agency: string, code: string, procedures: readonly Procedure[]) => {
    const plugin = liaisonPlugin({ agency, transport: transport! });
    const engine = createEngine({ procedures, calendar, clock, agency: code, random, plugins: [plugin] });
    await plugin.attach(engine);
    return engine;
  };
  const liaison = defineLiaison(definition(mode), { calendar });
  const desk = await node('desk', 'H56', [liaison, sampleProcedure()]);
  const agencies: Record<string, Engine> = {
    justice: await node('justice', 'TP01', [memberA]),
    police: await node('police', 'CA01', [memberB]),
  };
  return { desk, agencies, liaison, idle: () => transport!.idle() };
}

const samples = {
  '1.004194': () => sampleReceipt,
  'LT-AB': () => ({ applicant: sampleReceipt.applicant, application: { a: 'x', b: 'y' } }),
};

async function run(
  mode: 'parallel' | 'sequential',
  seed: number,
  supplementShare = 0.3,
  facts?: SimulationFactsOptions,
) {
  const w = await world(mode);
  const result = await simulate({
    engine: w.desk,
    start: START,
    days: 10,
    seed,
    arrivals: { perWorkingDay: laneCount(12, 5), mix: { '1.004194': 1, 'LT-AB': 1 } },
    behaviour: { supplementShare, lateShare: 0.2, refusalShare: 0.05, withdrawalShare: 0.02 },
    samples,
    drainDays: 30,
    liaison: { agencies: w.agencies, idle: w.idle },
    ...(facts ? { facts } : {}),
  });
  return { ...w, result };
}

describe('simulate with liaisons', () => {
  it('hands the parts to the agencies, which work on their own dossiers and send their results back', async () => {
    const { desk, agencies, result } = await run('parallel', 4);
    const liaison = result.liaison!;
    const [all] = result.report;
    const [parents] = (await desk.report({ ...period(), groupBy: 'procedure' })).filter(
      (r) => r.group === 'LT-AB',
    );
    expect(liaison.parents).toBe(parents!.received);
    expect(liaison.parents).toBeGreaterThan(10);
    // Every parent closed after the drain, every part with it.
    expect(parents!.inProgressWithinTime + parents!.inProgressOverdue).toBe(0);
    expect(all!.received).toBe(result.received);
    const closed = liaison.outcomes.complete + liaison.outcomes.partial + liaison.outcomes.refused;
    expect(closed).toBe(parents!.resolved);

    // The parts are dossiers of the agencies' own engines, one per handoff.
    const a = await agencies.justice!.report({ ...period(), groupBy: 'none' });
    const b = await agencies.police!.report({ ...period(), groupBy: 'none' });
    expect(a[0]!.received + b[0]!.received).toBe(liaison.handoffs);
    expect(liaison.members.map((m) => [m.liaison, m.member, m.agency])).toEqual([
      ['LT-AB', 'a', 'justice'],
      ['LT-AB', 'b', 'police'],
    ]);
    for (const m of liaison.members) {
      expect(m.returned + m.refused + m.cancelled).toBeGreaterThanOrEqual(m.handedOff);
      expect(m.early + m.onTime + m.late).toBe(m.returned + m.refused);
    }
    // Some agencies asked for supplementation: the whole liaison paused and resumed at the desk.
    expect(liaison.members.some((m) => m.supplemented > 0)).toBe(true);
    const summaries = await desk.list({ procedureCode: 'LT-AB', limit: 1000 });
    const journals = await Promise.all(summaries.map(async (s) => (await desk.get(s.code)).journal));
    const types = journals.flat().map((j) => j.type);
    expect(types).toContain('MEMBER_SUPPLEMENT');
    expect(types).toContain('SUPPLEMENT_RECEIVED');
    expect(types.filter((t) => t === 'MEMBER_ACCEPTED')).toHaveLength(liaison.handoffs);

    // The days add up.
    const sum = (f: (d: (typeof result.days)[number]) => number) => result.days.reduce((n, d) => n + f(d), 0);
    expect(sum((d) => d.liaison!.received)).toBe(liaison.parents);
    expect(sum((d) => d.liaison!.handoffs)).toBe(liaison.handoffs);
    expect(sum((d) => d.liaison!.resolved)).toBe(parents!.resolved);
    expect(transport!.deadLetters()).toEqual([]);
  });

  it('hands a sequential liaison off one agency at a time, the next after the previous result', async () => {
    const { desk, result } = await run('sequential', 9, 0);
    expect(result.liaison!.handoffs).toBeGreaterThan(0);
    const summaries = await desk.list({ procedureCode: 'LT-AB', limit: 1000 });
    let both = 0;
    for (const s of summaries) {
      const ctx = (await desk.get(s.code)).context;
      const [a, b] = ctx.liaison?.role === 'parent' ? ctx.liaison.members : [];
      if (!a?.returnedAt || !b?.handedAt) continue;
      both++;
      expect(Date.parse(b.handedAt)).toBeGreaterThanOrEqual(Date.parse(a.returnedAt));
    }
    expect(both).toBeGreaterThan(0);
  });

  it('records the handover and the rating of a liaison returned as a whole at the focal desk', async () => {
    const { desk, agencies, result } = await run('parallel', 4, 0.3, {
      handovers: { applicant: 1, post: 1 },
      ratings: { share: 1 },
    });
    const f = result.facts!;
    let returned = 0;
    let parents = 0;
    for (const s of await desk.list({ limit: 1000 })) {
      const ctx = (await desk.get(s.code)).context;
      if (ctx.outcome?.kind !== 'returned') continue;
      returned++;
      if (ctx.liaison?.role === 'parent') parents++;
      expect(ctx.outcome.handover?.collectedBy, s.code).toMatch(/^(applicant|post)$/);
      expect(ctx.rating?.channel, s.code).toBe('desk');
    }
    expect(returned).toBeGreaterThan(10);
    expect(parents).toBeGreaterThan(5);
    expect(f.ratings.rated).toBe(returned);
    expect(f.handovers.applicant + f.handovers.post).toBe(returned);
    // The member agencies' dossiers go back to the focal desk: no handover, no rating.
    for (const engine of Object.values(agencies)) {
      for (const s of await engine.list({ limit: 1000 })) {
        const ctx = (await engine.get(s.code)).context;
        expect(ctx.outcome?.handover).toBeUndefined();
        expect(ctx.rating).toBeUndefined();
      }
    }
    expect(transport!.deadLetters()).toEqual([]);
  });

  it('is deterministic for a seed', async () => {
    const first = await run('parallel', 12);
    await transport!.close();
    const second = await run('parallel', 12);
    expect(second.result.report).toEqual(first.result.report);
    expect(second.result.liaison).toEqual(first.result.liaison);
    expect(second.result.commands).toBe(first.result.commands);
  });

  it('refuses a liaison without its agencies, or an agency on another clock', async () => {
    const w = await world('parallel');
    const options = {
      engine: w.desk,
      start: START,
      days: 3,
      arrivals: { perWorkingDay: 5, mix: { 'LT-AB': 1 } },
      samples,
    };
    await expect(simulate(options)).rejects.toMatchObject({ code: 'INVALID_OPTION', field: 'liaison' });
    const elsewhere = createEngine({
      procedures: [memberA],
      calendar: testCalendar(),
      agency: 'X',
      clock: new SimulatedClock(`${START}T00:00:00+07:00`),
    });
    await expect(
      simulate({ ...options, liaison: { agencies: { justice: elsewhere }, idle: w.idle } }),
    ).rejects.toMatchObject({ code: 'INVALID_OPTION', field: 'liaison.agencies.justice' });
  });
});

function period() {
  return {
    from: new Date(`${START}T00:00:00+07:00`).toISOString(),
    to: new Date('2026-06-01T00:00:00+07:00').toISOString(),
  };
}
