/**
 * A real SMPP 3.4 peer for tests and the benchmark: the `smpp` package's server mode on
 * 127.0.0.1. It answers bind_transceiver, submit_sm and enquire_link, checks every submit_sm
 * (data_coding 0 or 8, the UDH of concatenated parts, part lengths), sends deliver_sm receipts,
 * and can misbehave on demand: drop a connection before answering, go away and come back.
 * Not part of the package API.
 */
import type { AddressInfo } from 'node:net';
import smpp, { type PDU, type Session, type SmppServer } from 'smpp';
import { gsm7Length } from '../text/gsm7.js';

/** One submit_sm as the gateway received it. */
interface SubmitRecord {
  /** Connection number (1 for the first accepted connection). */
  readonly connection: number;
  readonly destination: string;
  readonly source: string;
  readonly dataCoding: number;
  readonly esmClass: number;
  readonly registeredDelivery: number;
  readonly udh: { readonly reference: number; readonly total: number; readonly index: number } | null;
  readonly text: string;
  /** The id the gateway answered with; `null` when it did not acknowledge this submit_sm. */
  messageId: string | null;
}

/** What the gateway does with one submit_sm. */
type SubmitAction = 'ack' | 'ignore' | 'drop' | { readonly status: number };

export interface SmppGatewayOptions {
  readonly systemId?: string;
  readonly password?: string;
  /** Send a deliver_sm receipt after each acknowledged submit_sm with this stat (default `DELIVRD`); `false`: none. */
  readonly receiptStat?: string | false;
  /** Put the id and state in TLVs (default) or only in the receipt text. */
  readonly receiptMode?: 'tlv' | 'text';
  /** Decides per submit_sm (default `ack`). */
  readonly onSubmit?: (record: SubmitRecord, count: number) => SubmitAction;
  /** Answer enquire_link (default true); `false` plays a peer that hangs. */
  readonly answerEnquireLink?: boolean;
  /** Keep no per-message records (benchmark). */
  readonly recordSubmits?: boolean;
}

