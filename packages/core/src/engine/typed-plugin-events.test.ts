/**
 * Plugins see typed events: `TransitionInfo` is a union discriminated by `type`, so a plugin that
 * checks `info.type` reads that event's own fields without a cast, and a misspelt event type is a
 * compile error. Checked by `tsc` (`pnpm typecheck`); the run checks what the engine hands over.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Channel } from '../model/channel.js';
import type { DossierContext } from '../model/dossier-context.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';
import type { AppliedEvent, EnginePlugin, TimerInfo, TransitionInfo } from './plugin.js';

describe('TransitionInfo: a discriminated union of the dossier events', () => {
  it('narrows the event and the context before by type', () => {
    const reasonsOf = (info: TransitionInfo): readonly string[] | undefined => {
      if (info.type === 'RECEIVE') {
        expectTypeOf(info.event).toEqualTypeOf<{ readonly type: 'RECEIVE'; readonly channel: Channel }>();
        expectTypeOf(info.before).toBeNull();
        expectTypeOf(info.beforeState).toBeNull();
        return undefined;
      }
      if (info.type === 'SUBMIT') {
        expectTypeOf(info.event).toEqualTypeOf<{ readonly type: 'SUBMIT'; readonly channel: Channel }>();
        expectTypeOf(info.before).toBeNull();
        return undefined;
      }
      expectTypeOf(info.before).toEqualTypeOf<DossierContext>();
      expectTypeOf(info.beforeState).toBeString();
      if (info.type === 'REQUEST_SUPPLEMENT') {
        expectTypeOf(info.event).toEqualTypeOf<AppliedEvent<'REQUEST_SUPPLEMENT'>>();
        expectTypeOf(info.event.items).toEqualTypeOf<{ name: string; note?: string | undefined }[]>();
        expectTypeOf(info.event.reason).toBeString();
        expectTypeOf(info.event.at).toBeString();
        return [info.event.reason];
      }
      if (info.type === 'MEMBER_SUPPLEMENT') {
        expectTypeOf(info.event.type).toEqualTypeOf<'MEMBER_SUPPLEMENT'>();
        return undefined;
      }
      if (info.type === 'REFUSE') return info.event.reasons;
      // @ts-expect-error no such event type: a misspelling is caught
      if (info.type === 'REQUEST_SUPPLEMENTS') return undefined;
      if (info.type === 'APOLOGIZE') {
        // @ts-expect-error an apology has no `reasons` (that is a refusal's)
        return info.event.reasons;
      }
      return undefined;
    };
    expectTypeOf(reasonsOf).toBeFunction();
  });

  it('hands a plugin the event as applied, typed by its type', async () => {
    const seen: TransitionInfo[] = [];
    const plugin: EnginePlugin = {
      name: 'spy',
      onTransition(info) {
        seen.push(info);
        return undefined;
      },
    };
    const { engine } = sampleEngine(new MemoryStore(), { plugins: [plugin] });
    const view = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    await engine.send(view.code, {
      type: 'REFUSE',
      actor: sampleActors.desk,
      reasons: ['Thiếu giấy tờ'],
    });
    const [receipt, refusal] = seen;
    expect(receipt?.type).toBe('RECEIVE');
    if (receipt?.type === 'RECEIVE') expect(receipt.event.channel).toBe(view.context.channel);
    expect(refusal?.type).toBe('REFUSE');
    if (refusal?.type === 'REFUSE') {
      expect(refusal.event.reasons).toEqual(['Thiếu giấy tờ']);
      expect(refusal.before.code).toBe(view.code);
    }
  });

  it('narrows a fired timer by its kind: a step timer names its step', () => {
    const stepOf = (info: TimerInfo): string | undefined => {
      if (info.timer.kind === 'step-due') {
        expectTypeOf(info.timer.stepId).toBeString();
        return info.timer.stepId;
      }
      expectTypeOf(info.timer.kind).toEqualTypeOf<
        'dossier-warning' | 'dossier-due' | 'supplement-expiry' | 'intake-due'
      >();
      // @ts-expect-error no such timer kind
      if (info.timer.kind === 'step-overdue') return undefined;
      return undefined;
    };
    expectTypeOf(stepOf).toBeFunction();
  });

  it('hands onTimer the step id of a step timer', async () => {
    const fired: TimerInfo[] = [];
    const plugin: EnginePlugin = {
      name: 'timers',
      onTimer(info) {
        fired.push(info);
        return undefined;
      },
    };
    const { engine, clock } = sampleEngine(new MemoryStore(), { plugins: [plugin] });
    await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    clock.set('2026-04-30T08:00:00+07:00');
    await engine.runDueTimers(new Date('2026-04-30T08:00:00+07:00'));
    const step = fired.find((f) => f.timer.kind === 'step-due');
    expect(step?.timer.kind === 'step-due' && typeof step.timer.stepId).toBe('string');
  });

  it('hands a plugin the dossier version each transition makes (1 at receipt, +1 per change)', async () => {
    const seen: [string, number][] = [];
    const plugin: EnginePlugin = {
      name: 'versions',
      onTransition(info) {
        seen.push([info.type, info.version]);
        return undefined;
      },
    };
    const { engine } = sampleEngine(new MemoryStore(), { plugins: [plugin] });
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk });
    const last = await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.police });
    expect(seen).toEqual([
      ['RECEIVE', 1],
      ['HAND_OVER', 2],
      ['HAND_OVER', 3],
    ]);
    expect(last.version).toBe(3);
  });

  it('shows what plugins with an inspect know of a dossier in engine.get, a failing one as unavailable', async () => {
    const logs: string[] = [];
    const { engine } = sampleEngine(new MemoryStore(), {
      plugins: [
        { name: 'portal', inspect: async (code) => ({ state: 'synced', code }) },
        {
          name: 'broken',
          inspect: async () => {
            throw new Error('log unreachable');
          },
        },
        { name: 'quiet' },
      ],
      log: (entry) => void logs.push(entry.message),
    });
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    expect((await engine.get(d.code)).plugins).toEqual({
      portal: { state: 'synced', code: d.code },
      broken: { unavailable: true },
    });
    expect(logs).toContain('plugin inspect failed');
    // A plugin reading the dossier itself skips the inspection.
    expect('plugins' in (await engine.get(d.code, { plugins: false }))).toBe(false);
    // Without any plugin that inspects, no plugins field.
    const { engine: plain } = sampleEngine(new MemoryStore());
    const p = await plain.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    expect('plugins' in (await plain.get(p.code))).toBe(false);
  });
});
