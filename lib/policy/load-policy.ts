/**
 * Loading a policy module: JavaScript with Node's own require, TypeScript transpiled with the
 * `typescript` package (ts.transpileModule: types are erased, not checked; check them with tsc)
 * and compiled as a CommonJS module in place. Each load reads the file again (the module is
 * dropped from require's cache first), which is what a SIGHUP reload needs; modules it requires
 * itself stay cached.
 *
 * The factory is `module.exports`, or its `default` or `policy` export.
 */
import fs from 'fs';
import Module from 'module';
import path from 'path';
import type { PolicyFactory } from './types';

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
  let exported: unknown;
  try {
    exported = file.endsWith('.ts') ? requireTypeScript(file) : requireFresh(file);
  } catch (e) {
    if (e instanceof PolicyLoadError) throw e;
    throw new PolicyLoadError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
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

function requireFresh(file: string): unknown {
  const resolved = require.resolve(file);
  delete require.cache[resolved];
  return require(resolved) as unknown;
}

function requireTypeScript(file: string): unknown {
  const ts = typescriptApi(file);
  const source = fs.readFileSync(file, 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
    fileName: file,
  });
  // A module of its own, as require would make it: its own require, paths and filename.
  const m = new Module(file, module);
  m.filename = file;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  (m as unknown as { _compile(code: string, filename: string): void })._compile(out.outputText, file);
  return m.exports;
}
