import type { DossierContext } from '@motcua/core';
import { simulate } from '@motcua/core/simulation';
import { afterEach, describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import {
  applicant,
  birthApplication,
  type LiaisonWorld,
  liaisonCalendar,
  liaisonWorld,
} from '../../test-support/liaison-world.js';
import { birthLiaison2024 } from './birth-liaison.js';
import { deathLiaison } from './death-liaison.js';

const birth = birthLiaison2024({ calendar: liaisonCalendar() });
const death = deathLiaison({ calendar: liaisonCalendar() });

let world: LiaisonWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const deathApplication = (i: number) => ({
  deceased: {
    fullName: 'Nguyễn Văn Bảy',
    sex: 'male' as const,
    birthDate: '1940-05-01',
    deathDate: '2026-08-10',
    deathPlace: 'Số 5 ngõ 10 Hàng Bông, Hà Nội',
  },
  deathProof: 'death-notice' as const,
  declarantRelation: 'child' as const,
  residence: { address: 'Số 5 ngõ 10 Hàng Bông, Hà Nội' },
  ...(i % 2 ? { allowance: { kind: 'social-insurance' as const, beneficiary: 'Nguyễn Văn Tám' } } : {}),
});

const parts = (ctx: DossierContext) => (ctx.liaison?.role === 'parent' ? ctx.liaison.members : []);

describe('simulating the electronic liaisons (Decree 63/2024)', () => {
  it('runs "3 in 1" birth and death liaisons through the focal desk and the member agencies', async () => {
    world = await liaisonWorld({
      start: '2026-08-17T00:00:00+07:00',
      agencies: [
        { agency: 'focal', procedures: [birth.liaison, death.liaison] },
        { agency: 'ubnd-xa', procedures: [birth.members.birth, death.members.death] },
        { agency: 'cong-an-xa', procedures: [birth.members.residence, death.members.residence] },
        { agency: 'bhxh-co-so', procedures: [birth.members.healthInsurance, death.members.socialInsurance] },
      ],
    });
    const w = world;
    const focal = w.nodes.focal!.engine;
    const agencies = Object.fromEntries(
      ['ubnd-xa', 'cong-an-xa', 'bhxh-co-so'].map((a) => [a, w.nodes[a]!.engine]),
    );
    const result = await simulate({
      engine: focal,
      start: '2026-08-17',
      days: 10,
      seed: 63,
      arrivals: { perWorkingDay: laneCount(8, 3) },
      behaviour: { supplementShare: 0.1, pickupHours: [0, 1] },
      samples: {
        [birth.liaison.code]: (i) => ({
          applicant,
          application: i % 4 ? birthApplication() : birthApplication({ residence: undefined }),
        }),
        [death.liaison.code]: (i) => ({ applicant, application: deathApplication(i) }),
      },
      drainDays: 30,
      liaison: { agencies, idle: () => w.shared!.idle() },
    });
    const liaison = result.liaison!;
    const [all] = result.report;
    // The default mix leaves the member procedures out: only parents arrive at the desk.
    expect(result.byProcedure.map((r) => r.group).sort()).toEqual(
      [birth.liaison.code, death.liaison.code].sort(),
    );
    expect(liaison.parents).toBe(all!.received);
    expect(all!.inProgressWithinTime + all!.inProgressOverdue).toBe(0);
    expect(w.shared!.deadLetters()).toEqual([]);

    const parents = await Promise.all(
      (await focal.list({ limit: 10_000 })).map(async (s) => (await focal.get(s.code)).context),
    );
    // Birth + card only when the applicant leaves residence out.
    const births = parents.filter((c) => c.procedure.code === birth.liaison.code);
    expect(births.some((c) => parts(c).find((m) => m.id === 'residence')?.status === 'not-requested')).toBe(
      true,
    );
    // Death: residence and the allowance go after the death is registered (a second handoff).
    let secondHandoffs = 0;
    for (const c of parents.filter((x) => x.procedure.code === death.liaison.code)) {
      const [registered, ...after] = parts(c);
      for (const m of after) {
        if (!m.handedAt || !registered!.returnedAt) continue;
        secondHandoffs++;
        expect(Date.parse(m.handedAt)).toBeGreaterThanOrEqual(Date.parse(registered!.returnedAt));
      }
    }
    expect(secondHandoffs).toBeGreaterThan(0);
    const handedOff = parents.flatMap(parts).filter((m) => m.handedAt !== null).length;
    expect(liaison.handoffs).toBe(handedOff);
    const received = await Promise.all(
      Object.values(agencies).map(async (e) => (await e.list({ limit: 10_000 })).length),
    );
    expect(received.reduce((a, b) => a + b, 0)).toBe(handedOff);
    expect(
      liaison.members
        .map((m) => `${m.liaison === birth.liaison.code ? 'birth' : 'death'}/${m.member}`)
        .sort(),
    ).toEqual([
      'birth/birth',
      'birth/healthInsurance',
      'birth/residence',
      'death/death',
      'death/residence',
      'death/socialInsurance',
    ]);
  });
});
