/**
 * Starting bench/consumers/table-counter.ts (rxbgp as a library with an in-process consumer) as
 * the receiver of a realistic table, and reading what it prints: its session and milestones while
 * the transfer is measured, its final counts and sampled attributes after it is stopped.
 */
import path from 'path';
import { performance } from 'perf_hooks';
import { TrackedChild } from '../daemons/tracked-child';
import { SessionWatch } from '../measure/session-watch';
import { EARLY_SHARE, type ReceiverProbe } from '../measure/transfer';
import type { CaseContext } from './case-types';
import { processOf } from './receivers';

/** The consumer, compiled beside this file (dist/bench/consumers/). */
const CONSUMER = path.join(__dirname, '..', 'consumers', 'table-counter.js');

/** What the consumer prints when it is stopped. */
export interface TableCounterStats {
  readonly ipv4Entries: number;
  readonly ipv6Entries: number;
  readonly withdrawn: number;
  readonly updates: number;
  readonly otherFamilies: number;
  readonly ipv4RibIn: number;
  readonly ipv6RibIn: number;
  readonly attributeSets: number;
}

export interface TableCounterResult {
  /** Where the consumer wrote its Adj-RIB-In's prefixes, one per line. */
  readonly dumpFile: string;
  /** Sampled prefix -> its attributes as the consumer printed them (parsed JSON), or null when absent. */
  readonly samples: Map<string, unknown>;
  stats: TableCounterStats | undefined;
}

export interface TableCounter {
  readonly child: TrackedChild;
  readonly probe: ReceiverProbe;
  readonly result: TableCounterResult;
}

export function startTableCounter(ctx: CaseContext, configFile: string, count: number, dumpFile: string, samples: readonly string[]): TableCounter {
  const session = new SessionWatch();
  const reached = new Map<number, number>();
  const result: TableCounterResult = { dumpFile, samples: new Map(), stats: undefined };
  const onLine = (line: string) => {
    if (line === 'up') session.markUp();
    else if (line.startsWith('down ')) session.markDown(line.slice(5));
    else if (line.startsWith('reached ')) reached.set(Number(line.slice(8)), performance.now());
    else if (line.startsWith('sample ')) {
      const [, prefix, json] = /^sample (\S+) (.*)$/.exec(line) ?? [];
      if (prefix && json) result.samples.set(prefix, json === 'none' ? null : JSON.parse(json));
    } else if (line.startsWith('stats ')) result.stats = JSON.parse(line.slice(6)) as TableCounterStats;
  };
  const child = new TrackedChild({
    name: 'rxbgp-receiver',
    command: process.execPath,
    args: [...ctx.rxbgpNodeOptions, CONSUMER, configFile, String(count), dumpFile, samples.join(',')],
    onStdoutLine: onLine,
  });
  ctx.onCleanup(() => child.stop().then(() => undefined));
  const early = Math.ceil(count * EARLY_SHARE);
  const probe: ReceiverProbe = {
    process: processOf(child),
    session,
    // The consumer reports milestones only: before `reached N` it holds fewer.
    count: () => (reached.has(count) ? count : reached.has(early) ? early : 0),
    reachedAt: (k) => reached.get(k),
    poll: { minMs: 20, maxMs: 20 },
  };
  return { child, probe, result };
}
