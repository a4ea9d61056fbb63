/** How a consumer loads an export path. */
export type ExportKind = 'module' | 'json' | 'file';

/** One path a consumer can import, e.g. `@motcua/core/testing` or `@motcua/adapters/sql/sqlite/001_init.sql`. */
export interface ExportPath {
  readonly specifier: string;
  /** The key in `exports` it comes from (`./testing`, `./sql/*`). */
  readonly subpath: string;
  /** `module`: JavaScript, loaded with import/require; `json`: loaded; `file`: resolved and read. */
  readonly kind: ExportKind;
  /** True when the export has a `require` condition (a CommonJS build); false: ESM only. */
  readonly requirable: boolean;
}

/** The `exports` field as a map of subpaths (a bare string or condition object means `"."`). */
function subpathMap(name: string, exports: unknown): Record<string, unknown> {
  if (exports === undefined) throw new Error(`${name}: package.json has no "exports"`);
  if (typeof exports === 'string' || Array.isArray(exports)) return { '.': exports };
  const map = exports as Record<string, unknown>;
  return Object.keys(map).every((k) => k.startsWith('.')) ? map : { '.': map };
}

/** Every condition name and target under an export value. */
function walk(value: unknown, conditions: Set<string>, targets: string[]): void {
  if (typeof value === 'string') targets.push(value);
  else if (Array.isArray(value)) for (const v of value) walk(v, conditions, targets);
  else if (value && typeof value === 'object') {
    for (const [condition, v] of Object.entries(value)) {
      conditions.add(condition);
      walk(v, conditions, targets);
    }
  }
}

function kindOf(target: string): ExportKind {
  if (/\.[cm]?js$/.test(target)) return 'module';
  if (target.endsWith('.json')) return 'json';
  return 'file';
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every export path of a packed package, from its `exports` and its file list: plain subpaths as
 * they are, a `*` pattern expanded to each published file it matches (a pattern matching nothing
 * is an error), `null` targets (blocked subpaths) skipped.
 */
export function exportPaths(name: string, exports: unknown, files: readonly string[]): ExportPath[] {
  const paths: ExportPath[] = [];
  for (const [subpath, value] of Object.entries(subpathMap(name, exports))) {
    const conditions = new Set<string>();
    const targets: string[] = [];
    walk(value, conditions, targets);
    // The first target that is not a declaration file says what the path loads.
    const target = targets.find((t) => !/\.d\.[cm]?ts$/.test(t)) ?? targets[0];
    if (target === undefined) continue;
    const kind = kindOf(target);
    const requirable = conditions.has('require');
    const specifierOf = (sub: string) => (sub === '.' ? name : `${name}/${sub.slice(2)}`);
    if (!subpath.includes('*')) {
      paths.push({ specifier: specifierOf(subpath), subpath, kind, requirable });
      continue;
    }
    const pattern = new RegExp(`^${escapeRegExp(target.replace(/^\.\//, '')).replace('\\*', '(.+)')}$`);
    const matched = files.map((f) => pattern.exec(f)?.[1]).filter((m): m is string => m !== undefined);
    if (matched.length === 0) throw new Error(`${name}: exports["${subpath}"] matches no published file`);
    for (const m of matched) {
      const file = target.replace('*', m);
      paths.push({
        specifier: specifierOf(subpath.replace('*', m)),
        subpath,
        kind: kindOf(file),
        requirable,
      });
    }
  }
  return paths;
}
