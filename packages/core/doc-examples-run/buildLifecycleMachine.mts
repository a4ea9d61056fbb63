import { buildLifecycleMachine, defineProcedure, vietnamCalendar } from '@motcua/core';
import { permanentResidenceDefinition, WINDOW_2025 } from '@motcua/procedures';
// The standard machine, as defineProcedure builds it when no `machine` is given.
const residence = defineProcedure(permanentResidenceDefinition(WINDOW_2025), {
  calendar: vietnamCalendar(),
  machine: (_kit, env) => buildLifecycleMachine(env),
});

export {};
