import { lifecycleSetup, receiptContext, vietnamCalendar } from '@motcua/core';
import { permanentResidence } from '@motcua/procedures';
const [residence] = permanentResidence.versions;
const env = { def: residence!.definition, calendar: vietnamCalendar() };
// A hand-written machine on the lifecycle's actions and guards (defineProcedure's `machine` option
// receives this kit and checks the result like any other machine).
const machine = lifecycleSetup(env).createMachine({
  id: 'residence-custom',
  context: ({ input }) => receiptContext(env, input),
  initial: 'processing',
  states: {
    processing: { on: { HAND_OVER: { target: 'resultReady', guard: 'allowed', actions: 'handOver' } } },
    resultReady: { on: { RETURN_RESULT: { target: 'returned', guard: 'allowed', actions: 'returnResult' } } },
    returned: { type: 'final' },
  },
});

export {};
