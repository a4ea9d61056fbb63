/**
 * A minimal SMPP 3.4 SMSC for tests, written from the SMPP v3.4 specification (issue 1.2) on
 * `node:net`, so the provider is tested against a peer that shares no code with the `smpp`
 * package it is built on. It frames and parses the PDUs itself and speaks the part of the protocol
 * a transceiver ESME uses:
 *
 * - bind_transceiver (4.1.5) → bind_transceiver_resp, checking system_id and password;
 * - submit_sm (4.4.1) → submit_sm_resp with a message id, an error command_status
 *   (ESME_RTHROTTLED, ESME_RINVDSTADR, …), a late answer, or none;
 * - deliver_sm (4.6.1) with delivery receipts (the Appendix B text, receipted_message_id and
 *   message_state TLVs), kept like a real SMSC keeps them: sent after the part's answer, and again
 *   on the next bound connection until a deliver_sm_resp comes;
 * - enquire_link (4.11.1), unbind (4.2.1), generic_nack (4.3.1) for an unknown command_id.
 *
 * What it writes while handling one read goes out in one TCP segment (as an SMSC answering a window
 * does), each at once (no Nagle delay). It resets connections (TCP RST through
 * `socket.resetAndDestroy()`, not a FIN) in the middle of a window: after answering some parts,
 * after taking a part without answering it, or when told. Everything it received that breaks the
 * specification is listed in `violations`. Not part of the package API.
 */
import net, { type AddressInfo } from 'node:net';

/** SMPP 3.4 command_id values (5.1.2.1). */
const SMPP_COMMANDS = {
  generic_nack: 0x80000000,
  bind_transceiver: 0x00000009,
  bind_transceiver_resp: 0x80000009,
  submit_sm: 0x00000004,
  submit_sm_resp: 0x80000004,
  deliver_sm: 0x00000005,
  deliver_sm_resp: 0x80000005,
  unbind: 0x00000006,
  unbind_resp: 0x80000006,
  enquire_link: 0x00000015,
  enquire_link_resp: 0x80000015,
} as const;

/** SMPP 3.4 command_status values used here (5.1.3). */
const SMPP_STATUS = {
  ESME_ROK: 0x00,
  ESME_RINVCMDLEN: 0x02,
  ESME_RINVCMDID: 0x03,
  ESME_RINVBNDSTS: 0x04,
  ESME_RALYBND: 0x05,
  ESME_RSYSERR: 0x08,
  ESME_RINVDSTADR: 0x0b,
  ESME_RBINDFAIL: 0x0d,
  ESME_RINVPASWD: 0x0e,
  ESME_RTHROTTLED: 0x58,
} as const;

/** TLV tags (5.3.2). */
const TLV_RECEIPTED_MESSAGE_ID = 0x001e;
const TLV_MESSAGE_STATE = 0x0427;
const TLV_SC_INTERFACE_VERSION = 0x0210;

/** message_state values (5.2.28). */
const MESSAGE_STATES: Readonly<Record<string, number>> = {
  ENROUTE: 1,
  DELIVRD: 2,
  EXPIRED: 3,
  DELETED: 4,
  UNDELIV: 5,
  ACCEPTD: 6,
  UNKNOWN: 7,
  REJECTD: 8,
};

/** The GSM 03.38 default alphabet (3GPP TS 23.038 6.2.1), to read data_coding 0 (unpacked septets). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: the septet after the 0x1B escape. */
const GSM_EXTENSION = new Map<number, string>([
  [0x0a, '\f'],
  [0x14, '^'],
  [0x28, '{'],
  [0x29, '}'],
  [0x2f, '\\'],
  [0x3c, '['],
  [0x3d, '~'],
  [0x3e, ']'],
  [0x40, '|'],
  [0x65, '€'],
]);

