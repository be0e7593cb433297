/**
 * Loading a policy module: read from its file and compiled as a CommonJS module of its own, as
 * require would make it (its own require, paths and filename), but outside require's cache, so
 * each load reads the file again: what a SIGHUP reload needs. Modules it requires itself stay
 * cached. TypeScript is first transpiled with the `typescript` package (ts.transpileModule: types
 * are erased, not checked; check them with tsc).
 *
 * The factory is `module.exports`, or its `default` or `policy` export.
 */
import fs from 'fs';
import Module from 'module';
import path from 'path';
import type { PolicyFactory } from './types';
import { errorText } from './error-text';

export class PolicyLoadError extends Error {}

interface TypeScriptApi {
  transpileModule(input: string, options: { compilerOptions: Record<string, unknown>; fileName: string; reportDiagnostics?: boolean }): { outputText: string; diagnostics?: Array<{ messageText: unknown }> };
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2022: number };
}

let typescript: TypeScriptApi | undefined;

function typescriptApi(file: string): TypeScriptApi {
  if (typescript) return typescript;
  try {
    typescript = require('typescript') as TypeScriptApi;
    return typescript;
  } catch {
    throw new PolicyLoadError(`${file}: a TypeScript policy needs the "typescript" package (npm install typescript), or compile it to JavaScript first`);
  }
}

/** Loads the module at `file` (absolute) and returns its factory; throws PolicyLoadError saying what went wrong. */
export function loadPolicyFactory(file: string): PolicyFactory {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new PolicyLoadError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let exported: unknown;
  try {
    exported = compile(file, file.endsWith('.ts') ? transpile(file, source) : source);
  } catch (e) {
    if (e instanceof PolicyLoadError) throw e;
    throw new PolicyLoadError(`${file}: ${errorText(e)}`);
  }
  const factory = factoryOf(exported);
  if (!factory) {
    throw new PolicyLoadError(`${file}: exports no policy factory: export a function (options, context) => operator as module.exports, "default" or "policy"`);
  }
  return factory;
}

function factoryOf(exported: unknown): PolicyFactory | undefined {
  if (typeof exported === 'function') return exported as PolicyFactory;
  if (typeof exported === 'object' && exported !== null) {
    const e = exported as { default?: unknown; policy?: unknown };
    if (typeof e.default === 'function') return e.default as PolicyFactory;
    if (typeof e.policy === 'function') return e.policy as PolicyFactory;
  }
  return undefined;
}

function transpile(file: string, source: string): string {
  const ts = typescriptApi(file);
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
    fileName: file,
  }).outputText;
}

/** `code` run as the CommonJS module at `file`; its exports. */
function compile(file: string, code: string): unknown {
  const m = new Module(file, module);
  m.filename = file;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  (m as unknown as { _compile(code: string, filename: string): void })._compile(code, file);
  return m.exports;
}
