/**
 * `npm run bench [-- case ... --n COUNT --timeout SECONDS]`: moves N prefixes between rxbgp, BIRD,
 * GoBGP and ExaBGP on loopback, one case after another, and prints one Markdown table per
 * comparison group with rxbgp's ratio to each reference, then which of the issue's targets hold
 * (bench/report). Every case has a hard deadline; every daemon it starts is stopped by PID and
 * every temporary file removed when the case ends, on a deadline, and on SIGINT.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { caseN, parseBenchArgs, DEFAULT_N, DEFAULT_TIMEOUT_SECONDS, type BenchArgs } from './args';
import { CASES } from './cases';
import { completedResult, slotFor, type BenchCase, type CaseContext, type CaseResult, type CaseResultBase } from './cases/case-types';
import { rxbgpBuilt } from './daemons/rxbgp';
import { removeAllTempDirs } from './daemons/temp-dirs';
import { killAllChildrenNow, stopAllChildren } from './daemons/tracked-child';
import { Deadline, DeadlineExceeded } from './measure/deadline';
import { formatReport } from './report/report';

function usage(): string {
  return [
    'usage: npm run bench -- [case ...] [--n COUNT] [--timeout SECONDS] [--cpu-prof DIR]',
    '',
    `  --n COUNT          prefixes to move (default ${DEFAULT_N.toLocaleString('en')}, or the case's own default shown below)`,
    `  --timeout SECONDS  hard limit per case, setup included (default ${DEFAULT_TIMEOUT_SECONDS})`,
    '  --cpu-prof DIR     run rxbgp under node --cpu-prof, profiles written to DIR when it stops',
    '',
    'cases (all by default, in this order):',
    ...CASES.map((c) => {
      const own = c.defaultN !== undefined ? ` (default N ${c.defaultN.toLocaleString('en')})` : '';
      return `  ${c.name.padEnd(Math.max(...CASES.map((k) => k.name.length)))} ${c.summary}${own}`;
    }),
  ].join('\n');
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The external programs a case needs, or why it cannot run. */
function missingTools(c: BenchCase): string | undefined {
  const programs: Record<string, readonly string[]> = { bird: ['bird'], gobgp: ['gobgpd', 'gobgp'], exabgp: ['exabgp'] };
  for (const need of c.needs) {
    if (need === 'rxbgp') {
      if (!rxbgpBuilt()) return 'rxbgp is not built (npm run build)';
      continue;
    }
    for (const program of programs[need] ?? []) if (!onPath(program)) return `${program} is not installed (see /work/shared/PEERS.md)`;
  }
  return undefined;
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && fs.existsSync(path.join(dir, program)));
}

async function runCase(c: BenchCase, args: BenchArgs): Promise<CaseResult> {
  const n = caseN(args, c.defaultN);
  const base: CaseResultBase = { name: c.name, groups: c.groups, sender: c.sender, receiver: c.receiver, n };
  const missing = missingTools(c);
  if (missing) return { ...base, status: 'failed', detail: missing, checks: [] };
  const cleanups: Array<() => void | Promise<void>> = [];
  const ctx: CaseContext = {
    n,
    deadline: new Deadline(args.timeoutSeconds * 1000),
    slot: slotFor(CASES.indexOf(c)),
    rxbgpNodeOptions: args.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(args.cpuProfileDir)] : [],
    log: (message) => log(`${c.name}: ${message}`),
    onCleanup: (step) => void cleanups.push(step),
  };
  log(`${c.name}: ${c.summary} (N = ${n}, deadline ${args.timeoutSeconds} s)`);
  try {
    return completedResult(base, await c.run(ctx));
  } catch (err) {
    const timeout = err instanceof DeadlineExceeded;
    return { ...base, status: timeout ? 'timeout' : 'failed', detail: err instanceof Error ? err.message : String(err), checks: [] };
  } finally {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (err) {
        log(`${c.name}: cleanup: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    await stopAllChildren();
  }
}

function version(command: string, args: readonly string[], pattern: RegExp): string | undefined {
  // bird prints its version on stderr, gobgpd on stdout.
  const r = spawnSync(command, [...args], { encoding: 'utf8', timeout: 5000 });
  return pattern.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`)?.[1];
}

function machineNote(args: BenchArgs): string {
  const cpus = os.cpus();
  const bird = version('bird', ['--version'], /BIRD version (\S+)/);
  const gobgp = version('gobgpd', ['--version'], /gobgpd version (\S+)/);
  return [
    `N = ${args.n.toLocaleString('en')} IPv4 /24s, one attribute set, loopback, unless a case's N or table says otherwise; ${new Date().toISOString()}`,
    `machine: ${cpus.length} × ${cpus[0]?.model ?? 'CPU'} (shared, noisy), ${Math.round(os.totalmem() / 2 ** 30)} GB, ` +
      `Linux ${os.release()}, Node ${process.version}, BIRD ${bird ?? '?'}, GoBGP ${gobgp ?? '?'}`,
    'seconds: receiver reports Established → receiver holds all N; t99 s: → 99 % of N; CPU over that window; peak RSS = VmHWM over the process life',
  ].join('\n');
}

function involvesRxbgp(c: Pick<CaseResult, 'sender' | 'receiver'>): boolean {
  return /rxbgp/.test(`${c.sender} ${c.receiver}`);
}

function report(results: readonly CaseResult[], args: BenchArgs): void {
  process.stdout.write(formatReport(results, machineNote(args)));
}

async function main(argv: readonly string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv, CASES.map((c) => c.name));
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n\n${usage()}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(usage() + '\n');
    return 0;
  }
  const results: CaseResult[] = [];
  let interrupted = false;
  const interrupt = (signal: string) => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping the daemons this run started`);
    void stopAllChildren().finally(() => {
      removeAllTempDirs();
      if (results.length) report(results, args);
      process.exit(130);
    });
  };
  process.on('SIGINT', () => interrupt('SIGINT'));
  process.on('SIGTERM', () => interrupt('SIGTERM'));
  for (const name of args.cases) {
    if (interrupted) break;
    const result = await runCase(CASES.find((c) => c.name === name)!, args);
    log(`${name}: ${result.status}${result.measurement?.seconds !== undefined ? ` in ${result.measurement.seconds.toFixed(2)} s` : ''}`);
    results.push(result);
  }
  if (interrupted) return 130;
  removeAllTempDirs();
  report(results, args);
  // A reference daemon failing under the load (GoBGP losing sessions with 100 peers) is a measured
  // outcome, shown in its table; the run fails only when a case rxbgp takes part in does.
  const failed = results.filter((r) => r.status !== 'ok' && involvesRxbgp(r));
  return failed.length === 0 ? 0 : 1;
}

// Whatever happens, nothing this run started outlives it.
process.on('exit', () => {
  killAllChildrenNow();
  removeAllTempDirs();
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
