/** `timerRows`: the rows a dossier owes, and the rows it hands back again when passed the previous ones. */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  kitCalendar,
  officers,
  residenceReceipt,
  residenceVariant,
} from '../../test-support/dossier-harness.js';
import { timerRows } from './timer-rows.js';

const { desk } = officers;
const p = residenceVariant({});
const options = { calendar: kitCalendar() };

describe('timerRows with the previous rows', () => {
  it('equals the rows derived afresh, hands back a row owed again as the same object, leaves out fired ones', () => {
    const first = p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
    const before = timerRows(first.context, [], options);
    const next = applyAll(p, first, [{ type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk }]);
    const fresh = timerRows(next.context, [], options);
    const reused = timerRows(next.context, [], options, before);
    expect(reused).toEqual(fresh);
    // The warning and the legal due time are owed again (same id): the same row objects.
    expect(reused[0]).toBe(before[0]);
    expect(reused[1]).toBe(before[1]);
    // The open step changed: a new row with its own id.
    expect(before).not.toContain(reused[2]);
    // A fired timer stays out even when its row is among the previous ones.
    const firedId = before[0]!.id;
    expect(timerRows(next.context, [firedId], options, before)).toEqual(fresh.slice(1));
  });
});
