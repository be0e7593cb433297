/**
 * api-routes and api-batches: rxbgp → BIRD with the routes coming from an ExaBGP-style helper
 * (bench/helpers/api-announce.py) through the process API, not from the config. rxbgp is started
 * as a user runs it, `node bin/rxbgp run <config.json>`, with the helper under `processes` and the
 * neighbor's `api` naming it (docs/configuration.md: processes, api).
 */
import fs from 'fs';
import path from 'path';
import { REPO_ROOT, RXBGP_BIN, rxbgpConfig, type RxbgpNeighborConfig, rxbgpSession } from '../daemons/rxbgp';
import { TrackedChild } from '../daemons/tracked-child';
import { runApiCase } from './api-case';
import type { ApiMode } from './api-helper';
import type { BenchCase, CaseContext, Slot } from './case-types';

/** The helper's name under `processes` and in the neighbor's `api.processes`. */
export const API_PROCESS_NAME = 'bench-announce';

/**
 * The bench's rxbgp config (no routes of its own) plus the helper: `respawn` off, since a helper
 * that exits has finished or failed and a second run would announce everything again; state events
 * on (`neighborChanges`) because the helper starts printing on "up"; no control socket, so the run
 * never meets another rxbgp's default socket.
 */
export function apiRxbgpConfig(c: RxbgpNeighborConfig, helper: readonly string[]): object {
  const base = rxbgpConfig(c) as { readonly neighbors: ReadonlyArray<Record<string, unknown>> } & Record<string, unknown>;
  return {
    ...base,
    control: { enabled: false },
    processes: { [API_PROCESS_NAME]: { run: [...helper], encoder: 'json', respawn: false } },
    neighbors: base.neighbors.map((n) => ({ ...n, api: { processes: [API_PROCESS_NAME], neighborChanges: true } })),
  };
}

/** `rxbgp run` with the helper as its API process, sending to the slot's receiver (families default IPv4 unicast). */
export function startRxbgpSender(ctx: CaseContext, slot: Slot, dir: string, helper: readonly string[], families?: readonly string[]): TrackedChild {
  const { sender, receiver } = slot;
  const name = 'rxbgp-sender';
  const file = path.join(dir, `${name}.json`);
  const config = apiRxbgpConfig({ ...rxbgpSession(sender, receiver), events: 'none', ...(families ? { families } : {}) }, helper);
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  const rxbgp = new TrackedChild({ name, command: process.execPath, args: [...ctx.rxbgpNodeOptions, RXBGP_BIN, 'run', file], cwd: REPO_ROOT });
  ctx.onCleanup(() => rxbgp.stop().then(() => undefined));
  return rxbgp;
}

function rxbgpApiCase(name: string, mode: ApiMode, summary: string): BenchCase {
  return {
    name,
    groups: [`api-${mode}`],
    sender: 'rxbgp + helper',
    receiver: 'BIRD',
    summary,
    needs: ['bird', 'rxbgp'],
    run: (ctx) => runApiCase(name, ctx, mode, async (c, dir, helper) => startRxbgpSender(c, c.slot, dir, helper)),
  };
}

export const apiRoutesCase = rxbgpApiCase('api-routes', 'routes', 'a process-API helper prints N `announce route` lines to rxbgp, which sends them to BIRD');
export const apiBatchesCase = rxbgpApiCase(
  'api-batches',
  'batches',
  'the same helper prints N prefixes as `announce attributes ... nlri` lines of 1,000 to rxbgp → BIRD',
);
