import { describePostgres, dropSchema, freshSchema, testPool } from '@motcua/sql/testing';
import { afterAll, expect, it } from 'vitest';
import { PostgresStore } from './postgres-store.js';

describePostgres('PostgresStore lookup windows', () => {
  const pool = testPool({ max: 8 });
  const schema = freshSchema();
  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('reopens expired windows under concurrency without deadlocks, and sweeps the ones that ended', async () => {
    const store = new PostgresStore({ pool, schema });
    await store.migrate();
    const t0 = '2026-03-02T01:00:00.000Z';
    for (let i = 0; i < 300; i++) {
      await store.reserveLookupAttempt({ key: `dossier:k${i}`, now: t0, maxAttempts: 3, windowMs: 1000 });
    }
    // Ten seconds later every window has ended: 200 keys are guessed again at once, while sweeps
    // delete ended windows (other keys' and possibly these): no deadlock, every attempt admitted.
    const later = '2026-03-02T01:00:10.000Z';
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.reserveLookupAttempt({ key: `dossier:k${i}`, now: later, maxAttempts: 3, windowMs: 60_000 }),
      ),
    );
    expect(results.every((r) => r.admitted && r.attempts === 1)).toBe(true);
    expect(new Set(results.map((r) => r.windowEndsAt))).toEqual(new Set(['2026-03-02T01:01:10.000Z']));
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE window_ends_at <= $1)::int AS ended
       FROM "${schema}".lookup_attempts`,
      [later],
    );
    expect(rows[0]).toEqual({ n: 200, ended: 0 });
  });
});
