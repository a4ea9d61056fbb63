import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleActors, sampleReceipt } from '../testing/fixtures.js';
import { commonReceive, receiveBySchema } from './engine-input.js';

const text = fc.oneof(
  fc.constantFrom('', '1.004194', '2025.1', 'H56', 'SIM.01', 'a\u0000b', 'x'.repeat(101), 'Nguyễn Văn A'),
  fc.string(),
);
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(arb, fc.constant(undefined), fc.integer(), fc.constant(null));
const actor = fc.oneof(
  fc.constantFrom(sampleActors.desk, sampleActors.leader, { officerId: 'o', unitId: '' }, 'desk'),
  fc.record(
    {
      officerId: maybe(text),
      unitId: maybe(text),
      name: maybe(text),
      roles: fc.array(maybe(text), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
);
const instant = fc.oneof(
  fc.integer({ min: -1e14, max: 1e14 }).map((ms) => new Date(ms).toISOString()),
  fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms)),
  fc.constantFrom(
    '2026-03-02T09:30:00+07:00',
    '2026-02-30T10:00:00.000Z',
    '2026-03-02T02:30:00Z',
    'x',
    new Date(Number.NaN),
  ),
);
const command = fc.record(
  {
    procedure: maybe(text),
    version: maybe(text),
    agency: maybe(text),
    channel: maybe(fc.constantFrom('in-person', 'postal', 'online-full', 'online-partial', 'fax')),
    actor,
    applicant: fc.constantFrom(sampleReceipt.applicant, undefined, 'x'),
    application: fc.constantFrom(sampleReceipt.application, undefined, 3),
    at: maybe(instant),
    idempotencyKey: maybe(text),
    liaison: fc.constantFrom(undefined, { parent: 'X' }),
    extra: text,
  },
  { requiredKeys: [] },
);
const goodCommand = fc.record(
  {
    procedure: fc.constantFrom('1.004194', '2.000815'),
    version: fc.constantFrom('2025.1', '1'),
    agency: fc.constantFrom('H56', 'SIM.01'),
    channel: fc.constantFrom('in-person', 'postal', 'online-full', 'online-partial'),
    actor: fc.constantFrom(sampleActors.desk, sampleActors.leader, {
      officerId: 'o',
      unitId: 'u',
      roles: [],
    }),
    applicant: fc.constant(sampleReceipt.applicant),
    application: fc.constant(sampleReceipt.application),
    at: instant,
    idempotencyKey: fc.string({ minLength: 1, maxLength: 300 }),
  },
  { requiredKeys: ['procedure', 'channel', 'actor'] },
);

/** The answer of a check: its output, or the error's name and issues. */
function outcome(check: () => unknown): unknown {
  try {
    return { ok: check() };
  } catch (e) {
    return { failed: (e as { name: string }).name };
  }
}

describe('commonReceive', () => {
  it('answers only what the schema path accepts, with exactly its output (keys and order too)', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(goodCommand, command), (c: Record<string, unknown>) => {
        const fast = commonReceive(c);
        if (fast === undefined) return;
        answered++;
        const slow = outcome(() => receiveBySchema(c));
        expect({ ok: fast }).toStrictEqual(slow);
        expect(JSON.stringify(fast)).toBe(JSON.stringify((slow as { ok: unknown }).ok));
        // The officer, the channel, the applicant and the application pass through (the procedure checks them).
        expect(fast.actor).toBe(c.actor);
        expect(fast.application).toBe(c.application);
      }),
      { numRuns: 20_000 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it("answers the simulation's receipts", () => {
    const c = {
      procedure: '1.004194',
      version: '2025.1',
      channel: 'in-person',
      actor: { ...sampleActors.desk, roles: [] },
      ...sampleReceipt,
      at: '2026-03-02T02:30:00.000Z',
    };
    expect(commonReceive(c)).toStrictEqual(receiveBySchema(c));
  });
});
