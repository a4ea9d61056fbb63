/**
 * A simulator of the national portal's dossier sync through the LGSP adapter, for tests, the
 * benchmark and vendors' own integration tests: node:http on 127.0.0.1 (port 0). It speaks the
 * envelope `lgspEnvelope` sends: POST
 * `/auth` `{ username, password }` → `{ error_code: 0, session }`; POST `/integration`
 * `{ session, madonvi, service, isUpdating, data }` with `service` `DongBoHoSoMC` (create, or
 * update with `isUpdating: "True"`) or `CapNhatTienDoHoSoMC` (step history). It keeps records by
 * MaHoSo and step entries, counts creates per MaHoSo (a second create of one MaHoSo is a
 * duplicate) and step resends, checks required fields and 14-digit dates (400 naming the field),
 * and plays faults from a queue the test seeds (then, when no queued fault matches a call, from an
 * optional `faultSource`, e.g. a seeded mix at a rate for a long run).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the simulator answers one service call (auth calls take no fault). */
export type SimFault =
  /** No fault: the call is answered as usual (spaces out a seeded sequence of faults). */
  | { readonly kind: 'none' }
  /** The record already exists on the portal (kept, or stored as if another system created it): error_code 3. */
  | { readonly kind: 'exists' }
  | { readonly kind: 'http500' }
  /** 400 naming `field`, as the portal's validation does. */
  | { readonly kind: 'http400'; readonly field: string }
  /** Never answers (the client's timeout aborts). */
  | { readonly kind: 'timeout' }
  /** Answers after `ms`. */
  | { readonly kind: 'slow'; readonly ms: number }
  /** Applies the call, and answers only when the test calls `release()`. */
  | { readonly kind: 'held' }
  /** Drops the connection before applying anything. */
  | { readonly kind: 'reset-before-apply' }
  /** Applies the call, then drops the connection: the answer is lost. */
  | { readonly kind: 'apply-then-reset' }
  /** Answers 401: the session is no longer valid. */
  | { readonly kind: 'session-expired' };

/** The two services of the dossier sync. */
export type SimService = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';

/** One service call as received. */
export interface SimCall {
  readonly service: string;
  readonly isUpdating: string | undefined;
  readonly codes: readonly string[];
  readonly fault: SimFault['kind'] | 'none';
  readonly status: number;
}

/** A record or history entry as the simulator stored it (the portal's field names). */
export type SimRecord = Record<string, unknown>;

/** A running portal simulator: its address and login, what it stored, its counters, its fault queue. */
export interface DvcqgSimulator {
  /** The adapter's base URL (`http://127.0.0.1:<port>`). */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Records by MaHoSo, as last written. */
  readonly records: Map<string, SimRecord>;
  /** Step entries per MaHoSo in arrival order (resends not stored twice). */
  readonly steps: Map<string, SimRecord[]>;
  /** Creates applied per MaHoSo (more than 1 is a duplicate record). */
  readonly creates: Map<string, number>;
  /** Updates applied per MaHoSo. */
  readonly updates: Map<string, number>;
  /** Step entries received again (same MaHoSo, ThoiDiemXuLy, TrangThai, NguoiXuLy, NoiDungXuLy). */
  stepResends: number;
  /** Step entries that arrived earlier in time than one already held for their MaHoSo. */
  stepsOutOfOrder: number;
  /** Every service call. */
  readonly calls: SimCall[];
  /** Sessions issued; every body carries one. */
  readonly sessions: Set<string>;
  /** Bodies of the auth calls (the test checks credentials are sent there only). */
  readonly authBodies: unknown[];
  /** Queues faults for the next calls of `service` (or of any service). */
  fault(fault: SimFault, options?: { readonly service?: SimService; readonly times?: number }): void;
  /** Creates applied more than once, summed over records. */
  duplicates(): number;
  /** Answers the calls held by the `held` fault. */
  release(): void;
  close(): Promise<void>;
}

const DATE = /^\d{14}$/;
const RECORD_REQUIRED = [
  'MaHoSo',
  'MaTTHC',
  'TenTTHC',
  'KenhThucHien',
  'ChuHoSo',
  'LoaiDoiTuong',
  'TrichYeuHoSo',
  'NgayNopHoSo',
  'TrangThaiHoSo',
  'DonViXuLy',
];
const RECORD_DATES = [
  'NgayNopHoSo',
  'NgayTiepNhan',
  'NgayHenTra',
  'NgayKetThucXuLy',
  'NgayTra',
  'NgayTuChoi',
];
const STEP_REQUIRED = ['MaHoSo', 'NguoiXuLy', 'ThoiDiemXuLy', 'NoiDungXuLy', 'TrangThai'];
const STEP_DATES = ['ThoiDiemXuLy', 'NgayBatDau', 'NgayKetThucTheoQuyDinh'];

