import { describe, expect, it } from 'vitest';
import { residenceProcedure, residenceReceipt } from '../../test-support/dossier-harness.js';
import type { DossierContext } from '../model/dossier-context.js';
import { actorParty, copyContext, party } from './lifecycle-env.js';

describe('slip parties', () => {
  const p = residenceProcedure();
  const env = { def: p.definition, calendar: p.calendar };
  const unit = p.definition.desk;

  it('are made once per unit and officer, frozen, with the content a fresh party has', () => {
    const a = party(env, unit, { officerId: 'o-1', name: 'Nguyễn Văn A' });
    expect(a).toEqual({
      unitId: unit,
      unitName: p.definition.units[unit]?.name,
      officerId: 'o-1',
      officerName: 'Nguyễn Văn A',
    });
    expect(Object.isFrozen(a)).toBe(true);
    expect(actorParty(env, { officerId: 'o-1', unitId: unit, name: 'Nguyễn Văn A', roles: [] })).toBe(a);
    // Another name, another officer, no officer: other parties.
    expect(party(env, unit, { officerId: 'o-1', name: 'Trần B' })).toEqual({ ...a, officerName: 'Trần B' });
    expect(party(env, unit, { officerId: 'o-2' })).toEqual({
      unitId: unit,
      unitName: a.unitName,
      officerId: 'o-2',
    });
    expect(party(env, unit)).toEqual({ unitId: unit, unitName: a.unitName });
    // No name and an empty name both leave officerName out.
    expect(party(env, unit, { officerId: 'o-3', name: '' })).toBe(party(env, unit, { officerId: 'o-3' }));
    expect(Object.keys(party(env, unit, { officerId: 'o-3' }))).toEqual(['unitId', 'unitName', 'officerId']);
  });
});

describe('copyContext', () => {
  const p = residenceProcedure();
  const received = p.start(residenceReceipt('2026-03-02T09:00:00+07:00'));
  const same = (ctx: DossierContext) => {
    const copy = copyContext(ctx);
    expect(copy).not.toBe(ctx);
    // `{ ...ctx }`: the same keys, in the same order, with the same values.
    expect(Object.keys(copy)).toEqual(Object.keys({ ...ctx }));
    expect(JSON.stringify(copy)).toBe(JSON.stringify({ ...ctx }));
    for (const k of Object.keys(ctx))
      expect(copy[k as keyof DossierContext]).toBe(ctx[k as keyof DossierContext]);
  };

  it('copies a receipt context as a spread would', () => same(received.context));

  it('copies contexts with other keys, or keys in another order, as a spread would', () => {
    same({ ...received.context, finishedAt: '2026-03-03T02:00:00.000Z' });
    // `finishedAt` then another key, another key then `finishedAt`, a receipt key missing.
    same({ ...received.context, finishedAt: '2026-03-03T02:00:00.000Z', payments: [] });
    same({ ...received.context, payments: [], finishedAt: '2026-03-03T02:00:00.000Z' });
    const { outcome: _outcome, ...fewer } = received.context;
    same(fewer as DossierContext);
    same({ ...fewer, finishedAt: '2026-03-03T02:00:00.000Z' } as DossierContext);
    const { code, ...rest } = received.context;
    same({ ...rest, code } as DossierContext);
    same({ ...received.context, liaison: undefined } as DossierContext);
    // Keys inherited (not own) are not copied, as a spread leaves them.
    const { updatedAt, ...own } = received.context;
    same(Object.assign(Object.create({ updatedAt }), own) as DossierContext);
  });
});
