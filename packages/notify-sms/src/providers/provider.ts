import { z } from 'zod';
import { SmsError } from '../errors.js';
import type { SmsEncoding } from '../text/segments.js';

/** One message handed to a gateway. */
export interface OutgoingSms {
  /**
   * Stable id of the message: the engine's outbox item id. HTTP gateways get it as the
   * idempotency key; the SMPP provider derives the concatenation reference from it.
   */
  readonly id: string;
  /** E.164 number, e.g. `'+84912345678'`. */
  readonly to: string;
  readonly text: string;
  readonly encoding: SmsEncoding;
  /** Parts the text takes (see `countSegments`). */
  readonly segments: number;
  /**
   * Message ids a gateway already returned for parts of this message on an earlier attempt
   * (`null` for a part not acknowledged): those parts are not sent again.
   */
  readonly acceptedParts?: readonly (string | null)[];
}

/** What a gateway answered for an accepted message. */
export interface SendResult {
  /** The gateway's id of the message (of its first part when it went as several). */
  readonly providerMessageId: string;
  /** One id per part, when the gateway acknowledges parts one by one (SMPP). */
  readonly partMessageIds?: readonly string[];
}

/** Statuses a delivery receipt can report. `sent`: still under way (ENROUTE, ACCEPTD). */
export const ReceiptStatusSchema = z.enum(['sent', 'delivered', 'failed', 'expired']);
/** See {@link ReceiptStatusSchema}. */
export type ReceiptStatus = z.infer<typeof ReceiptStatusSchema>;

/** A delivery receipt (delivery report) as a provider reports it. */
export interface DeliveryReceipt {
  readonly providerMessageId: string;
  readonly status: ReceiptStatus;
  /** The gateway's own word for it, e.g. `DELIVRD`. */
  readonly raw?: string;
  /** The gateway's error code, when it gives one. */
  readonly error?: string;
}

/** Listener of a provider's delivery receipts. */
export type ReceiptListener = (receipt: DeliveryReceipt) => void;

/**
 * A way to hand SMS to a gateway. `send` resolves once the gateway accepted the message, and
 * throws {@link SmsProviderError} otherwise: `retryable` says whether trying again later may
 * succeed (network, timeout, 5xx, throttling) or not (a rejected number, bad credentials 4xx).
 * Errors never hold the phone number unmasked.
 */
export interface SmsProvider {
  /** Name recorded in the notice log, e.g. `'smpp'`. */
  readonly name: string;
  send(message: OutgoingSms): Promise<SendResult>;
  /** Subscribes to delivery receipts the provider receives itself (SMPP deliver_sm); returns the unsubscribe. */
  onReceipt?(listener: ReceiptListener): () => void;
  /** Releases connections and timers. */
  close?(): Promise<void>;
}

/**
 * A gateway error, classified: `retryable` (code `PROVIDER_UNAVAILABLE`) or permanent
 * (`PROVIDER_REJECTED`). `status` is the HTTP status or SMPP command_status, when there is one.
 * `acceptedParts` lists the parts the gateway had already acknowledged, so a retry skips them.
 *
 * @example
 * ```ts
 * import { type SmsProvider, SmsProviderError } from '@motcua/notify-sms';
 * // A provider for a gateway of your own: classify its failures, the plugin retries or gives up.
 * const viettelGateway: SmsProvider = {
 *   name: 'viettel',
 *   async send(message) {
 *     const response = await fetch('https://sms.example.vn/send', {
 *       method: 'POST', body: JSON.stringify({ to: message.to, text: message.text, ref: message.id }),
 *     });
 *     if (response.status >= 500) throw new SmsProviderError(true, 'gateway unavailable', { status: response.status });
 *     if (!response.ok) throw new SmsProviderError(false, 'gateway refused the message', { status: response.status });
 *     const { id } = (await response.json()) as { id: string };
 *     return { providerMessageId: id };
 *   },
 * };
 * ```
 */
export class SmsProviderError extends SmsError {
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly acceptedParts: readonly (string | null)[] | undefined;

  constructor(
    retryable: boolean,
    message: string,
    details: { status?: number; acceptedParts?: readonly (string | null)[] } = {},
  ) {
    super(retryable ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_REJECTED', message, {
      field: 'provider',
      value: details.status,
    });
    this.retryable = retryable;
    this.status = details.status;
    this.acceptedParts = details.acceptedParts;
  }
}

/**
 * Maps a delivery status word to a {@link ReceiptStatus}: the SMPP 3.4 receipt `stat` values
 * (`DELIVRD`, `UNDELIV`, `EXPIRED`, `REJECTD`, `DELETED`, `ENROUTE`, `ACCEPTD`, `UNKNOWN`) and the
 * usual words of HTTP gateways (`delivered`, `failed`, `undeliverable`, `rejected`, `expired`,
 * `sent`, `accepted`, `pending`). Case does not matter; `undefined` when the word is unknown.
 *
 * @example
 * ```ts
 * import { receiptStatusOf } from '@motcua/notify-sms';
 * receiptStatusOf('DELIVRD'); // 'delivered'
 * receiptStatusOf('REJECTD'); // 'failed'
 * ```
 */
export function receiptStatusOf(word: string): ReceiptStatus | undefined {
  switch (word.trim().toUpperCase()) {
    case 'DELIVRD':
    case 'DELIVERED':
    case 'SUCCESS':
      return 'delivered';
    case 'UNDELIV':
    case 'UNDELIVERABLE':
    case 'REJECTD':
    case 'REJECTED':
    case 'DELETED':
    case 'FAILED':
    case 'FAILURE':
      return 'failed';
    case 'EXPIRED':
      return 'expired';
    case 'ENROUTE':
    case 'ACCEPTD':
    case 'ACCEPTED':
    case 'SENT':
    case 'PENDING':
    case 'UNKNOWN':
      return 'sent';
    default:
      return undefined;
  }
}

/**
 * Replaces every run of 8 or more digits (spaces, dots, dashes and a leading + allowed inside) by
 * `#` marks, so text from a gateway (an error body, a library message) can go to a log without a
 * phone or ID number in it.
 *
 * @example
 * ```ts
 * import { redactNumbers } from '@motcua/notify-sms';
 * redactNumbers('gateway refused 0912 345 678: quota'); // 'gateway refused ############: quota'
 * ```
 */
export function redactNumbers(text: string): string {
  return text.replace(/\+?\d[\d .-]{6,}\d/g, (run) =>
    run.replace(/\D/g, '').length >= 8 ? '#'.repeat(Math.min(run.length, 12)) : run,
  );
}
