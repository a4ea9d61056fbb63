import { createHash } from 'node:crypto';
import type { PgQuery } from './pg-pool.js';

/**
 * The statement cache of node-postgres: a query with a `name` is prepared once per connection and
 * reused. Names derive from the SQL text (`<prefix><sha1 of the text, 20 hex digits>`), so every
 * process gives the same text the same name. Turned off (`enabled: false`), queries go unnamed —
 * for a pooler without prepared statements (PgBouncer before 1.21 in transaction mode).
 *
 * @example
 * ```ts
 * import { PreparedNames } from '@motcua/sql/postgres';
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString: 'postgres://motcua@127.0.0.1:5432/motcua' });
 * const names = new PreparedNames('motcua_', true);
 * await pool.query(names.query('SELECT 1 WHERE $1::int > 0', [1]));
 * ```
 */
export class PreparedNames {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    private readonly enabled: boolean,
  ) {}

  /** A query object, named when prepared statements are on and `prepare` is not false. */
  query(text: string, values: unknown[], prepare = true): PgQuery {
    if (!this.enabled || !prepare) return { text, values };
    let name = this.names.get(text);
    if (!name) {
      name = `${this.prefix}${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      this.names.set(text, name);
    }
    return { name, text, values };
  }
}
