export {
  appendSlipRow,
  canonicalJson,
  GENESIS_HASH,
  hashSlipRow,
  type SlipVerification,
  verifySlip,
} from './hash-chain.js';
export {
  type SlipParty,
  SlipPartySchema,
  type SlipRow,
  SlipRowKindSchema,
  SlipRowSchema,
} from './slip-row.js';
