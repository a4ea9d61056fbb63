/** A prepared statement of better-sqlite3 (the part the stores use). */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** What the stores need of a better-sqlite3 `Database` (one the application already opened fits). */
export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  /** better-sqlite3's transactions: `.immediate()` takes the write lock at `BEGIN`. */
  transaction<T>(fn: () => T): { (): T; immediate(): T };
  pragma(source: string): unknown;
  close(): unknown;
  readonly open: boolean;
}
