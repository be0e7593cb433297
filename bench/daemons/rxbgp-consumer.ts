/**
 * rxbgp as a library in a consumer process of the bench (bench/consumers/ingest-counter.ts,
 * sink-ingest-counter.ts): `node <consumer.js> <config.json> <first prefix> <count> [args]`. The
 * consumer prints one line per event of interest on stdout, read here:
 *   up | down <reason> | reached <K> (each milestone, stamped when read) | stats {json} (when stopped)
 * and any other line (e.g. `drained`) goes to the caller's onLine. Used by the ingest cases.
 */
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { SessionWatch } from '../measure/session-watch';
import { EARLY_SHARE, type ReceiverProbe } from '../measure/transfer';
import { rxbgpConfig, type RxbgpNeighborConfig } from './rxbgp';
import { TrackedChild } from './tracked-child';

export interface ConsumerReceiverOptions {
  /** The compiled consumer script (dist/bench/consumers/...). */
  readonly consumer: string;
  /** Where the config is written (the run's temporary directory). */
  readonly dir: string;
  readonly config: RxbgpNeighborConfig;
  readonly firstPrefix: string;
  readonly count: number;
  /** Arguments after the count (an attribute expectation, ...). */
  readonly args?: readonly string[];
  readonly nodeOptions: readonly string[];
  /** stdout lines other than up, down, reached and stats. */
  readonly onLine?: (line: string) => void;
}

export class ConsumerReceiver<Stats> {
  readonly session = new SessionWatch();
  /** performance.now() when each `reached K` line was read. */
  readonly reached = new Map<number, number>();
  /** The `stats {json}` line, once the consumer was stopped. */
  stats: Stats | undefined;
  readonly child: TrackedChild;

  constructor(o: ConsumerReceiverOptions) {
    const file = path.join(o.dir, 'rxbgp-receiver.json');
    fs.writeFileSync(file, JSON.stringify(rxbgpConfig(o.config), null, 2));
    this.child = new TrackedChild({
      name: 'rxbgp-receiver',
      command: process.execPath,
      args: [...o.nodeOptions, o.consumer, file, o.firstPrefix, String(o.count), ...(o.args ?? [])],
      onStdoutLine: (line) => {
        if (line === 'up') this.session.markUp();
        else if (line.startsWith('down ')) this.session.markDown(line.slice(5));
        else if (line.startsWith('reached ')) this.reached.set(Number(line.slice(8)), performance.now());
        else if (line.startsWith('stats ')) this.stats = JSON.parse(line.slice(6)) as Stats;
        else o.onLine?.(line);
      },
    });
  }

  /** How measureTransfer watches it for a run of `n`: the consumer reports milestones only. */
  probe(n: number): ReceiverProbe {
    const early = Math.ceil(n * EARLY_SHARE);
    return {
      process: { name: this.child.name, pid: this.child.pid, exitText: () => this.child.exitText() },
      session: this.session,
      // Before `reached N` we know it holds fewer.
      count: () => (this.reached.has(n) ? n : this.reached.has(early) ? early : 0),
      reachedAt: (k) => this.reached.get(k),
      poll: { minMs: 20, maxMs: 20 },
    };
  }
}
