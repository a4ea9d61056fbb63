import { describe, expect, it } from 'vitest';
import { describePostgresFailure, postgresFailureKind } from './postgres-failure.js';
import { isTransientPostgresError, transientPostgresConditions } from './transient-conditions.js';

/** An error as node-postgres or a socket makes it. */
const failure = (code: string | undefined, message = 'failed') => Object.assign(new Error(message), { code });

describe('transientPostgresConditions', () => {
  it('recognises every listed condition, by SQLSTATE, class, Node code or message', () => {
    for (const c of transientPostgresConditions) {
      const e =
        c.match === 'message'
          ? failure(undefined, `x ${c.value} y`)
          : failure(c.match === 'sqlstate-class' ? `${c.value}006` : c.value);
      expect(isTransientPostgresError(e), `${c.match} ${c.value}`).toBe(true);
    }
    // pg-pool wraps a connection timeout; the cause is followed.
    expect(isTransientPostgresError(failure(undefined, 'wrapped'))).toBe(false);
    expect(
      isTransientPostgresError(Object.assign(new Error('wrapped'), { cause: failure('ECONNRESET') })),
    ).toBe(true);
  });

  it('leaves out what is not transient or has its own code', () => {
    for (const code of ['23505', '42601', '53100', '55P03', '40001', '40P01', '42P01', '22P02', undefined]) {
      expect(isTransientPostgresError(failure(code)), String(code)).toBe(false);
    }
  });
});

describe('postgresFailureKind', () => {
  it('gives each failure its kind: full, unavailable, locked, conflict, not-migrated, failed', () => {
    expect(postgresFailureKind(failure('53100'))).toBe('full');
    expect(postgresFailureKind(failure('57P01'))).toBe('unavailable');
    expect(postgresFailureKind(failure('08006'))).toBe('unavailable');
    expect(postgresFailureKind(failure(undefined, 'Connection terminated unexpectedly'))).toBe('unavailable');
    expect(postgresFailureKind(failure(undefined, 'Cannot use a pool after calling end on the pool'))).toBe(
      'unavailable',
    );
    expect(postgresFailureKind(failure('55P03'))).toBe('locked');
    expect(postgresFailureKind(failure('40001'))).toBe('conflict');
    expect(postgresFailureKind(failure('40P01'))).toBe('conflict');
    expect(postgresFailureKind(failure('42P01'))).toBe('not-migrated');
    expect(postgresFailureKind(failure('3F000'))).toBe('not-migrated');
    expect(postgresFailureKind(failure('23505'))).toBe('failed');
    expect(postgresFailureKind('not an error')).toBe('failed');
  });
});

describe('describePostgresFailure', () => {
  it('gives each kind the message a log reports, where first; a conflict is reported as locked', () => {
    const context = {
      where: 'PostgresX.op',
      notMigrated: 'schema "s" has no x table: run await log.migrate()',
    };
    expect(describePostgresFailure(failure('42P01', 'relation "x" does not exist'), context)).toEqual({
      kind: 'not-migrated',
      message: 'PostgresX.op: schema "s" has no x table: run await log.migrate()',
    });
    expect(describePostgresFailure(failure('53100'), context)).toEqual({
      kind: 'full',
      message: 'PostgresX.op: the PostgreSQL disk is full; nothing was written',
    });
    expect(describePostgresFailure(failure('57P01', 'terminating connection'), context)).toEqual({
      kind: 'unavailable',
      message: 'PostgresX.op: PostgreSQL is unavailable for now (terminating connection); retry',
    });
    expect(describePostgresFailure(failure('40001', 'could not serialize'), context)).toEqual({
      kind: 'locked',
      message: 'PostgresX.op: could not serialize; nothing was written, retry',
    });
    expect(describePostgresFailure(failure('55P03', 'lock not available'), context).kind).toBe('locked');
    expect(describePostgresFailure(failure('22001', 'value too long'), context)).toEqual({
      kind: 'failed',
      message: 'PostgresX.op: value too long',
    });
  });
});
