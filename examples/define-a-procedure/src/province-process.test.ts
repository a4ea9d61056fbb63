/**
 * Step 5: a procedure defined from a province's approved internal process (quy trình nội bộ), as
 * provinces publish it: the table in `province-process.csv` (step, content, unit or title, time in
 * fractions of days or hours, national status code), read by `processFromTable`, then run on an
 * engine: the national status follows the table's codes, and the steps' due times are the table's
 * budgets on the working calendar (07:30–11:30, 13:00–17:00).
 */
import { readFileSync } from 'node:fs';
import { defineProcedure, MemoryStore } from '@motcua/core';
import { sampleEngine } from '@motcua/core/testing';
import { processFromTable } from '@motcua/procedures';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const table = readFileSync(new URL('./province-process.csv', import.meta.url), 'utf8');
const [residence] = processFromTable(table, {
  procedure: {
    code: '1.004222',
    version: '2026.1',
    effectiveFrom: '2026-01-01',
    regime: '2025',
    name: { vi: 'Đăng ký thường trú' },
    legalBasis: ['Luật Cư trú số 68/2020/QH14'],
    agency: 'Công an xã Đông Anh',
    timeLimit: { workingDays: 7 },
    channels: ['in-person'],
    application: z.object({ address: z.string().min(1) }).strict(),
  },
  decision: { number: '2095/QĐ-UBND', date: '2025-10-31', issuedBy: 'UBND tỉnh Đồng Nai' },
});

const desk = { officerId: 'mc-1', unitId: 'desk' };
const police = { officerId: 'ca-1', unitId: 'cong-an-xa' };
const chief = { officerId: 'ca-0', unitId: 'truong-cong-an-xa' };
const utc = (local: string) => new Date(local).toISOString();

describe("a procedure from a province's process table", () => {
  it('runs the table: its units hold the dossier in turn, with its status codes and budgets', async () => {
    const { engine, clock } = sampleEngine(new MemoryStore(), {
      procedures: [defineProcedure(residence!)],
      start: '2026-05-11T08:00:00+07:00',
    });
    const d = await engine.receive({
      procedure: '1.004222',
      channel: 'in-person',
      actor: desk,
      applicant: { fullName: 'Nguyễn Văn An' },
      application: { address: 'Thôn 3, xã Đông Anh' },
    });
    expect(d.nationalStatus?.code).toBe(2);
    // Received Mon 11/05 08:00; 7 working days (12, 13, 14, 15, 18, 19, 20/05): due Wed 20/05 17:00.
    expect(d.context.due.legal).toBe(utc('2026-05-20T17:00:00+07:00'));
    // The desk's half day is 4 working hours: 08:00–11:30 (3.5 h), then 13:00–13:30.
    expect(d.context.steps[0]!.due).toBe(utc('2026-05-11T13:30:00+07:00'));
    clock.advance({ hours: 2 });
    const appraising = await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    expect(appraising.state).toBe('processing.b2');
    expect(appraising.nationalStatus?.code).toBe(4);
    for (const actor of [police, chief]) {
      clock.advance({ hours: 3 });
      await engine.send(d.code, { type: 'HAND_OVER', actor });
    }
    clock.advance({ hours: 1 });
    const ready = await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    expect(ready.nationalStatus).toEqual({ code: 9, name: 'Đã xử lý xong' });
    expect(ready.context.finishedAt).toBe(utc('2026-05-11T17:00:00+07:00'));
  });
});
