/**
 * @packageDocumentation
 * `@motcua/notify-sms` — not implemented yet: see issue #7. The package exists so the workspace,
 * its build and its docs are in place; it exports nothing until that issue lands.
 */
export {};
