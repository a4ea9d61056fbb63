/** `timerRows`: the rows a dossier owes, and the rows it hands back again when passed the previous ones. */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  kitCalendar,
  officers,
  residenceReceipt,
  residenceVariant,
} from '../../test-support/dossier-harness.js';
import { owedTimerRows, timerIdLength, timerRows } from './timer-rows.js';

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

  it('hands back the previous array itself when every row is owed again in the same order', () => {
    const first = p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
    const before = timerRows(first.context, [], options);
    expect(timerRows(first.context, [], options, before)).toBe(before);
    // With one of them fired, a new array without it.
    const less = timerRows(first.context, [before[0]!.id], options, before);
    expect(less).not.toBe(before);
    expect(less).toEqual(before.slice(1));
  });

  it('with a warning memo, equals the rows derived without one, whatever the memo held before', () => {
    const memo = {
      warnCurrent: '',
      warnReceivedAt: '',
      warnCalendar: undefined,
      warnBefore: 0,
      warnAt: null as string | null,
    };
    const first = p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
    expect(timerRows(first.context, [], options, undefined, memo)).toEqual(
      timerRows(first.context, [], options),
    );
    expect(memo.warnAt).not.toBeNull();
    // Another dossier, another due time: the memo is worked out again, never reused wrongly.
    const other = p.receive(residenceReceipt('2026-03-05T14:00:00+07:00'));
    expect(timerRows(other.context, [], options, undefined, memo)).toEqual(
      timerRows(other.context, [], options),
    );
    // A different warning lead with the same memo.
    const early = { calendar: options.calendar, warnBeforeMinutes: 60 };
    expect(timerRows(other.context, [], early, undefined, memo)).toEqual(timerRows(other.context, [], early));
    // A memo claiming a stale instant for another due time is not believed.
    memo.warnCurrent = 'stale';
    memo.warnAt = '2000-01-01T00:00:00.000Z';
    expect(timerRows(first.context, [], options, undefined, memo)).toEqual(
      timerRows(first.context, [], options),
    );
  });

  it('owedTimerRows gives the rows timerRows gives, ids included, and leaves out fired ones alike', () => {
    const memo = {
      warnCurrent: '',
      warnReceivedAt: '',
      warnCalendar: undefined,
      warnBefore: 0,
      warnAt: null,
    };
    const first = p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
    const owed = owedTimerRows(first.context, [], options, [], memo);
    const plain = (
      rows: readonly { id: string; code: string; kind: string; at: string; stepId?: string | undefined }[],
    ) => rows.map((r) => ({ id: r.id, code: r.code, kind: r.kind, at: r.at, stepId: r.stepId }));
    expect(plain(owed)).toEqual(plain(timerRows(first.context, [], options)));
    for (const r of owed) expect(r.id.length).toBe(timerIdLength(r.code, r.kind, r.at, r.stepId));
    const next = applyAll(p, first, [{ type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk }]);
    const fired = [owed[0]!.id, owed[2]!.id];
    const again = owedTimerRows(next.context, fired, options, owed, memo);
    expect(plain(again)).toEqual(plain(timerRows(next.context, fired, options)));
    expect(again[0]).toBe(owed[1]);
  });
});