/** The first field of `value` that breaks the portal's rules, with the rule, or `undefined`. */
function invalidField(
  value: unknown,
  required: readonly string[],
  dates: readonly string[],
  path: string,
): string | undefined {
  if (value === null || typeof value !== 'object') return `${path}: not an object`;
  const v = value as SimRecord;
  for (const f of required) if (typeof v[f] !== 'string' || v[f] === '') return f;
  for (const f of dates) {
    const d = v[f];
    if (d !== undefined && d !== '' && (typeof d !== 'string' || !DATE.test(d))) return f;
  }
  if (typeof v.NguoiXuLy === 'string' && v.NguoiXuLy.length > 50) return 'NguoiXuLy';
  // A received dossier carries its receipt and due dates (not a filing waiting, refused or withdrawn at intake).
  if (typeof v.TrangThaiHoSo === 'string' && !['1', '3', '7'].includes(v.TrangThaiHoSo)) {
    for (const f of ['NgayTiepNhan', 'NgayHenTra']) if (!v[f]) return f;
  }
  return undefined;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Starts a portal simulator on 127.0.0.1 with a random port.
 *
 * @example
 * ```ts
 * import { startDvcqgSimulator } from '@motcua/connectors/testing';
 * const sim = await startDvcqgSimulator();
 * sim.fault({ kind: 'apply-then-reset' }, { service: 'DongBoHoSoMC' });
 * // … sync through lgspEnvelope({ url: sim.url, … }) …
 * sim.duplicates(); // 0
 * await sim.close();
 * ```
 */
export async function startDvcqgSimulator(
  options: {
    readonly unitCode?: string;
    readonly username?: string;
    readonly password?: string;
    /** The loopback port (default: a free one). */
    readonly port?: number;
    /**
     * Asked for each service call that no queued fault matches, in the order calls arrive (e.g. a
     * seeded mix at a rate, as the standalone simulator's `--faults` plays); `undefined` or
     * `{ kind: 'none' }`: no fault. The queue is finite; the source serves a run of any length.
     */
    readonly faultSource?: (service: string) => SimFault | undefined;
  } = {},
): Promise<DvcqgSimulator> {
  const unitCode = options.unitCode ?? '000.00.14.H56';
  const username = options.username ?? 'motcua';
  const password = options.password ?? 'mat-khau-thu';
  const queue: { fault: SimFault; service: SimService | undefined }[] = [];
  const hanging = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const held: (() => void)[] = [];
  const stepKeys = new Map<string, Set<string>>();

  const sim: DvcqgSimulator = {
    url: '',
    username,
    password,
    records: new Map(),
    steps: new Map(),
    creates: new Map(),
    updates: new Map(),
    stepResends: 0,
    stepsOutOfOrder: 0,
    calls: [],
    sessions: new Set(),
    authBodies: [],
    fault(fault, o = {}) {
      for (let i = 0; i < (o.times ?? 1); i++) queue.push({ fault, service: o.service });
    },
    release() {
      for (const answer of held.splice(0)) answer();
    },
    duplicates() {
      let n = 0;
      for (const c of sim.creates.values()) n += Math.max(0, c - 1);
      return n;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const takeFault = (service: string): SimFault | undefined => {
    const i = queue.findIndex((q) => q.service === undefined || q.service === service);
    return i < 0 ? options.faultSource?.(service) : queue.splice(i, 1)[0]!.fault;
  };

  const json = (res: ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(value));
  };

  /** Applies a service call; gives the answer to send (status, body). */
  const apply = (
    service: string,
    isUpdating: string | undefined,
    data: readonly unknown[],
    fault: SimFault | undefined,
  ): [number, unknown] => {
    if (service === 'DongBoHoSoMC') {
      for (const [i, r] of data.entries()) {
        const bad = invalidField(r, RECORD_REQUIRED, RECORD_DATES, `data[${i}]`);
        if (bad) return [400, { error_code: 400, message: `Trường ${bad} không hợp lệ`, field: bad }];
      }
      const updating = isUpdating === 'True';
      for (const r of data as SimRecord[]) {
        const code = r.MaHoSo as string;
        if (fault?.kind === 'exists' || (!updating && sim.records.has(code))) {
          if (!sim.records.has(code)) sim.records.set(code, r);
          return [200, { error_code: 3, message: `Hồ sơ đã tồn tại trên hệ thống` }];
        }
        if (updating && !sim.records.has(code)) {
          return [200, { error_code: -2, message: 'Hồ sơ không tồn tại trên hệ thống' }];
        }
        sim.records.set(code, r);
        const counter = updating ? sim.updates : sim.creates;
        counter.set(code, (counter.get(code) ?? 0) + 1);
      }
      return [200, { error_code: 0, message: 'Đồng bộ hồ sơ thành công' }];
    }
    if (service === 'CapNhatTienDoHoSoMC') {
      for (const [i, s] of data.entries()) {
        const bad = invalidField(s, STEP_REQUIRED, STEP_DATES, `data[${i}]`);
        if (bad) return [400, { error_code: 400, message: `Trường ${bad} không hợp lệ`, field: bad }];
        if (!sim.records.has((s as SimRecord).MaHoSo as string)) {
          // History only for a record the portal holds.
          return [400, { error_code: 400, message: 'Trường MaHoSo không tồn tại', field: 'MaHoSo' }];
        }
      }
      for (const s of data as SimRecord[]) {
        const code = s.MaHoSo as string;
        const key = ['ThoiDiemXuLy', 'TrangThai', 'NguoiXuLy', 'NoiDungXuLy'].map((f) => s[f]).join('|');
        let keys = stepKeys.get(code);
        if (!keys) {
          keys = new Set();
          stepKeys.set(code, keys);
        }
        if (keys.has(key)) {
          sim.stepResends++;
          continue;
        }
        keys.add(key);
        const list = sim.steps.get(code) ?? [];
        const last = list[list.length - 1];
        if (last && (last.ThoiDiemXuLy as string) > (s.ThoiDiemXuLy as string)) sim.stepsOutOfOrder++;
        list.push(s);
        sim.steps.set(code, list);
      }
      return [200, { error_code: 0, message: 'Cập nhật tiến độ thành công' }];
    }
    return [400, { error_code: 400, message: 'Trường service không hợp lệ', field: 'service' }];
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = (await readJson(req)) as SimRecord | undefined;
      if (req.method !== 'POST' || !body) {
        json(res, 400, { error_code: 400, message: 'Yêu cầu không hợp lệ' });
        return;
      }
      if (req.url === '/auth') {
        sim.authBodies.push(body);
        if (body.username !== username || body.password !== password) {
          json(res, 401, { error_code: -1, message: 'Sai tài khoản hoặc mật khẩu' });
          return;
        }
        const session = randomUUID();
        sim.sessions.add(session);
        json(res, 200, { error_code: 0, session });
        return;
      }
      if (req.url !== '/integration') {
        json(res, 404, { error_code: 404, message: 'Không tìm thấy' });
        return;
      }
      const service = String(body.service ?? '');
      const isUpdating = typeof body.isUpdating === 'string' ? body.isUpdating : undefined;
      const data = Array.isArray(body.data) ? body.data : [];
      const codes = data.map((d) => String((d as SimRecord | null)?.MaHoSo ?? ''));
      const taken = takeFault(service);
      const fault = taken?.kind === 'none' ? undefined : taken;
      const record = (status: number) =>
        sim.calls.push({ service, isUpdating, codes, fault: fault?.kind ?? 'none', status });
      if (typeof body.session !== 'string' || !sim.sessions.has(body.session)) {
        record(401);
        json(res, 401, { error_code: -1, message: 'Phiên làm việc không hợp lệ hoặc đã hết hạn' });
        return;
      }
      if (body.madonvi !== unitCode) {
        record(400);
        json(res, 400, { error_code: 400, message: 'Trường madonvi không hợp lệ', field: 'madonvi' });
        return;
      }
      switch (fault?.kind) {
        case 'http500':
          record(500);
          json(res, 500, { error_code: 500, message: 'Lỗi hệ thống' });
          return;
        case 'http400':
          record(400);
          json(res, 400, {
            error_code: 400,
            message: `Trường ${fault.field} không hợp lệ`,
            field: fault.field,
          });
          return;
        case 'timeout':
          record(0);
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        case 'reset-before-apply':
          record(0);
          req.socket.destroy();
          return;
        case 'session-expired':
          record(401);
          sim.sessions.delete(body.session);
          json(res, 401, { error_code: -1, message: 'Phiên làm việc không hợp lệ hoặc đã hết hạn' });
          return;
        case 'apply-then-reset':
          apply(service, isUpdating, data, undefined);
          record(0);
          req.socket.destroy();
          return;
        case 'held': {
          const [status, answer] = apply(service, isUpdating, data, undefined);
          record(status);
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          held.push(() => json(res, status, answer));
          return;
        }
        case 'slow': {
          const [status, answer] = apply(service, isUpdating, data, undefined);
          record(status);
          const t = setTimeout(() => {
            timers.delete(t);
            if (!res.destroyed) json(res, status, answer);
          }, fault.ms);
          timers.add(t);
          return;
        }
        default: {
          const [status, answer] = apply(service, isUpdating, data, fault);
          record(status);
          json(res, status, answer);
        }
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  (sim as { url: string }).url = `http://127.0.0.1:${port}`;
  return sim;
}
