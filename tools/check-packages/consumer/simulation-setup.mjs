// The setup module of the ESM consumer's simulateInWorkers run: each worker thread imports it.
import { defineProcedure, vietnamCalendar } from '@motcua/core';
import { sampleReceipt, sampleResidenceDefinition } from '@motcua/core/testing';

export function setup() {
  const calendar = vietnamCalendar();
  const residence = defineProcedure(sampleResidenceDefinition, { calendar });
  return { procedures: [residence], calendar, samples: { [residence.code]: () => sampleReceipt } };
}
