import { ValidationError } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import {
  catalogue,
  catalogueEngine,
  nationalCalendar,
  officer,
  runLifecycle,
  vn,
} from '../test-support/catalogue-engine.js';
import { COPY_CERTIFICATION_CODE, copyCertification, pagesToCertify } from './copy-certification.js';
import { sampleCopyCertification } from './samples.js';

describe('copy certification (chứng thực bản sao từ bản chính)', () => {
  it('defines both regimes: same day, 15:00 cut-off, in person only', () => {
    for (const p of [copyCertification.version('2018.1'), copyCertification.version('2025.1')]) {
      expect(p.definition.timeLimit).toEqual({ sameDay: true, cutoff: '15:00' });
      expect(p.definition.channels).toEqual(['in-person']);
    }
    expect(pagesToCertify(sampleCopyCertification.application)).toBe(5);
  });

  it('inForce by receipt date', () => {
    expect(catalogue().inForce(COPY_CERTIFICATION_CODE, '2025-06-30').version).toBe('2018.1');
    expect(catalogue().inForce(COPY_CERTIFICATION_CODE, '2025-07-01').version).toBe('2025.1');
  });

  it('the cut-off: 15:00:00 is still the same day, 15:00:01 is the next working day', () => {
    const c = nationalCalendar();
    const limit = copyCertification.version('2025.1').definition.timeLimit;
    expect(c.dueDate(new Date('2026-08-28T15:00:00+07:00'), limit).toISOString()).toBe(
      vn('2026-08-28T17:00:00'),
    );
    // Fri 28/08 after 15:00 → Thu 03/09 (Mon 31/08 swap day, 01–02/09 National Day).
    expect(c.dueDate(new Date('2026-08-28T15:00:01+07:00'), limit).toISOString()).toBe(
      vn('2026-09-03T17:00:00'),
    );
  });

  it('received at 15:00 on Fri 28/08/2026: due 17:00 that day; certified and returned by 16:45 → ON_TIME', async () => {
    const run = await runLifecycle({
      code: COPY_CERTIFICATION_CODE,
      sample: sampleCopyCertification,
      receivedAt: '2026-08-28T15:00:00+07:00',
      handOvers: [
        '2026-08-28T15:10:00+07:00',
        '2026-08-28T15:50:00+07:00',
        '2026-08-28T16:20:00+07:00',
        '2026-08-28T16:35:00+07:00',
      ],
      returnAt: '2026-08-28T16:45:00+07:00',
    });
    expect(run.received.context.due.legal).toBe(vn('2026-08-28T17:00:00'));
    expect(run.returned?.context.outcome?.result).toBe('ON_TIME');
    expect(run.returned?.context.steps.every((s) => s.result !== 'LATE')).toBe(true);
  });

  it('received Mon 30/06/2025 16:00 under Decree 61: due Tue 01/07/2025 17:00, still version 2018.1', async () => {
    const run = await runLifecycle({
      code: COPY_CERTIFICATION_CODE,
      sample: sampleCopyCertification,
      receivedAt: '2025-06-30T16:00:00+07:00',
      handOvers: [
        '2025-07-01T07:40:00+07:00',
        '2025-07-01T08:30:00+07:00',
        '2025-07-01T09:00:00+07:00',
        '2025-07-01T09:15:00+07:00',
      ],
      returnAt: '2025-07-01T17:30:00+07:00',
    });
    expect(run.received.context.procedure.version).toBe('2018.1');
    expect(run.received.context.due.legal).toBe(vn('2025-07-01T17:00:00'));
    // Collected after the close: late against the legal due time.
    expect(run.returned?.context.outcome?.result).toBe('LATE');
  });

  it('lists every bad field of an invalid application', async () => {
    const { engine } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const error = await engine
      .receive({
        procedure: COPY_CERTIFICATION_CODE,
        channel: 'in-person',
        actor: officer('desk'),
        applicant: sampleCopyCertification.applicant,
        application: {
          papers: [
            { title: 'Bằng', pages: 0, copies: 1.5 },
            { pages: 1, copies: 1 },
          ],
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'application.papers[0].copies',
      'application.papers[0].pages',
      'application.papers[1].title',
    ]);
  });
});