/** One submit_sm as the SMSC received it. */
interface SmscSubmit {
  /** Connection number (1 for the first accepted connection). */
  readonly connection: number;
  readonly sequence: number;
  readonly source: string;
  readonly destination: string;
  readonly esmClass: number;
  readonly registeredDelivery: number;
  readonly dataCoding: number;
  /** The concatenation header (8-bit reference IE 0x00), when the part has one. */
  readonly udh: { readonly reference: number; readonly total: number; readonly index: number } | null;
  /** The text of the part, without its UDH. */
  readonly text: string;
  /** The id the SMSC gave the part when it took it (it goes to the handset); `null`: not taken. */
  messageId: string | null;
  /** Whether a submit_sm_resp was written for it (before its connection ended). */
  answered: boolean;
}

/**
 * What the SMSC does with one submit_sm:
 * - `ack` — takes the part and answers with its message id;
 * - `ignore` — neither takes nor answers it;
 * - `hold` — takes the part now and answers later, on {@link Smsc.answerHeld};
 * - `{ status }` — refuses it with that command_status (e.g. `ESME_RTHROTTLED`);
 * - `ack-then-reset` — takes and answers it, then resets the connection (RST) once the answers
 *   are written; the submit_sm after it are left unanswered;
 * - `accept-then-reset` — takes the part but resets the connection before answering: the ESME
 *   cannot know the part was taken;
 * - `reset` — resets the connection without taking or answering it.
 */
export type SmscAction =
  | 'ack'
  | 'ignore'
  | 'hold'
  | 'ack-then-reset'
  | 'accept-then-reset'
  | 'reset'
  | { readonly status: number };

/** Options of {@link startSmsc}. */
export interface SmscOptions {
  readonly systemId?: string;
  readonly password?: string;
  /** Decides per submit_sm (`count` from 1, over all connections); default `ack`. */
  readonly onSubmit?: (submit: SmscSubmit, count: number) => SmscAction;
  /** Called when the ESME answers a receipt (its deliver_sm_resp). */
  readonly onReceiptAnswered?: (messageId: string) => void;
  /** Called when the ESME closes its side of a connection (FIN); the SMSC may still answer, then closes its own. */
  readonly onEsmeFinished?: () => void;
  /** The stat of the receipt of every part taken with registered_delivery (default `DELIVRD`); `false`: none. */
  readonly receiptStat?: string | false;
}

/** A running {@link startSmsc} server. */
export interface Smsc {
  readonly port: number;
  /** Every submit_sm received, in order. */
  readonly submits: SmscSubmit[];
  /** Everything received that breaks SMPP 3.4; a test expects it empty. */
  readonly violations: string[];
  readonly counts: {
    connections: number;
    binds: number;
    refusedBinds: number;
    resets: number;
    enquireLinks: number;
    unbinds: number;
    receiptsSent: number;
    receiptsAnswered: number;
  };
  /** The ids of the parts taken, in order. */
  taken(): string[];
  /** Receipts not yet answered by a deliver_sm_resp. */
  pendingReceipts(): string[];
  /** Queues a receipt for a message id and sends it on the bound connections. */
  sendReceipt(messageId: string, stat: string): void;
  /** Answers the held parts of the open connections in one segment; then resets them if told. */
  answerHeld(options?: { readonly thenReset?: boolean }): void;
  /** Resets (RST) every open connection now. */
  resetConnections(): void;
  close(): Promise<void>;
}

/** Reads the fields of one PDU body in order (3.1), listing what breaks the specification. */
class Reader {
  offset = 16;
  constructor(
    private readonly pdu: Buffer,
    private readonly violations: string[],
    private readonly what: string,
  ) {}

  /** A C-Octet String: text up to a NUL, at most `max` octets with the NUL. */
  cString(field: string, max: number): string {
    const end = this.pdu.indexOf(0, this.offset);
    if (end < 0) {
      this.violations.push(`${this.what}.${field}: no NUL terminator`);
      this.offset = this.pdu.length;
      return '';
    }
    if (end - this.offset + 1 > max) this.violations.push(`${this.what}.${field}: longer than ${max} octets`);
    const value = this.pdu.toString('latin1', this.offset, end);
    this.offset = end + 1;
    return value;
  }

