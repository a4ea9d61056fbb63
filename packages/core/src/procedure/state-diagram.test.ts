import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { sampleProcedure } from '../testing/fixtures.js';
import { machineToMermaid } from './state-diagram.js';

describe('machineToMermaid', () => {
  it('draws the lifecycle of a procedure from its machine', () => {
    const text = machineToMermaid(sampleProcedure().machine);
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('  [*] --> processing');
    expect(text).toContain('processing_appraise --> processing_approve : HAND_OVER');
    expect(text).toContain('processing_update --> resultReady : HAND_OVER');
    expect(text).toContain('supplementing --> processing_approve : SUPPLEMENT_RECEIVED');
    expect(text).toContain('resultReady --> returned : RETURN_RESULT');
    expect(text).toContain('returned --> [*]');
  });

  it('works for any XState machine', () => {
    const m = createMachine({
      id: 'm',
      initial: 'a',
      states: { a: { on: { GO: 'b' } }, b: { type: 'final' } },
    });
    expect(machineToMermaid(m)).toBe(
      'stateDiagram-v2\n  [*] --> a\n  a : a\n  b : b\n  b --> [*]\n  a --> b : GO\n',
    );
  });
});
