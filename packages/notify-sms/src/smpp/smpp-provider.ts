import smpp, { type PDU, type Session } from 'smpp';
import { maskPhone } from '../phone/mask-phone.js';
import {
  type DeliveryReceipt,
  type OutgoingSms,
  type ReceiptListener,
  redactNumbers,
  type SendResult,
  type SmsProvider,
  SmsProviderError,
} from '../providers/provider.js';
import { ReadFirstSocket } from './read-first-socket.js';
import {
  concatReference,
  DATA_CODING,
  ESM_CLASS_DELIVERY_RECEIPT,
  ESM_CLASS_UDHI,
  parseReceiptText,
  RETRYABLE_STATUSES,
  shortMessages,
  THROTTLE_STATUSES,
} from './smpp-pdus.js';

/** A log line of the SMPP provider (never holds a phone number unmasked). */
export interface SmppLogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly error?: string;
  /** Reconnect attempt number, for `reconnect scheduled`. */
  readonly attempt?: number;
  /** Delay before the reconnect, in ms. */
  readonly delayMs?: number;
}

/** Options of {@link createSmppProvider}. */
export interface SmppProviderOptions {
  readonly host: string;
  readonly port: number;
  /** bind_transceiver credentials. */
  readonly systemId: string;
  readonly password: string;
  readonly systemType?: string;
  /** Sender: the registered brandname (alphanumeric, TON 5) or a number. */
  readonly sourceAddr: string;
  /** Default 5 (alphanumeric) when `sourceAddr` has a letter, else 1 (international). */
  readonly sourceAddrTon?: number;
  /** Default 0 for an alphanumeric sender, else 1 (ISDN). */
  readonly sourceAddrNpi?: number;
  /**
   * How the destination is written: `international` (default; `84912345678`, TON 1 NPI 1) or
   * `national` (`0912345678`, TON 2 NPI 1), as the SMSC asks.
   */
  readonly destinationFormat?: 'international' | 'national';
  /** Ask for delivery receipts (registered_delivery 1). Default true. */
  readonly registeredDelivery?: boolean;
  /** Name in the notice log (default `'smpp'`). */
  readonly name?: string;
  /** enquire_link period while bound (default 30 000 ms); an unanswered one drops the connection. */
  readonly enquireLinkMs?: number;
  /**
   * Time for a submit_sm_resp or bind_transceiver_resp (default 10 000 ms). Then the connection
   * is given up: no more writes, a FIN, and the answers that still come are read for up to this
   * long again before the socket is destroyed; the parts left unanswered are sent on the next
   * connection.
   */
  readonly responseTimeoutMs?: number;
  /** Time for a whole message, reconnections included (default 60 000 ms); then `send` fails, retryable. */
  readonly sendTimeoutMs?: number;
  /** Reconnect backoff: first delay (default 500 ms), doubling up to `maxDelayMs` (default 30 000 ms). */
  readonly reconnect?: {
    readonly initialDelayMs?: number;
    readonly maxDelayMs?: number;
    readonly factor?: number;
  };
  /** Pause before a part refused with ESME_RTHROTTLED / ESME_RMSGQFUL is sent again (default 1000 ms). */
  readonly throttleDelayMs?: number;
  /** submit_sm in flight at once (default 10). */
  readonly window?: number;
  readonly log?: (entry: SmppLogEntry) => void;
}

/** Connection counters of an SMPP provider, for tests and monitoring. */
export interface SmppProviderStats {
  readonly state: 'idle' | 'connecting' | 'binding' | 'bound' | 'closed';
  readonly connects: number;
  readonly binds: number;
  readonly disconnects: number;
  readonly submits: number;
  /** Parts sent again because their connection dropped before the submit_sm_resp. */
  readonly resubmits: number;
  readonly receipts: number;
}

/** An {@link SmsProvider} over SMPP, with its connection counters and an explicit connect. */
export interface SmppProvider extends SmsProvider {
  /** Connects and binds now instead of at the first send (to receive receipts at once). */
  connect(): void;
  /** Subscribes to the delivery receipts that arrive as deliver_sm; returns the unsubscribe. */
  onReceipt(listener: ReceiptListener): () => void;
  stats(): SmppProviderStats;
  /** Unbinds, closes the socket and stops reconnecting; pending sends fail (retryable). */
  close(): Promise<void>;
}

