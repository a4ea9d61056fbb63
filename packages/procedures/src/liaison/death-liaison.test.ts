import type { DossierContext } from '@motcua/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  actors,
  applicant,
  childOf,
  finishChild,
  type LiaisonWorld,
  liaisonCalendar,
  liaisonWorld,
} from '../../test-support/liaison-world.js';
import { isPlaceholderCode } from '../shared/codes.js';
import {
  DEATH_LIAISON_ALTERNATIVE_CODE,
  DEATH_LIAISON_CANDIDATE_CODE,
  DEATH_LIAISON_CODE,
  type DeathLiaisonApplication,
  deathLiaison,
} from './death-liaison.js';

const utc = (iso: string) => new Date(iso).toISOString();
const pkg = deathLiaison({ calendar: liaisonCalendar() });

const application = (extra: Partial<DeathLiaisonApplication> = {}): DeathLiaisonApplication => ({
  deceased: {
    fullName: 'Nguyễn Văn Bảy',
    sex: 'male',
    birthDate: '1940-05-01',
    idNumber: '001040012345',
    deathDate: '2026-03-01',
    deathPlace: 'Số 5 ngõ 10 Hàng Bông, Hà Nội',
  },
  deathProof: 'death-notice',
  declarantRelation: 'child',
  ...extra,
});

const receipt = (app: DeathLiaisonApplication) =>
  pkg.liaison.receive({
    code: 'X-1',
    secret: 'ABCDEF',
    agency: 'X',
    receivedAt: '2026-03-03T10:00:00+07:00',
    receivedBy: actors.desk,
    channel: 'online-full',
    applicant,
    application: app,
  }).context;

const section = (ctx: DossierContext) => {
  if (ctx.liaison?.role !== 'parent') throw new Error('not a parent');
  return ctx.liaison;
};

let world: LiaisonWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('death liaison (Decree 63/2024, group 2) — figures [S], provisional', () => {
  it('refuses a death after the receipt date, or before the birth, naming the field', () => {
    const deceased = application().deceased;
    expect(() => receipt(application({ deceased: { ...deceased, deathDate: '2026-03-04' } }))).toThrow(
      expect.objectContaining({
        issues: [
          { field: 'application.deceased.deathDate', message: 'is after the receipt date 2026-03-03' },
        ],
      }),
    );
    expect(() => receipt(application({ deceased: { ...deceased, birthDate: '2026-03-02' } }))).toThrow(
      expect.objectContaining({
        issues: [{ field: 'application.deceased.deathDate', message: 'is before deceased.birthDate' }],
      }),
    );
    expect(receipt(application()).code).toBe('X-1');
  });

  it('uses a placeholder code by default (no code confirmed twice) and takes a candidate', () => {
    expect(pkg.liaison.code).toBe(DEATH_LIAISON_CODE);
    expect(isPlaceholderCode(DEATH_LIAISON_CODE)).toBe(true);
    expect(deathLiaison({ code: DEATH_LIAISON_CANDIDATE_CODE }).liaison.code).toBe('1.011537');
    expect(DEATH_LIAISON_ALTERNATIVE_CODE).toBe('1.006714');
    expect(deathLiaison({ code: DEATH_LIAISON_ALTERNATIVE_CODE }).liaison.code).toBe('1.006714');
    expect(pkg.liaison.liaison.provisional.join(' ')).toMatch(
      /placeholder; candidates 1\.011537 vs 1\.006714/,
    );
  });

  it.each([
    [
      'no allowance (death + residence)',
      { residence: { address: 'Số 5 ngõ 10 Hàng Bông, Hà Nội' } },
      'base',
      '2026-03-06',
    ],
    [
      'BHXH burial allowance',
      { allowance: { kind: 'social-insurance', beneficiary: 'Nguyễn Văn Tám' } },
      'with BHXH allowance',
      '2026-03-16',
    ],
    [
      'social-protection burial support',
      { allowance: { kind: 'social-protection', beneficiary: 'Nguyễn Văn Tám' } },
      'with social protection support',
      '2026-03-11',
    ],
    [
      'social-protection support, 80+ on a monthly allowance',
      {
        allowance: { kind: 'social-protection', beneficiary: 'Nguyễn Văn Tám', over80MonthlyAllowance: true },
      },
      'with social protection support, 80+ on a monthly allowance',
      '2026-03-18',
    ],
    [
      'burial allowance for people with merit',
      { allowance: { kind: 'merit', beneficiary: 'Nguyễn Văn Tám' } },
      'with merit allowance',
      '2026-03-27',
    ],
  ] as const)('the group limit with %s', (_, extra, label, due) => {
    const ctx = receipt(application(extra as Partial<DeathLiaisonApplication>));
    expect(section(ctx).limit).toBe(label);
    expect(ctx.due.legal).toBe(utc(`${due}T17:00:00+07:00`));
  });

  it('registers the death first, then removes the residence and pays the allowance at once', async () => {
    world = await liaisonWorld({
      start: '2026-03-03T10:00:00+07:00',
      agencies: [
        { agency: 'ubnd-xa', procedures: [pkg.liaison, pkg.members.death] },
        { agency: 'cong-an-xa', procedures: [pkg.members.residence] },
        { agency: 'bhxh-co-so', procedures: [pkg.members.socialInsurance] },
      ],
    });
    const focal = world.nodes['ubnd-xa']!.engine;
    const d = await focal.receive({
      procedure: pkg.liaison.code,
      channel: 'online-full',
      actor: actors.desk,
      applicant,
      application: application({
        residence: { address: 'Số 5 ngõ 10 Hàng Bông, Hà Nội' },
        allowance: { kind: 'social-insurance', beneficiary: 'Nguyễn Văn Tám' },
      }),
    });
    expect(section(d.context).members.map((m) => m.status)).toEqual([
      'waiting',
      'waiting',
      'waiting',
      'not-requested',
      'not-requested',
    ]);
    const first = await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    expect(
      section(first.context)
        .members.map((m) => m.status)
        .slice(0, 3),
    ).toEqual(['handed-off', 'waiting', 'waiting']);
    await world.settle();
    world.clock.set('2026-03-03T11:00:00+07:00');
    const death = await childOf(world, focal, d.code, 'death');
    await finishChild(death.engine, death.code);
    await world.settle();
    const second = await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    const residence = section(second.context).members.find((m) => m.id === 'residence')!;
    // The same working day the e-death extract arrives.
    expect(residence.due).toBe(utc('2026-03-03T17:00:00+07:00'));
    await world.settle();
    world.clock.set('2026-03-03T15:00:00+07:00');
    for (const id of ['residence', 'socialInsurance']) {
      const c = await childOf(world, focal, d.code, id);
      await finishChild(c.engine, c.code);
    }
    await world.settle();
    const done = await focal.send(d.code, { type: 'RETURN_RESULT', actor: actors.desk, delivery: 'online' });
    expect(done.state).toBe('returned');
    expect(done.context.outcome).toMatchObject({ kind: 'returned', result: 'EARLY' });
    expect(
      section(done.context)
        .members.map((m) => m.timeliness)
        .slice(0, 3),
    ).toEqual(['ON_TIME', 'ON_TIME', 'EARLY']);
  });
});