  octet(field: string): number {
    if (this.offset >= this.pdu.length) {
      this.violations.push(`${this.what}.${field}: missing`);
      return 0;
    }
    return this.pdu[this.offset++]!;
  }

  octets(field: string, length: number): Buffer {
    if (this.offset + length > this.pdu.length) {
      this.violations.push(`${this.what}.${field}: ${length} octets announced, fewer present`);
    }
    const value = this.pdu.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  /** The optional parameters (3.2.4) after the mandatory ones; the PDU must end with them. */
  tlvs(): Map<number, Buffer> {
    const tlvs = new Map<number, Buffer>();
    while (this.offset + 4 <= this.pdu.length) {
      const tag = this.pdu.readUInt16BE(this.offset);
      const length = this.pdu.readUInt16BE(this.offset + 2);
      this.offset += 4;
      tlvs.set(tag, this.octets(`tlv 0x${tag.toString(16)}`, length));
    }
    if (this.offset !== this.pdu.length) this.violations.push(`${this.what}: trailing octets`);
    return tlvs;
  }
}

const cString = (value: string) => Buffer.concat([Buffer.from(value, 'latin1'), Buffer.from([0])]);

/** A PDU: the 16-octet header (command_length, command_id, command_status, sequence_number) and the body. */
function pdu(commandId: number, status: number, sequence: number, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(16);
  head.writeUInt32BE(16 + body.length, 0);
  head.writeUInt32BE(commandId, 4);
  head.writeUInt32BE(status, 8);
  head.writeUInt32BE(sequence, 12);
  return Buffer.concat([head, body]);
}

function tlv(tag: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(tag, 0);
  head.writeUInt16BE(value.length, 2);
  return Buffer.concat([head, value]);
}

function decodeText(octets: Buffer, dataCoding: number): string {
  let text = '';
  if (dataCoding === 8) {
    for (let i = 0; i + 1 < octets.length; i += 2) text += String.fromCharCode(octets.readUInt16BE(i));
    return text;
  }
  for (let i = 0; i < octets.length; i++) {
    const septet = octets[i]!;
    if (septet === 0x1b && i + 1 < octets.length) text += GSM_EXTENSION.get(octets[++i]!) ?? '?';
    else text += GSM_BASIC[septet] ?? '?';
  }
  return text;
}

function receiptText(id: string, stat: string): string {
  return `id:${id} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:2603020900 done date:2603020901 stat:${stat} err:000 text:`;
}

/** Starts the SMSC on 127.0.0.1 (a free port). */
export async function startSmsc(options: SmscOptions = {}): Promise<Smsc> {
  const systemId = options.systemId ?? 'motcua';
  const password = options.password ?? 'secret';
  const receiptStat = options.receiptStat ?? 'DELIVRD';
  const submits: SmscSubmit[] = [];
  const violations: string[] = [];
  const counts = {
    connections: 0,
    binds: 0,
    refusedBinds: 0,
    resets: 0,
    enquireLinks: 0,
    unbinds: 0,
    receiptsSent: 0,
    receiptsAnswered: 0,
  };
  const connections = new Set<Connection>();
  /** Receipts not yet answered by a deliver_sm_resp, by message id; `ready` once the part was answered or its connection ended. */
  const receipts = new Map<string, { stat: string; destination: string; ready: boolean }>();
  let submitCount = 0;
  let nextMessageId = 0;

  class Connection {
    readonly number = ++counts.connections;
    bound = false;
    private buffered = Buffer.alloc(0);
    private sequence = 0;
    /** deliver_sm sequence numbers waiting for their resp → message id. */
    private readonly delivering = new Map<number, string>();
    /** Parts taken and not yet answered (`hold`). */
    private readonly held: { record: SmscSubmit; sequence: number }[] = [];
    /** Nothing more is read or answered on it. */
    private stopped = false;

    constructor(readonly socket: net.Socket) {
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => this.batch(() => this.receive(chunk)));
      // Half-open: the ESME's FIN leaves the SMSC its side, to answer before it closes too.
      socket.on('end', () => {
        options.onEsmeFinished?.();
        this.stopped = true;
        socket.end();
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        this.stopped = true;
        this.bound = false;
        connections.delete(this);
        for (const r of receipts.values()) r.ready = true; // the next connection gets them
      });
    }

    /** Runs `work`; what it writes leaves in one segment. */
    batch(work: () => void): void {
      this.socket.cork();
      try {
        work();
      } finally {
        this.socket.uncork();
      }
    }

    /** Sends every receipt that is ready and not already waiting for its answer here. */
    deliverReceipts(): void {
      const waiting = new Set(this.delivering.values());
      for (const [id, receipt] of receipts) {
        if (receipt.ready && !waiting.has(id)) this.deliver(id, receipt.stat, receipt.destination);
      }
    }

    answerHeld(thenReset: boolean): void {
      const held = this.held.splice(0);
      if (held.length === 0 && !thenReset) return;
      this.batch(() => {
        for (const { record, sequence } of held) this.answer(record, sequence);
      });
      if (thenReset) this.resetAfterWrites();
    }

    reset(): void {
      if (this.socket.destroyed) return;
      this.stopped = true;
      this.bound = false;
      counts.resets++;
      this.socket.resetAndDestroy();
    }

    /** Resets once what was written so far has left (the write callbacks ran). */
    private resetAfterWrites(): void {
      this.stopped = true;
      this.socket.write(Buffer.alloc(0), () => this.reset());
    }

    private write(data: Buffer): void {
      if (!this.socket.destroyed && this.socket.writable) this.socket.write(data);
    }

    private deliver(id: string, stat: string, destination: string): void {
      const sequence = ++this.sequence;
      this.delivering.set(sequence, id);
      counts.receiptsSent++;
      const text = Buffer.from(receiptText(id, stat), 'latin1');
      const body = Buffer.concat([
        cString(''), // service_type
        Buffer.from([1, 1]), // source_addr_ton, source_addr_npi
        cString(destination), // source_addr: the handset
        Buffer.from([5, 0]), // dest_addr_ton, dest_addr_npi
        cString('MOTCUA'),
        Buffer.from([0x04, 0, 0]), // esm_class (SMSC delivery receipt), protocol_id, priority_flag
        cString(''), // schedule_delivery_time
        cString(''), // validity_period
        Buffer.from([0, 0, 0, 0]), // registered_delivery, replace_if_present_flag, data_coding, sm_default_msg_id
        Buffer.from([text.length]),
        text,
        tlv(TLV_RECEIPTED_MESSAGE_ID, cString(id)),
        tlv(TLV_MESSAGE_STATE, Buffer.from([MESSAGE_STATES[stat] ?? 7])),
      ]);
      this.write(pdu(SMPP_COMMANDS.deliver_sm, 0, sequence, body));
    }

    private receive(chunk: Buffer): void {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (!this.stopped && this.buffered.length >= 4) {
        const length = this.buffered.readUInt32BE(0);
        if (length < 16 || length > 65_536) {
          violations.push(`command_length ${length}`);
          const sequence = this.buffered.length >= 16 ? this.buffered.readUInt32BE(12) : 0;
          this.write(pdu(SMPP_COMMANDS.generic_nack, SMPP_STATUS.ESME_RINVCMDLEN, sequence));
          this.stopped = true;
          this.socket.end();
          return;
        }
        if (this.buffered.length < length) return;
        const one = this.buffered.subarray(0, length);
        this.buffered = this.buffered.subarray(length);
        this.handle(one);
      }
    }

    private handle(p: Buffer): void {
      const commandId = p.readUInt32BE(4);
      const status = p.readUInt32BE(8);
      const sequence = p.readUInt32BE(12);
      if ((commandId & 0x80000000) === 0 && status !== 0) {
        violations.push(`request 0x${commandId.toString(16)} with command_status ${status}`);
      }
      switch (commandId) {
        case SMPP_COMMANDS.bind_transceiver:
          this.bind(p, sequence);
          return;
        case SMPP_COMMANDS.submit_sm:
          this.submit(p, sequence);
          return;
        case SMPP_COMMANDS.deliver_sm_resp: {
          const id = this.delivering.get(sequence);
          if (id === undefined) {
            violations.push(`deliver_sm_resp for unknown sequence ${sequence}`);
            return;
          }
          this.delivering.delete(sequence);
          if (status !== 0) return;
          receipts.delete(id);
          counts.receiptsAnswered++;
          options.onReceiptAnswered?.(id);
          return;
        }
        case SMPP_COMMANDS.enquire_link:
          counts.enquireLinks++;
          if (p.length !== 16) violations.push('enquire_link with a body');
          this.write(pdu(SMPP_COMMANDS.enquire_link_resp, 0, sequence));
          return;
        case SMPP_COMMANDS.unbind:
          counts.unbinds++;
          this.bound = false;
          this.write(pdu(SMPP_COMMANDS.unbind_resp, 0, sequence));
          this.stopped = true;
          this.socket.end();
          return;
        case SMPP_COMMANDS.enquire_link_resp:
        case SMPP_COMMANDS.unbind_resp:
        case SMPP_COMMANDS.generic_nack:
          return;
        default:
          violations.push(`unknown command_id 0x${commandId.toString(16)}`);
          this.write(pdu(SMPP_COMMANDS.generic_nack, SMPP_STATUS.ESME_RINVCMDID, sequence));
      }
    }

    private bind(p: Buffer, sequence: number): void {
      const r = new Reader(p, violations, 'bind_transceiver');
      const id = r.cString('system_id', 16);
      const secret = r.cString('password', 9);
      r.cString('system_type', 13);
      const version = r.octet('interface_version');
      r.octet('addr_ton');
      r.octet('addr_npi');
      r.cString('address_range', 41);
      r.tlvs();
      if (version !== 0x34) violations.push(`interface_version 0x${version.toString(16)}`);
      let answer: number = SMPP_STATUS.ESME_ROK;
      if (this.bound) answer = SMPP_STATUS.ESME_RALYBND;
      else if (id !== systemId) answer = SMPP_STATUS.ESME_RBINDFAIL;
      else if (secret !== password) answer = SMPP_STATUS.ESME_RINVPASWD;
      if (answer !== SMPP_STATUS.ESME_ROK) {
        counts.refusedBinds++;
        this.write(pdu(SMPP_COMMANDS.bind_transceiver_resp, answer, sequence));
        return;
      }
      counts.binds++;
      this.bound = true;
      this.write(
        pdu(
          SMPP_COMMANDS.bind_transceiver_resp,
          0,
          sequence,
          Buffer.concat([cString('MINISMSC'), tlv(TLV_SC_INTERFACE_VERSION, Buffer.from([0x34]))]),
        ),
      );
      this.deliverReceipts();
    }

    private submit(p: Buffer, sequence: number): void {
      const r = new Reader(p, violations, 'submit_sm');
      r.cString('service_type', 6);
      r.octet('source_addr_ton');
      r.octet('source_addr_npi');
      const source = r.cString('source_addr', 21);
      r.octet('dest_addr_ton');
      r.octet('dest_addr_npi');
      const destination = r.cString('destination_addr', 21);
      const esmClass = r.octet('esm_class');
      r.octet('protocol_id');
      r.octet('priority_flag');
      const schedule = r.cString('schedule_delivery_time', 17);
      const validity = r.cString('validity_period', 17);
      const registeredDelivery = r.octet('registered_delivery');
      r.octet('replace_if_present_flag');
      const dataCoding = r.octet('data_coding');
      r.octet('sm_default_msg_id');
      const smLength = r.octet('sm_length');
      const message = r.octets('short_message', smLength);
      r.tlvs();
      if (schedule !== '' || validity !== '') violations.push('submit_sm: a schedule or validity time');
      if (dataCoding !== 0 && dataCoding !== 8) violations.push(`submit_sm.data_coding ${dataCoding}`);
      let udh: SmscSubmit['udh'] = null;
      let body = message;
      if (esmClass & 0x40) {
        const header = message.subarray(1, 1 + (message[0] ?? 0));
        body = message.subarray(1 + header.length);
        if (header[0] === 0x00 && header[1] === 3) {
          udh = { reference: header[2]!, total: header[3]!, index: header[4]! };
          if (udh.total < 2 || udh.index < 1 || udh.index > udh.total) {
            violations.push(`submit_sm: part ${udh.index}/${udh.total}`);
          }
        } else {
          violations.push('submit_sm: esm_class 0x40 without a concatenation IE');
        }
      }
      // One SMS: 140 octets over the air; GSM-7 goes unpacked here (one octet per septet), so
      // 160 septets, or 153 after a 6-octet concatenation header.
      const room = dataCoding === 8 ? 140 - (message.length - body.length) : udh ? 153 : 160;
      if (body.length > room) violations.push(`submit_sm: ${body.length} octets of text, room for ${room}`);
      const record: SmscSubmit = {
        connection: this.number,
        sequence,
        source,
        destination,
        esmClass,
        registeredDelivery,
        dataCoding,
        udh,
        text: decodeText(body, dataCoding),
        messageId: null,
        answered: false,
      };
      submits.push(record);
      if (!this.bound) {
        this.write(pdu(SMPP_COMMANDS.submit_sm_resp, SMPP_STATUS.ESME_RINVBNDSTS, sequence));
        return;
      }
      const action = options.onSubmit?.(record, ++submitCount) ?? 'ack';
      if (action === 'ignore') return;
      if (action === 'reset') {
        this.reset();
        return;
      }
      if (typeof action === 'object') {
        record.answered = true;
        this.write(pdu(SMPP_COMMANDS.submit_sm_resp, action.status, sequence));
        return;
      }
      record.messageId = (++nextMessageId).toString(16).toUpperCase().padStart(10, '0');
      if (receiptStat !== false && registeredDelivery & 0x01) {
        receipts.set(record.messageId, { stat: receiptStat, destination, ready: false });
      }
      if (action === 'accept-then-reset') {
        this.reset();
        return;
      }
      if (action === 'hold') {
        this.held.push({ record, sequence });
        return;
      }
      this.answer(record, sequence);
      if (action === 'ack-then-reset') this.resetAfterWrites();
    }

    /** The submit_sm_resp of a part taken, then its receipt. */
    private answer(record: SmscSubmit, sequence: number): void {
      const id = record.messageId!;
      record.answered = true;
      this.write(pdu(SMPP_COMMANDS.submit_sm_resp, 0, sequence, cString(id)));
      const receipt = receipts.get(id);
      if (!receipt) return;
      receipt.ready = true;
      if (!this.stopped) this.deliver(id, receipt.stat, receipt.destination);
    }
  }

  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    connections.add(new Connection(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    submits,
    violations,
    counts,
    taken: () => submits.flatMap((s) => (s.messageId === null ? [] : [s.messageId])),
    pendingReceipts: () => [...receipts.keys()],
    sendReceipt(messageId, stat) {
      receipts.set(messageId, { stat, destination: '', ready: true });
      for (const c of connections) if (c.bound) c.batch(() => c.deliverReceipts());
    },
    answerHeld(answerOptions = {}) {
      for (const c of [...connections]) c.answerHeld(answerOptions.thenReset ?? false);
    },
    resetConnections() {
      for (const c of [...connections]) c.reset();
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const c of [...connections]) c.socket.destroy();
      await closed;
    },
  };
}
