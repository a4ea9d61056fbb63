/**
 * Results: the "processing finished" instant kept apart from the return, result documents as typed
 * records (ISSUE_RESULT), the handover at return (who collected it, originals, the postal item),
 * and the refusals, each a typed error naming the field with the snapshot untouched.
 */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  officers,
  residenceProcedure,
  residenceReceipt,
  thrown,
} from '../../test-support/dossier-harness.js';
import { PermissionError, TransitionError, ValidationError } from '../errors/dossier-errors.js';
import { DossierContextSchema } from '../model/dossier-context.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { maskPersonalData } from '../model/personal-data.js';
import type { ResultDocument } from '../model/result-document.js';
import { type DossierSnapshot, stateName } from './define-procedure.js';

const p = residenceProcedure();
const { desk, police, leader } = officers;
const at = (day: number, hour = 9) => `2026-03-0${day}T${String(hour).padStart(2, '0')}:00:00+07:00`;
const utc = (iso: string) => new Date(iso).toISOString();

const document: ResultDocument = {
  title: 'Xác nhận đăng ký thường trú',
  number: '125',
  symbol: 'XN-CAX',
  signer: { name: 'Lê Văn Cường', title: 'Trưởng Công an xã' },
  issuingBody: 'Công an xã Đông Anh',
  issuedOn: '2026-03-05',
  validUntil: null,
  electronicCopy: { uri: 'https://files.example.vn/kq/125.pdf', sha256: 'ab'.repeat(32), signed: true },
};

const received = () => p.receive(residenceReceipt(at(2)));
/** Held by the police at the last step (update). */
const atUpdate = () =>
  applyAll(p, received(), [
    { type: 'HAND_OVER', at: at(2, 10), actor: desk },
    { type: 'HAND_OVER', at: at(3), actor: police },
    { type: 'HAND_OVER', at: at(4), actor: leader },
  ]);

function refused(s: DossierSnapshot, event: DossierEventInput): unknown {
  const before = structuredClone({ value: s.value, context: s.context });
  const error = thrown(() => p.apply(s, event));
  expect({ value: s.value, context: s.context }).toEqual(before);
  return error;
}

describe('processing finished (Đã xử lý xong)', () => {
  it('is the instant the result comes back to the desk, kept apart from the return', () => {
    const updating = atUpdate();
    expect(updating.context.finishedAt).toBeUndefined();
    const ready = p.apply(updating, { type: 'HAND_OVER', at: at(5), actor: police });
    expect(stateName(ready.value)).toBe('resultReady');
    expect(ready.context.finishedAt).toBe(utc(at(5)));
    const returned = p.apply(ready, { type: 'RETURN_RESULT', at: at(6), actor: desk });
    expect(returned.context.finishedAt).toBe(utc(at(5)));
    expect(returned.context.outcome?.at).toBe(utc(at(6)));
    expect(DossierContextSchema.safeParse(returned.context).success).toBe(true);
  });
});

describe('result documents (ISSUE_RESULT)', () => {
  it('the unit holding the dossier records them; the state stays; a stop is then refused', () => {
    const s = p.apply(atUpdate(), {
      type: 'ISSUE_RESULT',
      at: at(4, 11),
      actor: police,
      documents: [document],
    });
    expect(stateName(s.value)).toBe('processing.update');
    expect(s.context.results).toEqual([document]);
    expect(s.context.decisionIssued).toBe(true);
    expect(refused(s, { type: 'STOP', at: at(4, 12), actor: desk })).toBeInstanceOf(TransitionError);
    // The desk adds another once the result is ready.
    const ready = p.apply(s, { type: 'HAND_OVER', at: at(5), actor: police });
    const more = p.apply(ready, {
      type: 'ISSUE_RESULT',
      at: at(5, 10),
      actor: desk,
      documents: [{ ...document, number: '126', electronicCopy: undefined } as never],
    });
    expect(more.context.results?.map((d) => d.number)).toEqual(['125', '126']);
  });

  it('a unit not holding the dossier may not record them', () => {
    expect(
      refused(atUpdate(), { type: 'ISSUE_RESULT', at: at(4, 11), actor: leader, documents: [document] }),
    ).toBeInstanceOf(PermissionError);
  });

  it('a bad document names its field; nothing changes', () => {
    const s = atUpdate();
    const issue = (d: unknown) =>
      refused(s, { type: 'ISSUE_RESULT', at: at(4, 11), actor: police, documents: [d] } as never);
    const fields = (e: unknown) => (e as ValidationError).issues.map((i) => i.field);
    expect(fields(issue({ ...document, validUntil: '2026-01-01' }))).toEqual([
      'event.documents[0].validUntil',
    ]);
    expect(
      fields(issue({ ...document, electronicCopy: { ...document.electronicCopy, sha256: 'xyz' } })),
    ).toEqual(['event.documents[0].electronicCopy.sha256']);
    expect(fields(issue({ ...document, issuedOn: '2026-02-30' }))).toEqual(['event.documents[0].issuedOn']);
    expect(
      fields(refused(s, { type: 'ISSUE_RESULT', at: at(4, 11), actor: police, documents: [] } as never)),
    ).toEqual(['event.documents']);
  });
});

describe('the handover at return', () => {
  const ready = () => p.apply(atUpdate(), { type: 'HAND_OVER', at: at(5), actor: police });

  it('records who collected the result and that the originals went back', () => {
    const returned = p.apply(ready(), {
      type: 'RETURN_RESULT',
      at: at(6),
      actor: desk,
      handover: { collectedBy: 'representative', collectorName: 'Trần Thị Hoa', originalsReturned: true },
    });
    expect(returned.context.outcome?.handover).toEqual({
      collectedBy: 'representative',
      collectorName: 'Trần Thị Hoa',
      originalsReturned: true,
    });
    // Masked wherever contexts are shown masked.
    expect(JSON.stringify(maskPersonalData(DossierContextSchema, returned.context))).not.toContain(
      'Trần Thị Hoa',
    );
  });

  it('a postal return names its postal item; a postal item without the post is refused', () => {
    const s = ready();
    const returned = p.apply(s, {
      type: 'RETURN_RESULT',
      at: at(6),
      actor: desk,
      delivery: 'postal',
      handover: { collectedBy: 'post', postal: { service: 'VNPost', trackingNumber: 'EB123456789VN' } },
    });
    expect(returned.context.outcome).toMatchObject({ delivery: 'postal', handover: { collectedBy: 'post' } });
    for (const handover of [
      { collectedBy: 'post' },
      { collectedBy: 'applicant', postal: { service: 'VNPost', trackingNumber: 'X1' } },
    ]) {
      const error = refused(s, { type: 'RETURN_RESULT', at: at(6), actor: desk, handover } as never);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((i) => i.field)).toEqual(['event.handover.postal']);
    }
  });
});
