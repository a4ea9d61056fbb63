/** A query as node-postgres takes it: text, values and, for a prepared statement, a name. */
export interface PgQuery {
  readonly text: string;
  readonly values?: unknown[];
  readonly name?: string;
  /** node-postgres: this query's client-side timeout in ms, instead of the pool's `query_timeout`. */
  readonly query_timeout?: number;
}

/** What node-postgres answers to a query (the part the stores read). */
export interface PgResult {
  readonly rows: unknown[];
  readonly rowCount: number | null;
}

/** A client checked out of a pool (node-postgres `PoolClient` fits). */
export interface PgPoolClient {
  query(query: PgQuery): Promise<PgResult>;
  /** Returns the client to its pool; `true` or an error destroys the connection instead. */
  release(destroy?: boolean | Error): void;
  /** The connection failed while the client was checked out (it is then destroyed, not reused). */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
}

/** A connection pool (node-postgres `Pool` fits). */
export interface PgPool {
  connect(): Promise<PgPoolClient>;
  query(query: PgQuery): Promise<PgResult>;
  end(): Promise<void>;
  /**
   * node-postgres pool events; when present, `guardPool` listens to `'error'` (an idle
   * connection lost) and `'connect'` (a new client: it gets an `'error'` listener from birth). Typed
   * loosely so that any node-postgres version's overloads fit.
   */
  readonly on?: unknown;
}
