/**
 * The applicant's rating of a returned dossier (`engine.rate`): at the desk or publicly by code and
 * secret, against the criteria set, once (or amended within the window), journalled as `RATING`,
 * and every bad input a typed error naming the field, with nothing stored.
 */
import { describe, expect, it } from 'vitest';
import { MotcuaError } from '../errors/motcua-error.js';
import { DECREE_61_RATING_CRITERIA } from '../model/rating.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';
import type { Engine } from './engine-types.js';

const { desk, police, leader } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };
const allGood = Object.fromEntries(DECREE_61_RATING_CRITERIA.criteria.map((c) => [c.id, 2]));

async function failure(call: () => Promise<unknown>): Promise<MotcuaError> {
  try {
    await call();
  } catch (e) {
    if (e instanceof MotcuaError) return e;
    throw e;
  }
  throw new Error('expected a MotcuaError, the call worked');
}

/** A dossier taken to its return. */
async function returned(engine: Engine) {
  const d = await engine.receive(receipt);
  for (const actor of [desk, police, leader, police]) await engine.send(d.code, { type: 'HAND_OVER', actor });
  await engine.send(d.code, { type: 'RETURN_RESULT', actor: desk });
  return d;
}

describe('engine.rate', () => {
  it('the desk enters the rating of a returned dossier; it is stored, journalled, and the state stays', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const d = await returned(engine);
    const r = await engine.rate(d.code, { actor: desk, scores: { ...allGood, '3': 1, overall: 1 } });
    expect(r.rating).toMatchObject({ criteriaSet: 'nd61-2018', channel: 'desk', by: { unitId: 'desk' } });
    expect(r.rating.scores).toMatchObject({ '3': 1, overall: 1, '1': 2 });
    const record = await engine.get(d.code);
    expect(record.context.rating).toEqual(r.rating);
    expect(record.state).toBe('returned');
    expect(record.journal.at(-1)).toMatchObject({ type: 'RATING', before: 'returned', after: 'returned' });
  });

  it('the applicant rates publicly with the code and secret; a wrong secret is a failed lookup', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const d = await returned(engine);
    expect(await failure(() => engine.rate(d.code, { secret: 'WRONG123', scores: allGood }))).toMatchObject({
      code: 'LOOKUP_FAILED',
      field: 'secret',
    });
    const r = await engine.rate(d.code, { secret: d.context.secret, scores: allGood });
    expect(r.rating.channel).toBe('public');
    expect((await engine.get(d.code)).journal.at(-1)?.actor).toMatchObject({ unitId: 'public' });
  });

  it('refuses a dossier not yet returned, a second rating, and an officer outside the desk', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const open = await engine.receive(receipt);
    expect(await failure(() => engine.rate(open.code, { actor: desk, scores: allGood }))).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const d = await returned(engine);
    expect(await failure(() => engine.rate(d.code, { actor: police, scores: allGood }))).toMatchObject({
      code: 'NOT_PERMITTED',
    });
    await engine.rate(d.code, { actor: desk, scores: allGood });
    const second = await failure(() => engine.rate(d.code, { secret: d.context.secret, scores: allGood }));
    expect(second).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(second.message).toContain('rated once');
    expect((await engine.get(d.code)).context.rating?.channel).toBe('desk');
  });

  it('amends within the configured window, not after', async () => {
    const { engine, clock } = sampleEngine(new MemoryStore(), { ratings: { amendWithinMs: 3_600_000 } });
    const d = await returned(engine);
    const first = await engine.rate(d.code, { actor: desk, scores: { ...allGood, overall: 0 } });
    clock.advance({ minutes: 30 });
    const amended = await engine.rate(d.code, { secret: d.context.secret, scores: allGood });
    expect(amended.rating).toMatchObject({ at: first.rating.at, channel: 'public', scores: { overall: 2 } });
    expect(amended.rating.amendedAt).toBeDefined();
    clock.advance({ hours: 1 });
    const late = await failure(() => engine.rate(d.code, { actor: desk, scores: allGood }));
    expect(late.message).toContain('time to amend');
  });

  it('bad input is a typed error naming the field, and nothing is stored', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const d = await returned(engine);
    const before = await engine.get(d.code);
    const cases: [unknown, string][] = [
      [{ actor: desk, scores: { ...allGood, '1': 3 } }, 'scores.1'],
      [{ actor: desk, scores: { ...allGood, '9': undefined } }, 'scores.9'],
      [{ actor: desk, scores: { ...allGood, '<script>': 2 } }, 'scores'],
      [{ scores: allGood }, 'actor'],
      [{ actor: desk, secret: 'X', scores: allGood }, 'actor'],
      [{ actor: desk, scores: allGood, at: 'yesterday' }, 'at'],
      [{ actor: desk, scores: allGood, extra: 1 }, ''],
      [null, 'command'],
    ];
    for (const [command, field] of cases) {
      const e = await failure(() => engine.rate(d.code, command as never));
      expect(e.code).toBe('VALIDATION_FAILED');
      if (field) expect(e.field ?? '').toBe(field);
      expect(e.message).not.toContain('<script>');
    }
    expect(await engine.get(d.code)).toEqual(before);
  });
});
