export { GENESIS_HASH, hashSlipRow, type SlipVerification, verifySlip } from './hash-chain.js';
