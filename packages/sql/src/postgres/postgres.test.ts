import { afterAll, expect, it } from 'vitest';
import { describePostgres, dropSchema, freshSchema, testPool } from '../testing/postgres-test-server.js';
import { guardPool } from './guard-pool.js';
import { migratePostgres } from './migrate-postgres.js';
import { PreparedNames } from './prepared-names.js';
import { withTransaction } from './with-transaction.js';

describePostgres('the PostgreSQL plumbing on a real server', () => {
  const pool = testPool({ applicationName: 'motcua-sql-test' });
  guardPool(pool);
  const schema = freshSchema('sql_test');
  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });
  const options = { translate: (e: unknown) => e, connectionLost: () => false };
  const plan = {
    lockKey: `motcua-sql-test:${schema}`,
    schema,
    searchPath: false,
    versionsTable: `"${schema}".versions`,
    migrations: [
      {
        version: 1,
        name: '001_init',
        sql: `CREATE TABLE IF NOT EXISTS "${schema}".t (x text); INSERT INTO "${schema}".versions (version, name) VALUES (1, '001_init') ON CONFLICT DO NOTHING;`,
      },
    ],
  };

  it('migrates once: the schema, the versions table and each migration', async () => {
    expect(await withTransaction(pool, (c) => migratePostgres(c, plan), options)).toEqual({
      applied: ['001_init'],
      version: 1,
    });
    expect(await withTransaction(pool, (c) => migratePostgres(c, plan), options)).toEqual({
      applied: [],
      version: 1,
    });
  });

  it('commits a transaction, rolls one back on error, and runs named statements', async () => {
    const names = new PreparedNames('sql_test_', true);
    const insert = `INSERT INTO "${schema}".t (x) VALUES ($1)`;
    expect(names.query(insert, ['a']).name).toMatch(/^sql_test_[0-9a-f]{20}$/);
    expect(new PreparedNames('p_', false).query(insert, ['a']).name).toBeUndefined();
    await withTransaction(pool, (c) => c.query(names.query(insert, ['kept'])), options);
    await expect(
      withTransaction(
        pool,
        async (c) => {
          await c.query(names.query(insert, ['dropped']));
          throw new Error('abort');
        },
        options,
      ),
    ).rejects.toThrow('abort');
    const { rows } = await pool.query(`SELECT x FROM "${schema}".t ORDER BY x`);
    expect(rows).toEqual([{ x: 'kept' }]);
  });
});
