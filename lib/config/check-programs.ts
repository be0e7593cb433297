/**
 * Checks, when a config is loaded from a file, that each helper's program and working directory
 * exist, as ExaBGP does when it reads `run`: a typo is reported by `rxbgp validate` at its key,
 * not as a helper that dies at start. Bare program names are found through PATH at spawn time
 * and are not checked here.
 */
import { accessSync, constants, statSync } from 'fs';
import { joinIndex, joinKey, type ConfigError } from './config-error';
import type { ProcessConfig } from './types';

function problemWith(path: string, want: 'program' | 'directory'): string | undefined {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file or directory' : (e as Error).message;
  }
  if (want === 'directory') return isDirectory ? undefined : 'not a directory';
  if (isDirectory) return 'it is a directory';
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return 'not executable (chmod +x it, or run it through its interpreter: ["python3", "..."])';
  }
}

export function checkPrograms(processes: readonly ProcessConfig[]): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const p of processes) {
    const at = joinKey('processes', p.name);
    const program = p.run[0];
    const programProblem = program.includes('/') ? problemWith(program, 'program') : undefined;
    if (programProblem) errors.push({ path: joinIndex(joinKey(at, 'run'), 0), message: `cannot run "${program}": ${programProblem}` });
    const cwdProblem = p.cwd !== undefined ? problemWith(p.cwd, 'directory') : undefined;
    if (cwdProblem) errors.push({ path: joinKey(at, 'cwd'), message: `cannot run in "${p.cwd}": ${cwdProblem}` });
  }
  return errors;
}
