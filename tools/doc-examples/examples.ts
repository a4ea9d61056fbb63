import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { exportPaths } from '../check-packages/export-paths.js';
import { publishablePackages } from '../check-packages/workspace-packages.js';

/** One published entry: its import specifier and the source file it is built from. */
export interface Entry {
  readonly specifier: string;
  readonly source: string;
}

/** One ```ts block of an `@example` tag. */
export interface ExampleBlock {
  /** The exported name whose TSDoc holds the block. */
  readonly symbol: string;
  /** Where the name is declared, relative to the workspace root, with its line (`packages/…/x.ts:12`). */
  readonly location: string;
  /** The block's position among that declaration's ```ts blocks, from 1. */
  readonly index: number;
  /** The file and line (from 1) of the block's first line of code. */
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

/** One exported name of an entry and its examples. */
export interface ExportedSymbol {
  readonly entry: string;
  readonly name: string;
  /** Functions and classes are what the audit counts; `other`: constants, schemas, types. */
  readonly kind: 'function' | 'class' | 'other';
  /** Whether its declaration has a TSDoc comment. */
  readonly documented: boolean;
  readonly location: string;
  readonly examples: readonly ExampleBlock[];
}

/** The workspace's compiler options: the root tsconfig.json, whose `paths` map `@motcua/*` to sources. */
export function workspaceOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => readFileSync(path, 'utf8'));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  return { ...parsed.options, noEmit: true };
}

/** Every JavaScript entry of every published package, resolved to its source through `paths`. */
export function publishedEntries(root: string, options: ts.CompilerOptions): Entry[] {
  const entries: Entry[] = [];
  const from = join(root, 'package.json');
  for (const pkg of publishablePackages(root)) {
    // Plain subpaths only: a `*` pattern publishes files (the SQL migrations), not modules.
    const subpaths = Object.keys(pkg.manifest.exports as Record<string, unknown>).filter(
      (subpath) => !subpath.includes('*'),
    );
    for (const path of exportPaths(pkg.name, pick(pkg.manifest.exports, subpaths), [])) {
      if (path.kind !== 'module') continue;
      const resolved = ts.resolveModuleName(path.specifier, from, options, ts.sys).resolvedModule;
      if (resolved === undefined || !resolved.resolvedFileName.endsWith('.ts')) {
        throw new Error(`${path.specifier}: tsconfig.json "paths" does not resolve it to a source file`);
      }
      entries.push({ specifier: path.specifier, source: resolved.resolvedFileName });
    }
  }
  return entries;
}

function pick(exports: unknown, keys: readonly string[]): Record<string, unknown> {
  const map = exports as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, map[key]]));
}

const FENCE = /```(?:ts|typescript)[^\S\n]*\n([\s\S]*?)```/g;

/**
 * The ```ts blocks of a declaration's `@example` tags, read from its TSDoc comment. The tag runs to
 * the next block tag outside a code fence: TypeScript itself ends it at any `@word`, even inside a
 * fence (`// @statelyai/inspect`), which would cut the block short.
 */
function examplesOf(declaration: ts.Declaration): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const file = declaration.getSourceFile();
  for (const tag of ts.getJSDocTags(declaration)) {
    if (tag.tagName.text !== 'example') continue;
    // The raw text, line for line, keeps the code's indentation, which the parsed comment does not.
    const lines = file.text
      .slice(tag.getStart(), tag.parent.getEnd())
      .split('\n')
      .map((line) => line.replace(/^\s*\*( ?)/, ''));
    let inFence = false;
    let end = lines.length;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.trimStart().startsWith('```')) inFence = !inFence;
      else if (!inFence && /^\s*@\w/.test(line)) {
        end = i;
        break;
      }
    }
    const raw = lines.slice(0, end).join('\n');
    const tagLine = file.getLineAndCharacterOfPosition(tag.getStart()).line + 1;
    for (const match of raw.matchAll(FENCE)) {
      const fenceLine = tagLine + raw.slice(0, match.index).split('\n').length - 1;
      blocks.push({ line: fenceLine + 1, code: match[1] ?? '' });
    }
  }
  return blocks;
}

