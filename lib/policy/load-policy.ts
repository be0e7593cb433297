/**
 * Loading a policy module: read from its file and compiled as a CommonJS module of its own, as
 * require would make it (its own require, paths and filename), but outside require's cache, so
 * each load reads the file again: what a SIGHUP reload needs. Modules it requires itself stay
 * cached. TypeScript is first transpiled with the `typescript` package (ts.transpileModule: types
 * are erased, not checked; check them with tsc).
 *
 * A policy lives wherever the user keeps their config, usually with no node_modules of its own,
 * and needs rxbgp's helpers and RxJS's operators. So the `require` a policy gets resolves
 * 'rxbgp', 'rxjs' and 'rxjs/...' from rxbgp's own package (the copies the daemon runs, so
 * operators and observables are of one RxJS), before anything in the policy's folder, and loads
 * the policy's own source files (its relative requires, outside any node_modules) the same way,
 * so a helper file beside it can require them too. Everything else (its other packages, JSON,
 * Node's modules) resolves as Node would from the policy's folder. Nothing global is patched:
 * only these modules see this `require`.
 *
 * The factory is `module.exports`, or its `default` or `policy` export.
 */
import fs from 'fs';
import Module from 'module';
import path from 'path';
import vm from 'vm';
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
    throw new PolicyLoadError(
      `${file}: a TypeScript policy needs the "typescript" package beside rxbgp (in its checkout: npm install; installed globally: npm install -g typescript), or compile it to JavaScript first`,
    );
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
    exported = compile(file, source).exports;
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

/** Node's long-standing private module helpers (not Module.createRequire, which jest replaces with its own resolver, so tests would load policies differently). */
interface ModuleInternals {
  _nodeModulePaths(dir: string): string[];
  _resolveFilename(request: string, parent: Module, isMain?: boolean, options?: { paths?: string[] }): string;
  _cache: Record<string, Module | undefined>;
}
const internals = Module as unknown as ModuleInternals;

/** Requests that resolve to rxbgp's own copies, whatever the policy's folder holds. */
const OWN_PACKAGES = /^(rxbgp|rxjs)(\/.*)?$/;

let anchor: Module | undefined;

/**
 * A module standing at rxbgp's package.json: what it requires is resolved as from inside rxbgp
 * ('rxbgp' by the package's self-reference, through "exports"; 'rxjs' from rxbgp's node_modules).
 */
function ownPackage(): Module {
  if (anchor) return anchor;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  const m = new Module(path.join(dir, 'package.json'));
  m.filename = m.id;
  m.paths = internals._nodeModulePaths(dir);
  anchor = m;
  return m;
}

/** Whether `file` is the policy's own source (loaded by this loader), not a package or a JSON file. */
function isPolicySource(file: string): boolean {
  return path.isAbsolute(file) && /\.(c?js|c?ts)$/.test(file) && !file.split(path.sep).includes('node_modules');
}

/** Node's resolution from `from`, and for a relative request also `<request>.ts` and `<request>/index.ts` (TypeScript sources). */
function resolveFrom(request: string, from: Module, options?: { paths?: string[] }): string {
  try {
    return internals._resolveFilename(request, from, false, options);
  } catch (e) {
    if (!/^\.{0,2}\//.test(request) || options?.paths) throw e;
    const base = path.resolve(path.dirname(from.filename), request);
    for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
    throw e;
  }
}

/** The `require` a policy module (or one of its source files) gets. */
function policyRequire(m: Module): NodeJS.Require {
  const req = ((request: string): unknown => {
    if (OWN_PACKAGES.test(request)) return ownPackage().require(request);
    const file = resolveFrom(request, m);
    if (!isPolicySource(file)) return m.require(file);
    const cached = internals._cache[file];
    if (cached) return cached.exports;
    return compile(file, fs.readFileSync(file, 'utf8'), m, true).exports;
  }) as NodeJS.Require;
  const resolve = (request: string, options?: { paths?: string[] }) =>
    OWN_PACKAGES.test(request) ? internals._resolveFilename(request, ownPackage()) : resolveFrom(request, m, options);
  resolve.paths = (request: string) => (OWN_PACKAGES.test(request) ? ownPackage().paths : m.paths);
  req.resolve = resolve as NodeJS.RequireResolve;
  req.cache = internals._cache as NodeJS.Require['cache'];
  req.main = require.main;
  return req;
}

/**
 * The CommonJS module at `file` with `source` (TypeScript first transpiled) run in it. A policy's
 * own source files are `cached` in require's cache like any module (for the next load, and for
 * cycles); the policy file itself is not, so that each load reads it again. Compiled with
 * vm.compileFunction rather than Module's private _compile so that the `require` it gets is ours.
 */
function compile(file: string, source: string, parent?: Module, cached = false): Module {
  // No parent for the policy itself: each reload would add a child to this loader's module, kept forever.
  const m = new Module(file, parent);
  m.filename = file;
  m.paths = internals._nodeModulePaths(path.dirname(file));
  const code = /\.c?ts$/.test(file) ? transpile(file, source) : source.replace(/^#!.*/, '');
  const wrapper = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], {
    filename: file,
    // import() in a policy works as in any CommonJS module (Node >= 20.12; before, it throws).
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cached) internals._cache[file] = m;
  try {
    wrapper.call(m.exports, m.exports, policyRequire(m), m, file, path.dirname(file));
  } catch (e) {
    if (cached) delete internals._cache[file];
    throw e;
  }
  m.loaded = true;
  return m;
}
