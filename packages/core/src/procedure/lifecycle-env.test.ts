import { describe, expect, it } from 'vitest';
import { residenceProcedure } from '../../test-support/dossier-harness.js';
import { actorParty, party } from './lifecycle-env.js';

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
