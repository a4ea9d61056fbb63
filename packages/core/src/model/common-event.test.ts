import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import { commonEvent } from './common-event.js';
import { DossierEventSchema } from './dossier-events.js';

const text = fc.oneof(fc.constantFrom('', 'o-1', 'mot-cua', 'Nguyễn Văn A', 'agency-head'), fc.string());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(undefined), fc.integer());
const actor = fc.oneof(
  fc.record(
    {
      officerId: maybe(text),
      unitId: maybe(text),
      name: maybe(text),
      roles: fc.oneof(fc.array(maybe(text), { maxLength: 3 }), fc.constant(undefined), fc.constant('x')),
      extra: text,
    },
    { requiredKeys: [] },
  ),
  fc.constant(null),
  fc.constant('desk'),
);
const instant = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom('2026-03-02T09:30:00+07:00', '2026-02-30T10:00:00.000Z', '2026-03-02T02:30:00Z', 'x'),
);
const event = fc.record(
  {
    type: fc.constantFrom('HAND_OVER', 'MARK_OVERDUE', 'EXPIRE', 'RETURN_RESULT', 'REFUSE', 'hand_over'),
    at: maybe(instant),
    actor,
    note: maybe(text),
    delivery: maybe(fc.constantFrom('in-person', 'postal', 'online', 'fax')),
    receiver: fc.record({ officerId: text }),
    reasons: fc.array(text),
  },
  { requiredKeys: ['type'] },
);

const goodText = fc.oneof(fc.constantFrom('o-1', 'mot-cua', 'Nguyễn Văn A'), fc.string({ minLength: 1 }));
const goodActor = fc.record(
  { officerId: goodText, unitId: goodText, name: goodText, roles: fc.array(goodText, { maxLength: 2 }) },
  { requiredKeys: ['officerId', 'unitId'] },
);
const goodEvent = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom('HAND_OVER', 'MARK_OVERDUE', 'EXPIRE', 'RETURN_RESULT'),
      at: instant,
      actor: goodActor,
      note: fc.string(),
      delivery: fc.constantFrom('in-person', 'postal', 'online'),
    },
    { requiredKeys: ['type', 'at', 'actor'] },
  ),
  event,
);

describe('commonEvent', () => {
  it('answers only what DossierEventSchema accepts, with exactly its output (keys and order too)', () => {
    const runs = laneCount(20_000, 2_000);
    let answered = 0;
    fc.assert(
      fc.property(goodEvent, (e: Record<string, unknown>) => {
        const fast = commonEvent(e);
        if (fast === undefined) return;
        answered++;
        const parsed = DossierEventSchema.safeParse(e);
        expect(parsed.success).toBe(true);
        expect(fast).toStrictEqual(parsed.data);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        // Nested objects are copies, as the schema's are.
        if (typeof e.actor === 'object' && e.actor)
          expect((fast as { actor: unknown }).actor).not.toBe(e.actor);
      }),
      { numRuns: runs },
    );
    expect(answered).toBeGreaterThan(runs / 20);
  });

  it('answers the events the simulation sends', () => {
    const actor = { officerId: 'o-1', unitId: 'mot-cua', name: 'Nguyễn Văn A', roles: [] };
    for (const e of [
      { type: 'HAND_OVER', at: '2026-03-02T02:30:00.000Z', actor },
      { type: 'MARK_OVERDUE', at: '2026-03-02T02:30:00.000Z', actor: { officerId: 's', unitId: 'system' } },
      { type: 'RETURN_RESULT', at: '2026-03-02T02:30:00.000Z', actor, delivery: 'postal', note: 'n' },
    ]) {
      expect(commonEvent(e)).toStrictEqual(DossierEventSchema.parse(e));
    }
  });
});
