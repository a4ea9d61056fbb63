/**
 * `engine.get`: the dossier with its history, or with `{ history: false }` its view only (one store
 * read, no journal, slip, timers or plugin inspection), and its options checked.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';

/** A memory store that counts the reads `engine.get` may make. */
class CountingStore extends MemoryStore {
  readonly reads: string[] = [];
  override async journal(code: string) {
    this.reads.push('journal');
    return super.journal(code);
  }
  override async slip(code: string) {
    this.reads.push('slip');
    return super.slip(code);
  }
  override async timers(code: string) {
    this.reads.push('timers');
    return super.timers(code);
  }
}

describe('engine.get', () => {
  it('gives the view only with { history: false }: no history read, no plugin asked', async () => {
    const store = new CountingStore();
    const inspected: string[] = [];
    const { engine } = sampleEngine(store, {
      plugins: [{ name: 'portal', inspect: async (code) => void inspected.push(code) }],
    });
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk });
    const full = await engine.get(d.code);
    expect(store.reads.sort()).toEqual(['journal', 'slip', 'timers']);
    expect(inspected).toEqual([d.code]);
    store.reads.length = 0;

    const view = await engine.get(d.code, { history: false });
    expect(store.reads).toEqual([]);
    expect(inspected).toEqual([d.code]);
    const { journal, slip, timers, plugins, ...fullView } = full;
    expect(view).toEqual(fullView);
    expect(view.version).toBe(2);
    expect(view.nationalStatus).toEqual(full.nationalStatus);
    expect('journal' in view).toBe(false);
  });

  it('refuses bad options naming the field, and an unknown code as before', async () => {
    const { engine } = sampleEngine(new MemoryStore());
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: sampleActors.desk,
      ...sampleReceipt,
    });
    for (const [options, field] of [
      [{ history: 'no' }, 'options.history'],
      [{ plugins: 1 }, 'options.plugins'],
      [{ histroy: false }, 'options'],
      ['all', 'options'],
    ] as const) {
      const err = await engine.get(d.code, options as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues.map((i) => i.field)).toContain(field);
    }
    await expect(engine.get('000.00.00.H99-260302-0009', { history: false })).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
