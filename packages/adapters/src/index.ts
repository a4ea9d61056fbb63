/**
 * @packageDocumentation
 * `@motcua/adapters` — not implemented yet: see issue #5. The package exists so the workspace,
 * its build and its docs are in place; it exports nothing until that issue lands.
 */
export {};
