/** What the restart tests' processes share (test helper). */
import { sampleActors, sampleReceipt } from '@motcua/core/testing';

/** The deployment's key of number hashes: the same in every process. */
export const RESTART_NUMBER_KEY = 'a-secret-of-the-deployment';

export const RESTART_TEMPLATES = {
  fixedValues: { agency: 'UBND phường Bến Nghé', lookupUrl: 'dichvucong.gov.vn' },
};

export const restartReceipt = {
  procedure: '1.004194',
  channel: 'in-person' as const,
  actor: sampleActors.desk,
  ...sampleReceipt,
};
