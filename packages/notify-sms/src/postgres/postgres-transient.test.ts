import { transientPostgresConditions } from '@motcua/adapters/postgres';
import { describe, expect, it } from 'vitest';
import { noticeLogTransientConditions } from './postgres-transient.js';

describe('the notice log’s transient PostgreSQL conditions', () => {
  it('are exactly the engine store’s (transientPostgresConditions)', () => {
    const of = (match: string) =>
      transientPostgresConditions
        .filter((c) => c.match === match)
        .map((c) => (match === 'message' ? c.value.toLowerCase() : c.value))
        .sort();
    expect([...noticeLogTransientConditions.sqlstates].sort()).toEqual(of('sqlstate'));
    expect([...noticeLogTransientConditions.sqlstateClasses].sort()).toEqual(of('sqlstate-class'));
    expect([...noticeLogTransientConditions.nodeCodes].sort()).toEqual(of('node-code'));
    expect([...noticeLogTransientConditions.messages].sort()).toEqual(of('message'));
  });
});
