/**
 * The LGSP envelope against the portal simulator (login once, session in every body, a new login
 * after a refused session, timeouts) and the answer classes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../shared/connector-error.js';
import { type DvcqgSimulator, startDvcqgSimulator } from '../testing/dvcqg-simulator.js';
import { classifyAnswer, lgspEnvelope } from './transport.js';

const sims: DvcqgSimulator[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});

const step = (code: string, at: string) => ({
  MaHoSo: code,
  NguoiXuLy: 'Nguyễn Văn An',
  ChucDanh: '',
  ThoiDiemXuLy: at,
  PhongBanXuLy: 'Bộ phận một cửa',
  NoiDungXuLy: 'Tiếp nhận hồ sơ',
  TrangThai: '2',
  NgayBatDau: at,
  NgayKetThucTheoQuyDinh: '',
});

describe('classifyAnswer', () => {
  it('reads success, "đã tồn tại", a missing record, temporary failures and refusals', () => {
    const ok = { kind: 'ok' };
    expect(classifyAnswer({ httpStatus: 200, body: { error_code: 0, message: 'thành công' } })).toEqual(ok);
    expect(classifyAnswer({ httpStatus: 200, body: { error_code: '00', message: '' } })).toEqual(ok);
    expect(classifyAnswer({ httpStatus: 200, body: 'Cập nhật thành công' })).toEqual(ok);
    for (const code of [0, 3, -3, '3', '-3'])
      expect(
        classifyAnswer({
          httpStatus: 200,
          body: { error_code: code, message: 'Hồ sơ đã tồn tại trên hệ thống' },
        }),
      ).toEqual({ kind: 'exists' });
    expect(
      classifyAnswer({ httpStatus: 200, body: { error_code: -2, message: 'Hồ sơ không tồn tại' } }),
    ).toEqual({
      kind: 'missing',
    });
    for (const httpStatus of [401, 408, 429, 500, 503])
      expect(classifyAnswer({ httpStatus, body: {} }).kind).toBe('retry');
    expect(classifyAnswer({ httpStatus: 0, body: null, failure: 'timeout' })).toEqual({
      kind: 'retry',
      reason: 'no answer in time',
    });
    expect(classifyAnswer({ httpStatus: 200, body: { error_code: 0 }, stage: 'auth' }).kind).toBe('retry');
    expect(
      classifyAnswer({
        httpStatus: 400,
        body: { error_code: 400, message: 'Trường TaiLieuNop[2].DuongDanTaiTepTin sai' },
      }),
    ).toEqual({
      kind: 'reject',
      reason: 'HTTP 400, error_code 400',
      field: 'TaiLieuNop[2].DuongDanTaiTepTin',
    });
  });

  it('never carries the portal’s message, which may echo personal data, nor a field that is no field name', () => {
    const c = classifyAnswer({
      httpStatus: 400,
      body: { error_code: 'x', message: 'Trường 001190012345 của Phạm Thị Dung sai', field: 'Phạm Thị Dung' },
    });
    expect(c).toEqual({ kind: 'reject', reason: 'HTTP 400, error_code none' });
    expect(classifyAnswer({ httpStatus: 200, body: 'Lỗi: 001190012345' })).toEqual({
      kind: 'reject',
      reason: 'HTTP 200, not a success answer',
    });
  });
});

describe('lgspEnvelope', () => {
  it('logs in once, sends the session and unit code in every body, and logs in again after a refused session', async () => {
    const sim = await startDvcqgSimulator();
    sims.push(sim);
    const transport = lgspEnvelope({
      url: `${sim.url}/`,
      unitCode: '000.00.14.H56',
      credentials: { username: sim.username, password: sim.password },
    });
    sim.records.set('A', { MaHoSo: 'A' });
    expect(classifyAnswer(await transport.steps([step('A', '20260302093000')]))).toEqual({ kind: 'ok' });
    expect(classifyAnswer(await transport.steps([step('A', '20260302100000')]))).toEqual({ kind: 'ok' });
    expect(sim.authBodies).toEqual([{ username: sim.username, password: sim.password }]);
    sim.fault({ kind: 'session-expired' });
    expect(classifyAnswer(await transport.steps([step('A', '20260302110000')])).kind).toBe('retry');
    expect(classifyAnswer(await transport.steps([step('A', '20260302110000')]))).toEqual({ kind: 'ok' });
    expect(sim.authBodies).toHaveLength(2);
    expect(sim.steps.get('A')).toHaveLength(3);
    // The simulator checks dates: a bad one is a refusal naming the field.
    expect(classifyAnswer(await transport.steps([step('A', '2026-03-02')]))).toEqual({
      kind: 'reject',
      reason: 'HTTP 400, error_code 400',
      field: 'ThoiDiemXuLy',
    });
  });

  it('answers a refused login, a timeout and an unreachable adapter as retries, without the password', async () => {
    const sim = await startDvcqgSimulator();
    sims.push(sim);
    const wrong = lgspEnvelope({
      url: sim.url,
      unitCode: '000.00.14.H56',
      credentials: { username: sim.username, password: 'sai-mat-khau' },
    });
    const refused = await wrong.create([]);
    expect(classifyAnswer(refused)).toEqual({ kind: 'retry', reason: 'login refused (HTTP 401)' });
    expect(JSON.stringify(refused)).not.toContain('sai-mat-khau');
    const slow = lgspEnvelope({
      url: sim.url,
      unitCode: '000.00.14.H56',
      credentials: { username: sim.username, password: sim.password },
      timeoutMs: 100,
    });
    sim.fault({ kind: 'timeout' });
    const started = Date.now();
    expect(await slow.steps([])).toMatchObject({ httpStatus: 0, failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
    const gone = lgspEnvelope({
      url: 'http://127.0.0.1:9',
      unitCode: '000.00.14.H56',
      credentials: { username: 'u', password: 'p' },
    });
    expect(classifyAnswer(await gone.update([]))).toEqual({ kind: 'retry', reason: 'connection failed' });
  });

  it('calls through a fetch given in the options, with the same answers and failures', async () => {
    const sim = await startDvcqgSimulator();
    sims.push(sim);
    const urls: string[] = [];
    const transport = lgspEnvelope({
      url: sim.url,
      unitCode: '000.00.14.H56',
      credentials: { username: sim.username, password: sim.password },
      timeoutMs: 1500,
      fetch: (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      },
    });
    sim.records.set('A', { MaHoSo: 'A' });
    expect(classifyAnswer(await transport.steps([step('A', '20260302093000')]))).toEqual({ kind: 'ok' });
    sim.fault({ kind: 'timeout' });
    expect(await transport.steps([])).toMatchObject({ httpStatus: 0, failure: 'timeout' });
    sim.fault({ kind: 'reset-before-apply' });
    expect(await transport.steps([])).toMatchObject({ httpStatus: 0, failure: 'network' });
    expect(urls).toEqual([`${sim.url}/auth`, ...Array(3).fill(`${sim.url}/integration`)]);
  });
});

describe('lgspEnvelope options', () => {
  it('names the first bad option, never its value', () => {
    const good = {
      url: 'https://lgsp.example.gov.vn/forward',
      unitCode: '000.00.14.H56',
      credentials: { username: 'motcua', password: 'bi-mat-123' },
    };
    const cases: [object, string][] = [
      [{ url: 'lgsp.example.gov.vn' }, 'url'],
      [{ url: 'ftp://lgsp.example.gov.vn' }, 'url'],
      [{ authPath: 'auth' }, 'authPath'],
      [{ unitCode: ' ' }, 'unitCode'],
      [{ credentials: { username: 'motcua' } }, 'credentials.password'],
      [{ credentials: undefined }, 'credentials.username'],
      [{ timeoutMs: 0 }, 'timeoutMs'],
      [{ timeoutMs: 1.5 }, 'timeoutMs'],
    ];
    for (const [bad, field] of cases) {
      let error: unknown;
      try {
        lgspEnvelope({ ...good, ...bad } as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ code: 'INVALID_OPTION', field });
      expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
        'bi-mat',
      );
    }
    expect(() => lgspEnvelope(good)).not.toThrow();
  });
});
