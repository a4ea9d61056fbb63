/**
 * @packageDocumentation
 * `@motcua/adapters/memory` — core's in-memory store, re-exported so that every store can be
 * imported from this package: for tests, simulations and demos (nothing survives the process).
 */
import { MemoryStore as CoreMemoryStore } from '@motcua/core';

/**
 * Core's in-memory `MemoryStore` (the same class: `new MemoryStore()`, `instanceof` and its type
 * work as with `@motcua/core`). The reference every store's semantics are checked against.
 */
export const MemoryStore = CoreMemoryStore;
/** An instance of core's in-memory store. */
export type MemoryStore = CoreMemoryStore;
