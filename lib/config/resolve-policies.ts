/**
 * The "policies" of a config and the neighbors' "import" / "export" lists that name them
 * (lib/policy). Modules are only found here, not loaded: loading runs the user's code, which the
 * daemon does when it starts or reloads (lib/policy/load-policy.ts), and `rxbgp validate` too.
 */
import { isAbsolute, resolve as resolvePath } from 'path';
import { joinIndex, joinKey } from './config-error';
import { fileProblem } from './file-problem';
import type { PolicyFile } from './file-codec';
import { nearestKey } from '../wire/nearest-key';
import type { PolicyConfig } from './types';

type Report = (path: string, message: string) => void;

/** Module file extensions a policy may have: JavaScript (CommonJS) or TypeScript (transpiled when loaded). */
export const POLICY_EXTENSIONS = ['.js', '.cjs', '.ts'];

export function resolvePolicies(policies: Record<string, PolicyFile> | undefined, baseDir: string | undefined, report: Report): PolicyConfig[] {
  return Object.entries(policies ?? {}).map(([name, p]) => {
    const path = joinKey(joinKey('policies', name), 'module');
    const module = baseDir !== undefined && !isAbsolute(p.module) ? resolvePath(baseDir, p.module) : p.module;
    if (!POLICY_EXTENSIONS.some((ext) => module.endsWith(ext))) report(path, `expected a ${POLICY_EXTENSIONS.join(', ')} file, got "${p.module}"`);
    else {
      const problem = fileProblem(module);
      if (problem) report(path, `cannot read the policy module "${module}": ${problem}`);
    }
    return { name, module, options: p.options ?? {} };
  });
}

/** A neighbor's "import" or "export": every name a known policy, none twice. */
export function resolvePolicyNames(names: readonly string[] | undefined, path: string, known: readonly string[], report: Report): string[] {
  const seen = new Set<string>();
  (names ?? []).forEach((name, i) => {
    if (seen.has(name)) report(joinIndex(path, i), `policy "${name}" is listed twice`);
    seen.add(name);
    if (known.includes(name)) return;
    const near = nearestKey(name, known);
    const list = known.length === 0 ? 'no "policies" are defined' : `known policies: ${known.join(', ')}`;
    report(joinIndex(path, i), `unknown policy "${name}"${near ? ` (did you mean "${near}"?)` : ''}; ${list}`);
  });
  return [...(names ?? [])];
}
