/**
 * @packageDocumentation
 * `@motcua/connectors/sector-webhook` — a generic connector to a sector's own software (land
 * registration, civil status): signed handoffs through the engine's outbox, and signed callbacks
 * whose statuses become dossier events by configuration, with replay protection.
 */
export {
  type CallbackAnswer,
  type SectorSystem,
  SectorSystemSchema,
  type SectorWebhook,
  type SectorWebhookOptions,
  sectorWebhook,
} from './sector-webhook.js';
export { KEY_ID_HEADER, SIGNATURE_HEADER, signBody } from './signature.js';
