import { MotcuaError } from '@motcua/core';

/**
 * Codes of {@link ConnectorError}:
 * - `INVALID_OPTION` — a connector's option is missing or out of range (`field` names it; a secret
 *   is never repeated).
 * - `INVALID_INPUT` — an inbound message (a portal filing or request) is malformed (`field` names
 *   it; its values are not repeated).
 * - `FILING_NOT_FOUND` — an inbound request names a filing not received yet (the sender retries).
 */
export type ConnectorErrorCode = 'INVALID_OPTION' | 'INVALID_INPUT' | 'FILING_NOT_FOUND';

/**
 * Thrown by `@motcua/connectors` for bad configuration, before anything is sent. `code` is
 * stable, `field` names the option; values are not repeated (they may be credentials).
 *
 * @example
 * ```ts
 * import { ConnectorError } from '@motcua/connectors';
 * import { lgspEnvelope } from '@motcua/connectors/dvcqg';
 * try {
 *   lgspEnvelope({ url: 'lgsp.example.gov.vn', unitCode: 'H56', credentials: { username: 'u', password: 'p' } });
 * } catch (e) {
 *   if (e instanceof ConnectorError) console.log(e.code, e.field); // INVALID_OPTION url
 * }
 * ```
 */
export class ConnectorError extends MotcuaError {
  declare readonly code: ConnectorErrorCode;

  constructor(code: ConnectorErrorCode, message: string, details: { field: string }) {
    super(code, message, { field: details.field });
  }
}

/** A {@link ConnectorError} `INVALID_OPTION` naming `field`. */
export function invalidOption(field: string, rule: string): ConnectorError {
  return new ConnectorError('INVALID_OPTION', `${field}: ${rule}`, { field });
}
