/**
 * exabgp-api-routes and exabgp-api-batches: Debian's ExaBGP 4.2 → BIRD with the SAME helper and
 * arguments as api-routes / api-batches. ExaBGP takes helper commands at ~3,300 prefixes/s
 * (PEERS.md), so these cases move their own, smaller N (20,000 unless --n is given) under a
 * deadline sized for it, and their prefixes/s is what compares with rxbgp's.
 * ExaBGP runs in the foreground with its settings from the environment (PEERS.md, ExaBGP 4.2).
 */
import fs from 'fs';
import { exabgpConfig, exabgpVersion, startExabgp } from '../daemons/exabgp';
import type { TrackedChild } from '../daemons/tracked-child';
import { Deadline } from '../measure/deadline';
import { runApiCase } from './api-case';
import { PYTHON, type ApiMode } from './api-helper';
import { rateOf, rateRatioText, recordedRate } from './api-rates';
import type { BenchCase, CaseCompletion, CaseContext, Slot, Speaker } from './case-types';

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
  return exabgpConfig({
    processName: EXABGP_PROCESS_NAME,
    helper: c.helper,
    local: c.sender,
    peer: c.receiver,
    connect: true,
    families: c.families ?? ['ipv4 unicast'],
    api: 'neighbor-changes;',
  });
}

/** ExaBGP with the helper, sending to the slot's receiver. */
export function startExabgpSender(ctx: CaseContext, slot: Slot, dir: string, helper: readonly string[], families?: readonly string[]): TrackedChild {
  const { sender, receiver } = slot;
  const exabgp = startExabgp({ name: 'exabgp-sender', dir, config: exabgpApiConfig({ sender, receiver, helper, families }), bind: sender });
  ctx.onCleanup(() => exabgp.stop().then(() => undefined));
  return exabgp;
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
      const done = await runApiCase(name, { ...ctx, deadline: own }, mode, async (c, dir, helper) => startExabgpSender(c, c.slot, dir, helper));
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