interface MessageState {
  readonly message: OutgoingSms;
  readonly parts: Buffer[];
  readonly accepted: (string | null)[];
  remaining: number;
  done: boolean;
  resolve(result: SendResult): void;
  reject(error: SmsProviderError): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface PartJob {
  readonly state: MessageState;
  readonly index: number;
  /** Times this part was written to a connection. */
  writes: number;
  timer?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A provider for SMPP 3.4 gateways (the operators' SMSCs and brandname aggregators), on the `smpp`
 * package:
 *
 * - one bind_transceiver connection, opened at the first send (or {@link SmppProvider.connect}),
 *   kept alive with enquire_link and reopened with exponential backoff whenever it drops;
 * - submit_sm with data_coding 0 (GSM-7, unpacked septets) or 8 (UCS-2); a longer text goes as a
 *   concatenated SMS split by `splitSegments`, each part with a UDH (esm_class 0x40, 8-bit
 *   reference derived from the outbox id, part n of m);
 * - a part whose connection dropped before its submit_sm_resp is sent again on the next
 *   connection; a part the SMSC acknowledged is never sent again, also on a later `send` of the
 *   same id (the acknowledged ids are remembered here and in the notice log);
 * - when the SMSC resets the connection (TCP RST), the answers it sent before the reset are read
 *   before the parts in flight are given back: a failed write does not destroy the socket
 *   (`ReadFirstSocket`), which ends when its read side reaches the reset. A part can reach the
 *   handset twice only when the SMSC took it but its submit_sm_resp never reached this host: lost
 *   with the connection, or later than the connection was given up and closed;
 * - delivery receipts (deliver_sm with esm_class 0x04) are answered, read (receipted_message_id /
 *   message_state TLVs, else the receipt text: stat DELIVRD, UNDELIV, EXPIRED, REJECTD, …) and
 *   passed to {@link SmsProvider.onReceipt} listeners.
 *
 * @example
 * ```ts
 * import { createSmppProvider } from '@motcua/notify-sms/smpp';
 * const provider = createSmppProvider({
 *   host: 'smsc.example.vn', port: 2775, systemId: 'ubnd', password: process.env.SMPP_PASSWORD!,
 *   sourceAddr: 'UBND-BENNGHE',
 * });
 * ```
 */
export function createSmppProvider(options: SmppProviderOptions): SmppProvider {
  const name = options.name ?? 'smpp';
  const log = options.log ?? (() => {});
  const enquireLinkMs = options.enquireLinkMs ?? 30_000;
  const responseTimeoutMs = options.responseTimeoutMs ?? 10_000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 60_000;
  const initialDelay = options.reconnect?.initialDelayMs ?? 500;
  const maxDelay = options.reconnect?.maxDelayMs ?? 30_000;
  const factor = options.reconnect?.factor ?? 2;
  const throttleDelayMs = options.throttleDelayMs ?? 1000;
  const window = Math.max(1, options.window ?? 10);
  const alphanumeric = /[A-Za-z]/.test(options.sourceAddr);
  const sourceTon = options.sourceAddrTon ?? (alphanumeric ? 5 : 1);
  const sourceNpi = options.sourceAddrNpi ?? (alphanumeric ? 0 : 1);
  const national = options.destinationFormat === 'national';

  let state: SmppProviderStats['state'] = 'idle';
  let session: Session | null = null;
  let started = false;
  let reconnectAttempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let enquireTimer: ReturnType<typeof setInterval> | undefined;
  let enquirePending = false;
  let bindTimer: ReturnType<typeof setTimeout> | undefined;
  /** Destroys a connection being given up (see `drop`) that did not close by itself. */
  let giveUpTimer: ReturnType<typeof setTimeout> | undefined;
  const queue: PartJob[] = [];
  const inFlight = new Set<PartJob>();
  const delayed = new Set<ReturnType<typeof setTimeout>>();
  const listeners = new Set<ReceiptListener>();
  /** Part ids acknowledged per message id, so a later send of the same id skips them (bounded). */
  const acknowledged = new Map<string, (string | null)[]>();
  const counters = { connects: 0, binds: 0, disconnects: 0, submits: 0, resubmits: 0, receipts: 0 };
  let closing: Promise<void> | undefined;

  const remember = (id: string, accepted: (string | null)[]) => {
    acknowledged.delete(id);
    acknowledged.set(id, accepted);
    if (acknowledged.size > 10_000) acknowledged.delete(acknowledged.keys().next().value as string);
  };

  const finish = (st: MessageState, error?: SmsProviderError) => {
    if (st.done) return;
    st.done = true;
    if (st.timer) clearTimeout(st.timer);
    if (error) {
      st.reject(error);
      return;
    }
    const ids = st.accepted as string[];
    st.resolve({ providerMessageId: ids[0]!, partMessageIds: [...ids] });
  };

  const destination = (to: string) => {
    const digits = to.replace(/\D/g, '');
    return national && digits.startsWith('84') ? `0${digits.slice(2)}` : digits;
  };

  const stopEnquire = () => {
    if (enquireTimer) clearInterval(enquireTimer);
    enquireTimer = undefined;
    enquirePending = false;
  };

  const scheduleReconnect = () => {
    if (state === 'closed' || reconnectTimer) return;
    const delayMs = Math.min(maxDelay, Math.round(initialDelay * factor ** reconnectAttempt));
    reconnectAttempt++;
    log({ level: 'info', message: 'reconnect scheduled', attempt: reconnectAttempt, delayMs });
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      open();
    }, delayMs);
  };

  /** The connection ended: parts in flight go back to the head of the queue; reconnect later. */
  const disconnected = (which: Session) => {
    if (which !== session) return;
    session = null;
    counters.disconnects++;
    stopEnquire();
    if (bindTimer) clearTimeout(bindTimer);
    bindTimer = undefined;
    if (giveUpTimer) clearTimeout(giveUpTimer);
    giveUpTimer = undefined;
    const back = [...inFlight].sort((a, b) => a.index - b.index);
    inFlight.clear();
    for (const job of back) {
      if (job.timer) clearTimeout(job.timer);
      job.timer = undefined;
    }
    queue.unshift(...back.filter((job) => !job.state.done));
    if (state === 'closed') return;
    state = 'idle';
    scheduleReconnect();
  };

  /**
   * Gives up a connection: no more writes on it, but what the SMSC already sent is still read (a
   * submit_sm_resp read now keeps its part from being sent again). `finish` sends a FIN so the SMSC
   * closes its end; after a failed write the connection is already gone and the read side ends by
   * itself. Either way the socket is destroyed if it has not closed within `responseTimeoutMs`;
   * the parts still in flight go back to the queue when it closes.
   */
  const drop = (which: Session, reason: string, finish = true) => {
    if (which !== session || giveUpTimer) return;
    log({ level: 'warn', message: `dropping the connection: ${reason}` });
    if (state !== 'closed') state = 'idle'; // no more writes on it
    stopEnquire();
    if (bindTimer) clearTimeout(bindTimer);
    bindTimer = undefined;
    giveUpTimer = setTimeout(() => which.destroy(), responseTimeoutMs);
    if (finish) which.close();
  };

  const onResponse = (job: PartJob, pdu: PDU) => {
    if (job.timer) clearTimeout(job.timer);
    job.timer = undefined;
    if (!inFlight.delete(job)) return; // answered after its connection was given up
    const st = job.state;
    if (pdu.command_status === 0) {
      const id = pdu.message_id ?? '';
      if (st.accepted[job.index] === null) {
        st.accepted[job.index] = id;
        st.remaining--;
      }
      remember(st.message.id, st.accepted);
      if (st.remaining === 0) finish(st);
    } else if (st.done) {
      // the message already failed or timed out; nothing more to do for this part
    } else if (THROTTLE_STATUSES.has(pdu.command_status)) {
      const timer = setTimeout(() => {
        delayed.delete(timer);
        if (st.done) return;
        queue.unshift(job);
        pump();
      }, throttleDelayMs);
      delayed.add(timer);
    } else {
      const status = pdu.command_status;
      const hex = `0x${status.toString(16).padStart(8, '0')}`;
      finish(
        st,
        new SmsProviderError(
          RETRYABLE_STATUSES.has(status),
          `SMSC refused part ${job.index + 1}/${st.parts.length} to ${maskPhone(st.message.to)}: command_status ${hex}`,
          { status, acceptedParts: [...st.accepted] },
        ),
      );
    }
    pump();
  };

  /** Writes one part; false when the socket is gone (the part is queued again). */
  const submit = (current: Session, job: PartJob): boolean => {
    const st = job.state;
    const multi = st.parts.length > 1;
    const pdu = new smpp.PDU('submit_sm', {
      source_addr_ton: sourceTon,
      source_addr_npi: sourceNpi,
      source_addr: options.sourceAddr,
      dest_addr_ton: national ? 2 : 1,
      dest_addr_npi: 1,
      destination_addr: destination(st.message.to),
      esm_class: multi ? ESM_CLASS_UDHI : 0,
      registered_delivery: options.registeredDelivery === false ? 0 : 1,
      data_coding: DATA_CODING[st.message.encoding],
      short_message: st.parts[job.index]!,
    });
    inFlight.add(job);
    if (job.writes > 0) counters.resubmits++;
    job.writes++;
    counters.submits++;
    const written = current.send(pdu, (resp) => onResponse(job, resp));
    if (!written) {
      inFlight.delete(job);
      queue.unshift(job);
      drop(current, 'socket not writable');
      return false;
    }
    job.timer = setTimeout(() => {
      job.timer = undefined;
      if (inFlight.has(job)) drop(current, `no submit_sm_resp within ${responseTimeoutMs} ms`);
    }, responseTimeoutMs);
    return true;
  };

  const pump = () => {
    if (state !== 'bound' || !session) return;
    while (inFlight.size < window && queue.length > 0) {
      const job = queue.shift()!;
      if (job.state.done || job.state.accepted[job.index] !== null) continue;
      if (!submit(session, job)) return;
    }
  };

  const onDeliverSm = (current: Session, pdu: PDU) => {
    current.send(pdu.response());
    if (((pdu.esm_class ?? 0) & 0x3c) !== ESM_CLASS_DELIVERY_RECEIPT) {
      log({ level: 'debug', message: 'deliver_sm that is not a delivery receipt ignored' });
      return;
    }
    const body = pdu.short_message ?? pdu.message_payload;
    const raw = body === undefined ? '' : Buffer.isBuffer(body) ? body : body.message;
    const text = typeof raw === 'string' ? raw : raw.toString('latin1');
    const parsed = parseReceiptText(text, {
      receiptedMessageId: pdu.receipted_message_id,
      messageState: pdu.message_state,
    });
    if (!parsed) {
      log({ level: 'warn', message: 'unreadable delivery receipt ignored' });
      return;
    }
    counters.receipts++;
    const receipt: DeliveryReceipt = {
      providerMessageId: parsed.id,
      status: parsed.status,
      raw: parsed.stat,
      ...(parsed.error ? { error: parsed.error } : {}),
    };
    for (const listener of listeners) {
      try {
        listener(receipt);
      } catch (e) {
        log({ level: 'error', message: 'receipt listener failed', error: redactNumbers(String(e)) });
      }
    }
  };

  function open() {
    if (state === 'closed' || session) return;
    state = 'connecting';
    counters.connects++;
    const socket = new ReadFirstSocket();
    const current = new smpp.Session({ socket });
    session = current;
    current.on('error', (e: Error) => {
      log({ level: 'warn', message: 'connection error', error: redactNumbers(e.message) });
    });
    socket.on('write-failed', (e: Error) => {
      drop(current, `write failed (${redactNumbers(e.message)}); reading what the SMSC sent before`, false);
    });
    current.on('close', () => disconnected(current));
    socket.on('connect', () => {
      if (current !== session) return;
      state = 'binding';
      bindTimer = setTimeout(() => drop(current, 'no bind_transceiver_resp'), responseTimeoutMs);
      current.bind_transceiver(
        {
          system_id: options.systemId,
          password: options.password,
          system_type: options.systemType ?? '',
          interface_version: 0x34,
        },
        (resp) => {
          if (bindTimer) clearTimeout(bindTimer);
          bindTimer = undefined;
          if (current !== session) return;
          if (resp.command_status !== 0) {
            log({
              level: 'error',
              message: `bind_transceiver refused: command_status 0x${resp.command_status.toString(16)}`,
            });
            current.destroy();
            return;
          }
          state = 'bound';
          counters.binds++;
          reconnectAttempt = 0;
          log({ level: 'info', message: 'bound' });
          enquireTimer = setInterval(() => {
            if (enquirePending) {
              drop(current, 'enquire_link unanswered');
              return;
            }
            enquirePending = true;
            current.enquire_link(() => {
              enquirePending = false;
            });
          }, enquireLinkMs);
          pump();
        },
      );
    });
    current.on('enquire_link', (pdu: PDU) => {
      current.send(pdu.response());
    });
    current.on('deliver_sm', (pdu: PDU) => onDeliverSm(current, pdu));
    current.on('unbind', (pdu: PDU) => {
      current.send(pdu.response());
      current.close();
    });
    socket.connect({ host: options.host, port: options.port });
  }

  const start = () => {
    if (state === 'closed') return;
    started = true;
    if (!session && !reconnectTimer) open();
  };

  const provider: SmppProvider = {
    name,
    connect: start,
    send(message) {
      if (state === 'closed') {
        return Promise.reject(new SmsProviderError(true, 'the SMPP provider is closed'));
      }
      let parts: Buffer[];
      try {
        parts = shortMessages(message.text, message.encoding, concatReference(message.id));
      } catch (e) {
        return Promise.reject(
          new SmsProviderError(false, `cannot encode the message: ${(e as Error).message}`),
        );
      }
      const known = acknowledged.get(message.id) ?? message.acceptedParts ?? [];
      const accepted = parts.map((_, i) => known[i] ?? null);
      return new Promise<SendResult>((resolve, reject) => {
        const st: MessageState = {
          message,
          parts,
          accepted,
          remaining: accepted.filter((id) => id === null).length,
          done: false,
          resolve,
          reject,
          timer: undefined,
        };
        if (st.remaining === 0) {
          finish(st);
          return;
        }
        st.timer = setTimeout(() => {
          st.timer = undefined;
          finish(
            st,
            new SmsProviderError(
              true,
              `SMSC did not acknowledge ${st.remaining} of ${parts.length} part(s) to ${maskPhone(message.to)} within ${sendTimeoutMs} ms`,
              { acceptedParts: [...st.accepted] },
            ),
          );
        }, sendTimeoutMs);
        accepted.forEach((id, index) => {
          if (id === null) queue.push({ state: st, index, writes: 0 });
        });
        if (!started || (!session && !reconnectTimer)) start();
        pump();
      });
    },
    onReceipt(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stats: () => ({ state, ...counters }),
    close() {
      closing ??= (async () => {
        const current = session;
        const wasBound = state === 'bound';
        state = 'closed';
        if (reconnectTimer) clearTimeout(reconnectTimer);
        reconnectTimer = undefined;
        stopEnquire();
        if (bindTimer) clearTimeout(bindTimer);
        for (const timer of delayed) clearTimeout(timer);
        delayed.clear();
        const pending = new Set([...queue, ...inFlight].map((job) => job.state));
        for (const job of inFlight) if (job.timer) clearTimeout(job.timer);
        queue.length = 0;
        inFlight.clear();
        for (const st of pending) {
          finish(
            st,
            new SmsProviderError(true, 'the SMPP provider was closed', { acceptedParts: [...st.accepted] }),
          );
        }
        listeners.clear();
        if (!current) return;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => current.destroy(), 1000);
          current.on('close', () => {
            clearTimeout(timer);
            resolve();
          });
          if (wasBound && current.unbind(() => current.close())) return;
          current.destroy();
        });
        session = null;
      })();
      return closing;
    },
  };
  return provider;
}
