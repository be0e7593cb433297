/**
 * exabgp-api-routes and exabgp-api-batches: Debian's ExaBGP 4.2 → BIRD with the SAME helper and
 * arguments as api-routes / api-batches. ExaBGP takes helper commands at ~3,300 prefixes/s
 * (PEERS.md), so these cases move their own, smaller N (20,000 unless --n is given) under a
 * deadline sized for it, and their prefixes/s is what compares with rxbgp's.
 * ExaBGP runs in the foreground with its settings from the environment (PEERS.md, ExaBGP 4.2).
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { TrackedChild } from '../daemons/tracked-child';
import { Deadline } from '../measure/deadline';
import { runApiCase } from './api-case';
import { PYTHON, type ApiMode } from './api-helper';
import { rateOf, rateRatioText, recordedRate } from './api-rates';
import type { BenchCase, CaseCompletion, CaseContext, Speaker } from './case-types';

export const EXABGP_DEFAULT_N = 20_000;
/** The helper's name in ExaBGP's `process` block and `api { processes [...] }`. */
export const EXABGP_PROCESS_NAME = 'bench-announce';
/**
 * The case's own limit: setup plus N at 500 prefixes/s, a seventh of ExaBGP's usual rate, so a
 * stuck ExaBGP fails in ~100 s at the default N instead of holding the run for the global timeout.
 */
const SETUP_MS = 60_000;
const SLOWEST_RATE = 500;

export interface ExabgpApiConfig {
  readonly sender: Speaker;
  readonly receiver: Speaker;
  /** Program and arguments of the helper. */
  readonly helper: readonly string[];
  /** The neighbor's `family` block entries (default `ipv4 unicast`; the flow cases use `ipv4 flow`). */
  readonly families?: readonly string[];
}

/** ExaBGP 4.2's config: the helper as a process (no respawn), one neighbor that connects to BIRD. */
export function exabgpApiConfig(c: ExabgpApiConfig): string {
  for (const word of c.helper) {
    // ExaBGP splits `run` on spaces and ends it at ';': a word holding either would change the command.
    if (/[\s;{}]/.test(word)) throw new Error(`exabgp config: helper argument ${JSON.stringify(word)} cannot be written in a run line`);
  }
  return `process ${EXABGP_PROCESS_NAME} {
  run ${c.helper.join(' ')};
  encoder json;
  respawn false;
}
neighbor ${c.receiver.address} {
  router-id ${c.sender.routerId};
  local-address ${c.sender.address};
  local-as ${c.sender.asn};
  peer-as ${c.receiver.asn};
  connect ${c.receiver.port};
  family { ${(c.families ?? ['ipv4 unicast']).map((f) => `${f}; `).join('')}}
  api { processes [ ${EXABGP_PROCESS_NAME} ]; neighbor-changes; }
}
`;
}

/** ExaBGP's settings for a foreground run on our address (PEERS.md); acks on, as by default. */
export function exabgpEnvironment(sender: Speaker): Record<string, string> {
  return {
    'exabgp.tcp.bind': sender.address,
    'exabgp.tcp.port': String(sender.port),
    'exabgp.daemon.user': 'root',
    'exabgp.daemon.drop': 'false',
    'exabgp.daemon.daemonize': 'false',
    'exabgp.api.cli': 'false',
    'exabgp.api.ack': 'true',
    'exabgp.log.destination': 'stdout',
  };
}

async function startExabgpWithHelper(ctx: CaseContext, dir: string, helper: readonly string[]): Promise<TrackedChild> {
  const { sender, receiver } = ctx.slot;
  const file = path.join(dir, 'exabgp-sender.conf');
  fs.writeFileSync(file, exabgpApiConfig({ sender, receiver, helper }));
  // TrackedChild passes no environment of its own: `env` sets ExaBGP's settings for this process only.
  const settings = Object.entries(exabgpEnvironment(sender)).map(([k, v]) => `${k}=${v}`);
  const exabgp = new TrackedChild({ name: 'exabgp-sender', command: 'env', args: [...settings, 'exabgp', '--env', '/dev/null', file], cwd: dir });
  ctx.onCleanup(() => exabgp.stop().then(() => undefined));
  return exabgp;
}

/** "ExaBGP 4.2.21, Python 3.11.2" from `exabgp --version`. */
export function exabgpVersion(): string | undefined {
  const r = spawnSync('exabgp', ['--version'], { encoding: 'utf8', timeout: 10000 });
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const exa = /ExaBGP\s*:\s*(\S+)/.exec(text)?.[1];
  const py = /Python\s*:\s*(\S+)/.exec(text)?.[1];
  return exa ? `ExaBGP ${exa}${py ? `, Python ${py}` : ''}` : undefined;
}

function exabgpApiCase(name: string, mode: ApiMode, rxbgpCase: string, summary: string): BenchCase {
  return {
    name,
    groups: [`api-${mode}`],
    sender: 'ExaBGP + helper',
    receiver: 'BIRD',
    summary,
    needs: ['bird', 'exabgp'],
    defaultN: EXABGP_DEFAULT_N,
    async run(ctx: CaseContext): Promise<CaseCompletion> {
      if (!fs.existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: the API helper runs with it`);
      const own = new Deadline(Math.min(ctx.deadline.remainingMs(), SETUP_MS + (ctx.n / SLOWEST_RATE) * 1000));
      const done = await runApiCase(name, { ...ctx, deadline: own }, mode, startExabgpWithHelper);
      const version = exabgpVersion();
      const checks = [...done.checks, ...(version ? [`sender: ${version}`] : [])];
      const exabgpRate = rateOf(ctx.n, done.measurement, done.problems);
      const rxbgpRate = recordedRate(rxbgpCase);
      if (exabgpRate !== undefined && rxbgpRate !== undefined) checks.push(rateRatioText(rxbgpCase, rxbgpRate, name, exabgpRate));
      return { ...done, checks };
    },
  };
}

export const exabgpApiRoutesCase = exabgpApiCase(
  'exabgp-api-routes',
  'routes',
  'api-routes',
  'the api-routes helper under ExaBGP 4.2 → BIRD; compare by prefixes/s',
);
export const exabgpApiBatchesCase = exabgpApiCase(
  'exabgp-api-batches',
  'batches',
  'api-batches',
  'the api-batches helper under ExaBGP 4.2 → BIRD; compare by prefixes/s',
);
