export { type SlipVerification, verifySlip } from './hash-chain.js';
