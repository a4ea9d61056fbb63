/**
 * @packageDocumentation
 * `@motcua/notify-sms/smpp` — the SMPP 3.4 gateway provider ({@link createSmppProvider}, bound as
 * one `bind_transceiver` connection to the carrier's SMSC) and the PDU helpers it uses: GSM-7 and UCS-2
 * encoding, the concatenation header, delivery-receipt text. Its own entry because the `smpp`
 * driver bundles `iconv-lite` (about 0.5 MB): programs on an HTTP gateway do not load it.
 *
 * @example
 * ```ts
 * import { smsNotices } from '@motcua/notify-sms';
 * import { createSmppProvider } from '@motcua/notify-sms/smpp';
 *
 * const sms = smsNotices({
 *   provider: createSmppProvider({
 *     host: 'smsc.example.vn', port: 2775, systemId: 'ubnd-bn', password: process.env.SMPP_PASSWORD!,
 *     sourceAddr: 'UBND-BENNGHE', // the registered brandname
 *   }),
 *   templates: { fixedValues: { agency: 'UBND phường Bến Nghé', lookupUrl: 'dichvucong.gov.vn' } },
 * });
 * ```
 */

export {
  concatReference,
  concatUdh,
  DATA_CODING,
  encodeGsm7,
  encodeUcs2,
  type ParsedSmppReceipt,
  parseReceiptText,
} from './smpp-pdus.js';
export {
  createSmppProvider,
  type SmppLogEntry,
  type SmppProvider,
  type SmppProviderOptions,
  type SmppProviderStats,
} from './smpp-provider.js';
