/**
 * Prepared statements by SQL text: each text is prepared once per connection and reused (better-
 * sqlite3 statements stay valid until the database closes).
 *
 * @example
 * ```ts
 * import { StatementCache } from '@motcua/sql/sqlite';
 * import Database from 'better-sqlite3';
 * const db = new Database(':memory:');
 * const statements = new StatementCache(db);
 * statements.get('SELECT 1 AS one WHERE ? > 0').get(1); // { one: 1 }, prepared once
 * ```
 */
export class StatementCache<S> {
  private readonly statements = new Map<string, S>();

  /** @param db anything that prepares a statement from SQL text (a better-sqlite3 `Database`). */
  constructor(private readonly db: { prepare(sql: string): S }) {}

  /** The statement of `sql`, prepared on first use. */
  get(sql: string): S {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
