import { expect, it } from 'vitest';
import { LookupLockedError } from '../errors/dossier-errors.js';
import type { DossierStore } from '../store/store-types.js';
import { handOverCommit, newDossierCommit, sampleActors, sampleEngine, sampleReceipt } from './fixtures.js';

/**
 * The public lookup's part of the store conformance suite (tra cứu): the lookup secret read, the
 * failed-guess windows (atomic under concurrency, durable, healing) and the engine's rules on top
 * of them (per-code limit whatever the address, lockout, reissue, same calls for unknown codes).
 * Registered by {@link storeConformanceSuite} inside its `describe`.
 */
export function lookupConformanceTests(current: () => DossierStore): void {
  const at = (iso: string) => ({ now: iso, maxAttempts: 3, windowMs: 60_000 });
  const receive = (engine: ReturnType<typeof sampleEngine>['engine']) =>
    engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });

  it('reads a dossier’s lookup secret, null for an unknown code, and the new one after a commit', async () => {
    const store = current();
    const c = newDossierCommit('H56-260302-0301');
    await store.commit(c);
    expect(await store.lookupSecret('H56-260302-0301')).toBe(c.dossier.persisted.context.secret);
    expect(await store.lookupSecret('H56-260302-0399')).toBeNull();
    const next = handOverCommit(c);
    const rewritten = {
      ...next,
      dossier: {
        ...next.dossier,
        persisted: {
          ...next.dossier.persisted,
          context: { ...next.dossier.persisted.context, secret: 'NEWSECRET' },
        },
      },
    };
    await store.commit(rewritten);
    expect(await store.lookupSecret('H56-260302-0301')).toBe('NEWSECRET');
  });

  it('admits at most maxAttempts per window, heals when the window ends, gives attempts back, clears', async () => {
    const store = current();
    const key = 'dossier:H56-260302-0302';
    const t0 = '2026-03-02T01:00:00.000Z';
    const first = await store.reserveLookupAttempt({ key, ...at(t0) });
    expect(first).toEqual({ admitted: true, attempts: 1, windowEndsAt: '2026-03-02T01:01:00.000Z' });
    expect((await store.reserveLookupAttempt({ key, ...at('2026-03-02T01:00:10.000Z') })).attempts).toBe(2);
    expect(await store.reserveLookupAttempt({ key, ...at('2026-03-02T01:00:20.000Z') })).toEqual({
      admitted: true,
      attempts: 3,
      windowEndsAt: '2026-03-02T01:01:00.000Z',
    });
    // Full: refused, not counted, until the window ends (from the first attempt).
    expect(await store.reserveLookupAttempt({ key, ...at('2026-03-02T01:00:59.999Z') })).toEqual({
      admitted: false,
      attempts: 3,
      windowEndsAt: '2026-03-02T01:01:00.000Z',
    });
    // Another key is not touched.
    expect((await store.reserveLookupAttempt({ key: 'address:x', ...at(t0) })).attempts).toBe(1);
    // The window ended: a new one opens at this attempt.
    const healed = await store.reserveLookupAttempt({ key, ...at('2026-03-02T01:01:00.000Z') });
    expect(healed).toEqual({ admitted: true, attempts: 1, windowEndsAt: '2026-03-02T01:02:00.000Z' });
    // A release for an older window does nothing; for the current one it gives an attempt back.
    await store.releaseLookupAttempt(key, '2026-03-02T01:01:00.000Z');
    expect((await store.reserveLookupAttempt({ key, ...at('2026-03-02T01:01:01.000Z') })).attempts).toBe(2);
    await store.releaseLookupAttempt(key, '2026-03-02T01:02:00.000Z');
    await store.releaseLookupAttempt(key, '2026-03-02T01:02:00.000Z');
    await store.releaseLookupAttempt(key, '2026-03-02T01:02:00.000Z');
    expect((await store.reserveLookupAttempt({ key, ...at('2026-03-02T01:01:02.000Z') })).attempts).toBe(1);
    await store.clearLookupAttempts(key);
    expect(await store.reserveLookupAttempt({ key, ...at('2026-03-02T01:01:03.000Z') })).toEqual({
      admitted: true,
      attempts: 1,
      windowEndsAt: '2026-03-02T01:02:03.000Z',
    });
  });

  it('never admits more than maxAttempts, however many attempts race', async () => {
    const store = current();
    const key = 'dossier:H56-260302-0303';
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        store.reserveLookupAttempt({
          key,
          now: '2026-03-02T01:00:00.000Z',
          maxAttempts: 7,
          windowMs: 60_000,
        }),
      ),
    );
    expect(results.filter((r) => r.admitted)).toHaveLength(7);
    expect(new Set(results.map((r) => r.windowEndsAt))).toEqual(new Set(['2026-03-02T01:01:00.000Z']));
    expect(results.every((r) => r.attempts === 7 || r.admitted)).toBe(true);
  });

  it('limits failed lookups per dossier code, whatever the address: 30 × 10 guesses, only 10 compared', async () => {
    const { engine, clock } = sampleEngine(current());
    const d = await receive(engine);
    const outcomes: string[] = [];
    // 30 clients, 10 guesses each: the engine sees no address, so the code's count is what stops them.
    for (let client = 0; client < 30; client++) {
      for (let guess = 0; guess < 10; guess++) {
        outcomes.push(
          await engine.lookup(d.code, `WRONG${client}X${guess}`).then(
            () => 'found',
            (e: { code: string }) => e.code,
          ),
        );
      }
    }
    expect(outcomes.filter((o) => o === 'LOOKUP_FAILED')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'LOOKUP_LOCKED')).toHaveLength(290);
    // Locked: even the right secret is refused, with when to come back (the window's end).
    const locked = await engine.lookup(d.code, d.context.secret).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(LookupLockedError);
    expect((locked as LookupLockedError).retryAt).toBe(
      new Date(clock.now().getTime() + 3_600_000).toISOString(),
    );
    expect((locked as LookupLockedError).retryAfterSeconds).toBe(3600);
    // The lock heals when the window ends.
    clock.advance({ minutes: 60 });
    expect((await engine.lookup(d.code, d.context.secret)).code).toBe(d.code);
  });

  it('counts only failures: successful lookups give their attempt back', async () => {
    const { engine } = sampleEngine(current(), { lookupLimit: { maxFailures: 3 } });
    const d = await receive(engine);
    for (let i = 0; i < 20; i++) expect((await engine.lookup(d.code, d.context.secret)).code).toBe(d.code);
    for (let i = 0; i < 2; i++)
      await expect(engine.lookup(d.code, 'WRONG1')).rejects.toMatchObject({ code: 'LOOKUP_FAILED' });
    expect((await engine.lookup(d.code, d.context.secret.toLowerCase())).code).toBe(d.code);
    await expect(engine.lookup(d.code, 'WRONG2')).rejects.toMatchObject({ code: 'LOOKUP_FAILED' });
    await expect(engine.lookup(d.code, d.context.secret)).rejects.toMatchObject({ code: 'LOOKUP_LOCKED' });
  });

  it('locks unknown codes like known ones (no existence oracle)', async () => {
    const { engine } = sampleEngine(current(), { lookupLimit: { maxFailures: 2, windowMs: 60_000 } });
    const d = await receive(engine);
    const unknown = '000.00.14.H56-260302-9999';
    const run = async (code: string) => {
      const out: string[] = [];
      for (let i = 0; i < 4; i++)
        out.push((await engine.lookup(code, 'AAAAAAAA').catch((e: { code: string }) => e.code)) as string);
      return out;
    };
    expect(await run(d.code)).toEqual(await run(unknown));
    expect(await run(unknown)).toEqual(['LOOKUP_LOCKED', 'LOOKUP_LOCKED', 'LOOKUP_LOCKED', 'LOOKUP_LOCKED']);
  });

  it('makes the same store calls for an unknown code as for a wrong secret', async () => {
    const store = current();
    const calls: string[] = [];
    const recorded = new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(name));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const { engine } = sampleEngine(recorded);
    const d = await receive(engine);
    const pathOf = async (code: string) => {
      calls.length = 0;
      await engine.lookup(code, 'AAAAAAAA').catch(() => {});
      return [...calls].sort();
    };
    const wrong = await pathOf(d.code);
    const unknown = await pathOf('000.00.14.H56-260302-9998');
    expect(wrong).toEqual(['lookupSecret', 'reserveLookupAttempt']);
    expect(unknown).toEqual(wrong);
  });

  it('lets two engines guessing at once compare no more than the limit', async () => {
    const store = current();
    const { engine: a, clock } = sampleEngine(store, { workerId: 'a', lookupLimit: { maxFailures: 5 } });
    const { engine: b } = sampleEngine(store, { workerId: 'b', clock, lookupLimit: { maxFailures: 5 } });
    const d = await receive(a);
    const guesses = Array.from({ length: 60 }, (_, i) =>
      (i % 2 ? a : b).lookup(d.code, `GUESS${i}`).then(
        () => 'found',
        (e: { code: string }) => e.code,
      ),
    );
    const outcomes = await Promise.all(guesses);
    expect(outcomes.filter((o) => o === 'LOOKUP_FAILED')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'LOOKUP_LOCKED')).toHaveLength(55);
  });

  it('lets the desk reissue the secret: journalled without it, the old one fails, the lock is lifted', async () => {
    const { engine } = sampleEngine(current(), { lookupLimit: { maxFailures: 2 }, secretLength: 10 });
    const d = await receive(engine);
    expect(d.context.secret).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    for (let i = 0; i < 3; i++) await engine.lookup(d.code, 'WRONGWRONG').catch(() => {});
    await expect(engine.lookup(d.code, d.context.secret)).rejects.toMatchObject({ code: 'LOOKUP_LOCKED' });
    await expect(engine.reissueSecret(d.code, { actor: sampleActors.police })).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
      field: 'actor',
    });
    const reissued = await engine.reissueSecret(d.code, { actor: sampleActors.desk });
    expect(reissued.code).toBe(d.code);
    expect(reissued.version).toBe(2);
    expect(reissued.secret).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(reissued.secret).not.toBe(d.context.secret);
    const record = await engine.get(d.code);
    expect(record.journal.map((j) => j.type)).toEqual(['RECEIVE', 'LOOKUP:reissue-secret']);
    expect(record.journal[1]?.actor.officerId).toBe(sampleActors.desk.officerId);
    expect(JSON.stringify(record.journal)).not.toContain(reissued.secret);
    expect(record.state).toBe(d.state);
    // The lock is lifted; the old secret is a wrong one now.
    await expect(engine.lookup(d.code, d.context.secret)).rejects.toMatchObject({ code: 'LOOKUP_FAILED' });
    expect((await engine.lookup(d.code, reissued.secret)).code).toBe(d.code);
    // The dossier goes on as before.
    await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk });
    expect((await engine.lookup(d.code, reissued.secret)).code).toBe(d.code);
    // A retry under the same key returns the same secret, once journalled.
    const k1 = await engine.reissueSecret(d.code, { actor: sampleActors.desk, idempotencyKey: 'reissue-1' });
    const k2 = await engine.reissueSecret(d.code, { actor: sampleActors.desk, idempotencyKey: 'reissue-1' });
    expect(k2).toEqual(k1);
    expect((await engine.get(d.code)).journal.filter((j) => j.type === 'LOOKUP:reissue-secret')).toHaveLength(
      2,
    );
  });
}