function locationOf(root: string, declaration: ts.Declaration): string {
  const file = declaration.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(declaration.getStart());
  return `${relative(root, file.fileName)}:${line + 1}`;
}

/** Every exported name of every entry, with the ```ts blocks of its `@example` tags. */
export function exportedSymbols(root: string): { symbols: ExportedSymbol[]; program: ts.Program } {
  const options = workspaceOptions(root);
  const entries = publishedEntries(root, options);
  const program = ts.createProgram(
    entries.map((e) => e.source),
    options,
  );
  const checker = program.getTypeChecker();
  const symbols: ExportedSymbol[] = [];
  for (const entry of entries) {
    const file = program.getSourceFile(entry.source);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (moduleSymbol === undefined) throw new Error(`${entry.specifier}: ${entry.source} is not a module`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const kind =
        symbol.flags & ts.SymbolFlags.Class
          ? 'class'
          : symbol.flags & ts.SymbolFlags.Function
            ? 'function'
            : 'other';
      const declarations = symbol.declarations ?? [];
      const first = declarations[0];
      if (first === undefined) continue;
      const location = locationOf(root, first);
      const examples: ExampleBlock[] = [];
      for (const declaration of declarations) {
        for (const { line, code } of examplesOf(declaration)) {
          examples.push({
            symbol: exported.name,
            location: locationOf(root, declaration),
            index: examples.length + 1,
            file: relative(root, declaration.getSourceFile().fileName),
            line,
            code,
          });
        }
      }
      const documented = declarations.some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
      symbols.push({ entry: entry.specifier, name: exported.name, kind, location, documented, examples });
    }
  }
  return { symbols, program };
}

/** One problem the compiler found in an example, named by its symbol and where the block is. */
export interface ExampleProblem {
  readonly example: ExampleBlock;
  /** The file and line of the problem (`packages/core/src/x.ts:41`). */
  readonly at: string;
  readonly message: string;
}

/**
 * Typechecks every distinct example block as a module of its own (in memory), as if it were a
 * file in its package's folder: `@motcua/*` resolves through tsconfig.json's `paths` to the
 * sources (no build needed) and the package's dependencies from its node_modules. A block is a
 * module even without imports.
 */
export function typecheckExamples(
  root: string,
  symbols: readonly ExportedSymbol[],
  previous?: ts.Program,
): { checked: number; problems: ExampleProblem[] } {
  const options = workspaceOptions(root);
  const files = new Map<string, ExampleBlock>();
  const seen = new Set<string>();
  for (const symbol of symbols) {
    for (const example of symbol.examples) {
      const key = `${example.location}#${example.index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Beside the package's own files, so that its dependencies (zod, pg, better-sqlite3) resolve.
      const dir = join(root, example.file.split('/').slice(0, 2).join('/'), 'doc-examples');
      files.set(join(dir, `${files.size + 1}-${example.symbol}-${example.index}.ts`), example);
    }
  }
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => {
    const example = files.get(name);
    return example ? `${example.code}\nexport {};\n` : readFile.call(host, name);
  };
  host.getSourceFile = (name, language, onError, shouldCreate) => {
    const example = files.get(name);
    return example
      ? ts.createSourceFile(name, `${example.code}\nexport {};\n`, language, true)
      : getSourceFile.call(host, name, language, onError, shouldCreate);
  };
  const program = ts.createProgram([...files.keys()], options, host, previous);
  const problems: ExampleProblem[] = [];
  for (const [name, example] of files) {
    const file = program.getSourceFile(name);
    if (file === undefined) throw new Error(`${name}: not in the program`);
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    for (const d of diagnostics) {
      const line =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 1;
      problems.push({
        example,
        at: `${example.file}:${example.line + line - 1}`,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      });
    }
  }
  return { checked: files.size, problems };
}

/** A problem as one line: the symbol, its file and line, the block and the compiler's message. */
export const describeProblem = (p: ExampleProblem) =>
  `${p.example.symbol}: @example block ${p.example.index} at ${p.at}: ${p.message}`;
