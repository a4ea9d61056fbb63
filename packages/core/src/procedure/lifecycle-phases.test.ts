import { describe, expect, it } from 'vitest';
import { TransitionError } from '../errors/dossier-errors.js';
import { sampleActors, sampleReceipt, testCalendar } from '../testing/fixtures.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';
import { defineProcedure, stateName } from './define-procedure.js';

const { desk, police } = sampleActors;
const steps = sampleResidenceDefinition.steps;
/** The sample's four steps: receive and appraise in phase 1, approve and update in phase 2 once the file is complete. */
const phased = defineProcedure(
  {
    ...sampleResidenceDefinition,
    version: '2025.1-phases',
    steps: steps.map((s, i) => ({ ...s, phase: i < 2 ? 1 : 2 })),
    phases: [{ phase: 2, name: 'Giai đoạn 2', startsAfter: 'complete-file' }],
  },
  { calendar: testCalendar() },
);

describe('phases of the internal process (giai đoạn)', () => {
  it('refuses the hand-over into a phase that waits for a complete file, until every required document is satisfied', () => {
    let p = phased.start({
      code: '000.00.14.H56-260302-0001',
      secret: 'K7Q2M9AB',
      agency: '000.00.14.H56',
      receivedAt: '2026-03-02T09:00:00+07:00',
      receivedBy: desk,
      channel: 'in-person',
      ...sampleReceipt,
    });
    p = phased.step(p, { type: 'HAND_OVER', actor: desk, at: '2026-03-02T10:00:00+07:00' });
    const into2 = { type: 'HAND_OVER' as const, actor: police, at: '2026-03-03T10:00:00+07:00' };
    expect(() => phased.step(p, into2)).toThrow(TransitionError);
    expect(() => phased.step(p, into2)).toThrow(
      /Giai đoạn 2 starts once the file is complete: ct01, ownership/,
    );
    // A database lookup that found nothing leaves the document to the paper: still not complete.
    p = phased.step(p, {
      type: 'RECORD_COMPONENTS',
      actor: police,
      at: '2026-03-03T09:00:00+07:00',
      components: [
        { documentId: 'ct01', source: 'paper', digitised: true },
        {
          documentId: 'ownership',
          source: 'database',
          digitised: false,
          database: { code: 'CSDLDD', name: 'Cơ sở dữ liệu đất đai', answer: 'not-found' },
        },
      ],
    });
    expect(() => phased.step(p, into2)).toThrow(/ownership not recorded as satisfied/);
    p = phased.step(p, {
      type: 'RECORD_COMPONENTS',
      actor: police,
      at: '2026-03-03T09:30:00+07:00',
      components: [{ documentId: 'ownership', source: 'paper', digitised: false }],
    });
    p = phased.step(p, into2);
    expect(stateName(p.value)).toBe('processing.approve');
    // Within phase 2 the hand-over is not gated again.
    p = phased.step(p, { type: 'HAND_OVER', actor: sampleActors.leader, at: '2026-03-04T10:00:00+07:00' });
    expect(stateName(p.value)).toBe('processing.update');
  });

  it('refuses phases that go back, and gates for a phase no step has, naming the field', () => {
    expect(() =>
      defineProcedure(
        // Phases 1, 2, 1, 1: the third step goes back to phase 1.
        { ...sampleResidenceDefinition, steps: steps.map((s, i) => ({ ...s, phase: i === 1 ? 2 : 1 })) },
        { calendar: testCalendar() },
      ),
    ).toThrow(expect.objectContaining({ field: 'steps[2].phase' }));
    expect(() =>
      defineProcedure(
        { ...sampleResidenceDefinition, phases: [{ phase: 3, startsAfter: 'payment' }] },
        { calendar: testCalendar() },
      ),
    ).toThrow(expect.objectContaining({ field: 'phases[0].phase' }));
  });
});
