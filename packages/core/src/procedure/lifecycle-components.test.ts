/**
 * Digitised papers and reuse (RECORD_COMPONENTS): each component records how it was satisfied
 * (paper, digitised or not; an earlier result reused; the national document store; a database
 * lookup), who recorded it and when; a failed lookup leaves the paper to be asked for.
 */
import { describe, expect, it } from 'vitest';
import {
  officers,
  residenceProcedure,
  residenceReceipt,
  thrown,
} from '../../test-support/dossier-harness.js';
import { PermissionError, TransitionError, type ValidationError } from '../errors/dossier-errors.js';
import { DossierContextSchema } from '../model/dossier-context.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { DossierSnapshot } from './define-procedure.js';

const p = residenceProcedure();
const { desk, police, leader } = officers;
const at = (hour: number) => `2026-03-02T${String(hour).padStart(2, '0')}:00:00+07:00`;
const received = () => p.receive(residenceReceipt(at(9)));
const fields = (e: unknown) => (e as ValidationError).issues.map((i) => i.field);

function refused(s: DossierSnapshot, event: DossierEventInput): unknown {
  const before = structuredClone({ value: s.value, context: s.context });
  const error = thrown(() => p.apply(s, event));
  expect({ value: s.value, context: s.context }).toEqual(before);
  return error;
}

describe('RECORD_COMPONENTS', () => {
  it('records each component with who and when; a database that found nothing leaves the paper to ask for', () => {
    const s = p.apply(received(), {
      type: 'RECORD_COMPONENTS',
      at: at(10),
      actor: desk,
      components: [
        {
          documentId: 'ct01',
          source: 'paper',
          digitised: true,
          file: { uri: 'https://files.example.vn/hs/ct01.pdf', sha256: 'cd'.repeat(32) },
        },
        {
          documentId: 'ownership',
          source: 'database',
          database: { code: 'CSDLQGDC', name: 'Cơ sở dữ liệu quốc gia về dân cư', answer: 'not-found' },
        },
      ],
    });
    expect(s.value).toEqual(received().value);
    expect(s.context.components).toEqual([
      expect.objectContaining({ documentId: 'ct01', source: 'paper', digitised: true, satisfied: true }),
      expect.objectContaining({
        documentId: 'ownership',
        source: 'database',
        digitised: false,
        satisfied: false,
      }),
    ]);
    expect(s.context.components?.[0]).toMatchObject({
      recordedBy: { unitId: 'desk' },
      recordedAt: new Date(at(10)).toISOString(),
    });
    // The paper came later, reused from an earlier result: the last recording wins.
    const later = p.apply(s, {
      type: 'RECORD_COMPONENTS',
      at: at(11),
      actor: desk,
      components: [
        {
          documentId: 'ownership',
          source: 'reused',
          reusedFrom: { resultCode: 'KQ-001', documentNumber: '45/GCN', dossierCode: 'H56-250110-0003' },
        },
      ],
    });
    expect(later.context.components?.map((c) => [c.documentId, c.source, c.satisfied])).toEqual([
      ['ct01', 'paper', true],
      ['ownership', 'reused', true],
    ]);
    expect(DossierContextSchema.safeParse(later.context).success).toBe(true);
  });

  it('names an unknown document, a missing or misplaced source detail; nothing changes', () => {
    const s = received();
    const record = (components: unknown[]) =>
      refused(s, { type: 'RECORD_COMPONENTS', at: at(10), actor: desk, components } as never);
    expect(fields(record([{ documentId: 'passport-photo', source: 'paper' }]))).toEqual([
      'event.components[0].documentId',
    ]);
    expect(fields(record([{ documentId: 'ct01', source: 'reused' }]))).toEqual([
      'event.components[0].reusedFrom',
    ]);
    expect(fields(record([{ documentId: 'ct01', source: 'paper', nationalStoreId: 'KHO-1' }]))).toEqual([
      'event.components[0].nationalStoreId',
    ]);
    expect(fields(record([]))).toEqual(['event.components']);
  });

  it('the desk or the unit holding the dossier records; not another unit, not once closed', () => {
    const s = p.apply(received(), { type: 'HAND_OVER', at: at(10), actor: desk });
    const entry = { documentId: 'ct01', source: 'national-store', nationalStoreId: 'KHO-7781' } as const;
    expect(
      p.apply(s, { type: 'RECORD_COMPONENTS', at: at(11), actor: police, components: [entry] }).context
        .components,
    ).toHaveLength(1);
    expect(
      refused(s, { type: 'RECORD_COMPONENTS', at: at(11), actor: leader, components: [entry] }),
    ).toBeInstanceOf(PermissionError);
    const withdrawn = p.apply(s, { type: 'WITHDRAW', at: at(11), actor: desk });
    expect(
      refused(withdrawn, { type: 'RECORD_COMPONENTS', at: at(12), actor: desk, components: [entry] }),
    ).toBeInstanceOf(TransitionError);
  });
});
