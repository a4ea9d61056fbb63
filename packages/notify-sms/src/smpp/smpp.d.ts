/**
 * Types for the parts of the `smpp` package (0.5.x, CommonJS, no bundled types) that
 * `@motcua/notify-sms` and its tests use. Not exported from the package.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  /** The fields of the PDUs used here; optional TLVs by their smpp names. */
  export interface PduFields {
    command_status?: number;
    sequence_number?: number;
    system_id?: string;
    password?: string;
    system_type?: string;
    interface_version?: number;
    service_type?: string;
    source_addr_ton?: number;
    source_addr_npi?: number;
    source_addr?: string;
    dest_addr_ton?: number;
    dest_addr_npi?: number;
    destination_addr?: string;
    esm_class?: number;
    registered_delivery?: number;
    data_coding?: number | null;
    /** A Buffer is sent as it is; a string (or `{ message, udh }`) is encoded by the library. */
    short_message?: Buffer | string | { message: string | Buffer; udh?: Buffer };
    message_id?: string;
    receipted_message_id?: string;
    message_state?: number;
  }

  /** A decoded PDU. `short_message` of submit_sm / deliver_sm decodes to `{ message, udh? }`. */
  export class PDU {
    constructor(command: string, options?: PduFields);
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    system_id?: string;
    password?: string;
    source_addr?: string;
    destination_addr?: string;
    esm_class?: number;
    data_coding?: number;
    registered_delivery?: number;
    short_message?: { message: string | Buffer; udh?: Buffer[] } | Buffer;
    message_payload?: { message: string | Buffer } | Buffer;
    message_id?: string;
    receipted_message_id?: string;
    message_state?: number;
    isResponse(): boolean;
    response(options?: PduFields): PDU;
    toBuffer(): Buffer;
  }

  export type ResponseCallback = (pdu: PDU) => void;

  /** One SMPP session (client or server side). */
  export class Session extends EventEmitter {
    /** A session on a socket the caller made (and connects); it emits no `connect` of its own. */
    constructor(options: { socket: import('node:net').Socket });
    socket: import('node:net').Socket;
    send(pdu: PDU, responseCallback?: ResponseCallback, sendCallback?: ResponseCallback): boolean;
    bind_transceiver(options: PduFields, responseCallback?: ResponseCallback): boolean;
    submit_sm(options: PduFields, responseCallback?: ResponseCallback): boolean;
    deliver_sm(options: PduFields, responseCallback?: ResponseCallback): boolean;
    enquire_link(options?: PduFields | ResponseCallback, responseCallback?: ResponseCallback): boolean;
    unbind(options?: PduFields | ResponseCallback, responseCallback?: ResponseCallback): boolean;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    on(event: 'pdu', listener: (pdu: PDU) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'connect' | 'close', listener: () => void): this;
    on(event: string, listener: (pdu: PDU) => void): this;
  }

  /** An SMPP server: a `net.Server` that emits a `session` per connection. */
  export interface SmppServer extends NetServer {
    sessions: Session[];
    on(event: 'session', listener: (session: Session) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export interface SmppModule {
    connect(options: { host: string; port: number }, listener?: () => void): Session;
    Session: typeof Session;
    createServer(options: Record<string, never>, listener?: (session: Session) => void): SmppServer;
    PDU: typeof PDU;
    ESME_ROK: number;
    ESME_RTHROTTLED: number;
    ESME_RMSGQFUL: number;
    ESME_RSYSERR: number;
    ESME_RINVDSTADR: number;
    ESME_RBINDFAIL: number;
    ESME_RINVPASWD: number;
  }

  const smpp: SmppModule;
  export default smpp;
}