export interface SmppGateway {
  readonly port: number;
  readonly submits: SubmitRecord[];
  /** Problems found in what the client sent; a test expects it empty. */
  readonly violations: string[];
  readonly counts: {
    binds: number;
    refusedBinds: number;
    connections: number;
    enquireLinks: number;
    submits: number;
    receiptsSent: number;
    receiptsAnswered: number;
  };
  /** Sends a receipt for a message id on the open connections. */
  sendReceipt(messageId: string, stat: string, destination?: string): void;
  /** Drops every open connection (the listener stays). */
  dropConnections(): void;
  /** The gateway goes away: the listener closes and every connection drops. */
  stop(): Promise<void>;
  /** The gateway comes back on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

function receiptText(id: string, stat: string): string {
  return `id:${id} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:2603020900 done date:2603020901 stat:${stat} err:000 text:`;
}

const STATES: Readonly<Record<string, number>> = {
  ENROUTE: 1,
  DELIVRD: 2,
  EXPIRED: 3,
  DELETED: 4,
  UNDELIV: 5,
  ACCEPTD: 6,
  UNKNOWN: 7,
  REJECTD: 8,
};

export async function startSmppGateway(options: SmppGatewayOptions = {}): Promise<SmppGateway> {
  const systemId = options.systemId ?? 'motcua';
  const password = options.password ?? 'secret';
  const receiptStat = options.receiptStat ?? 'DELIVRD';
  const record = options.recordSubmits ?? true;
  const submits: SubmitRecord[] = [];
  const violations: string[] = [];
  const counts = {
    binds: 0,
    refusedBinds: 0,
    connections: 0,
    enquireLinks: 0,
    submits: 0,
    receiptsSent: 0,
    receiptsAnswered: 0,
  };
  const bound = new Set<Session>();
  const dead = new WeakSet<Session>();
  const concat = new Map<string, number>();
  let nextId = 0;
  let port = 0;
  let server: SmppServer;

  const deliverReceipt = (session: Session, id: string, stat: string, destination: string) => {
    counts.receiptsSent++;
    session.deliver_sm(
      {
        source_addr: destination,
        destination_addr: 'MOTCUA',
        esm_class: 0x04,
        data_coding: 0,
        short_message: receiptText(id, stat),
        ...(options.receiptMode === 'text'
          ? {}
          : { receipted_message_id: id, message_state: STATES[stat] ?? 7 }),
      },
      () => {
        counts.receiptsAnswered++;
      },
    );
  };

  const check = (pdu: PDU, text: string, udh: SubmitRecord['udh']) => {
    const dc = pdu.data_coding ?? -1;
    if (dc !== 0 && dc !== 8) violations.push(`data_coding ${dc}`);
    const units = dc === 8 ? text.length : (gsm7Length(text) ?? Number.POSITIVE_INFINITY);
    const esm = pdu.esm_class ?? 0;
    if (udh) {
      if ((esm & 0x40) === 0) violations.push('UDH without esm_class 0x40');
      if (udh.total < 2 || udh.index < 1 || udh.index > udh.total) {
        violations.push(`bad part ${udh.index}/${udh.total}`);
      }
      if (units > (dc === 8 ? 67 : 153)) violations.push(`part of ${units} units`);
      const key = `${pdu.destination_addr}/${udh.reference}`;
      const total = concat.get(key);
      if (total !== undefined && total !== udh.total) violations.push(`part count changed for ${key}`);
      concat.set(key, udh.total);
    } else {
      if (esm & 0x40) violations.push('esm_class 0x40 without a concatenation UDH');
      if (units > (dc === 8 ? 70 : 160)) violations.push(`single SMS of ${units} units`);
    }
  };

  const onSession = (session: Session) => {
    counts.connections++;
    const connection = counts.connections;
    session.on('error', () => {});
    session.on('close', () => bound.delete(session));
    session.on('bind_transceiver', (pdu: PDU) => {
      if (pdu.system_id !== systemId || pdu.password !== password) {
        counts.refusedBinds++;
        session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
        return;
      }
      counts.binds++;
      bound.add(session);
      session.send(pdu.response({ system_id: 'TESTSMSC' }));
    });
    session.on('enquire_link', (pdu: PDU) => {
      counts.enquireLinks++;
      if (options.answerEnquireLink !== false) session.send(pdu.response());
    });
    session.on('unbind', (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: PDU) => {
      if (dead.has(session)) return; // PDUs still buffered after a drop are not processed
      counts.submits++;
      if (!bound.has(session)) {
        session.send(pdu.response({ command_status: 0x04 })); // ESME_RINVBNDSTS
        return;
      }
      const sm = pdu.short_message;
      const decoded = sm === undefined || Buffer.isBuffer(sm) ? { message: sm ?? '' } : sm;
      const text = typeof decoded.message === 'string' ? decoded.message : decoded.message.toString('latin1');
      const ie = 'udh' in decoded ? decoded.udh?.find((h) => h[0] === 0x00) : undefined;
      const udh =
        ie && ie.length === 5 && ie[1] === 3 ? { reference: ie[2]!, total: ie[3]!, index: ie[4]! } : null;
      if ('udh' in decoded && decoded.udh && decoded.udh.length > 0 && !udh) violations.push('unknown UDH');
      const rec: SubmitRecord = {
        connection,
        destination: pdu.destination_addr ?? '',
        source: pdu.source_addr ?? '',
        dataCoding: pdu.data_coding ?? -1,
        esmClass: pdu.esm_class ?? 0,
        registeredDelivery: pdu.registered_delivery ?? 0,
        udh,
        text,
        messageId: null,
      };
      check(pdu, text, udh);
      if (record) submits.push(rec);
      const action = options.onSubmit?.(rec, counts.submits) ?? 'ack';
      if (action === 'ignore') return;
      if (action === 'drop') {
        dead.add(session);
        session.destroy();
        return;
      }
      if (action !== 'ack') {
        session.send(pdu.response({ command_status: action.status }));
        return;
      }
      const id = (++nextId).toString(16).toUpperCase().padStart(10, '0');
      rec.messageId = id;
      session.send(pdu.response({ message_id: id }));
      if (receiptStat !== false && rec.registeredDelivery) {
        setImmediate(() => {
          if (bound.has(session)) deliverReceipt(session, id, receiptStat, rec.destination);
        });
      }
    });
  };

  const listen = async (at: number) => {
    server = smpp.createServer({}, onSession);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    port = (server.address() as AddressInfo).port;
  };

  const dropConnections = () => {
    for (const session of [...server.sessions]) {
      dead.add(session);
      session.destroy();
    }
  };

  let listening = true;
  const stop = async () => {
    if (!listening) return;
    listening = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    dropConnections();
    await closed;
  };

  await listen(0);
  return {
    get port() {
      return port;
    },
    submits,
    violations,
    counts,
    sendReceipt(messageId, stat, destination = '') {
      for (const session of bound) deliverReceipt(session, messageId, stat, destination);
    },
    dropConnections,
    stop,
    async restart() {
      await stop();
      await listen(port);
      listening = true;
    },
    close: stop,
  };
}
