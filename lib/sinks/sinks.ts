/**
 * The configured sinks, fed from the daemon's events: each event goes to every sink whose filter
 * takes it, through the sink's own bounded queue (sink-queue.ts). Building a line (JSON, MRT
 * record) happens in the sink's writer, off the session's path.
 */
import type { Observable, Subscription } from 'rxjs';
import type { SinkConfig } from '../config/types';
import type { Log } from '../session/log';
import type { SessionEvent } from '../session/events';
import type { Neighbor } from '../session/neighbor';
import { EventLines } from './event-lines';
import { LineFileWriter, StdoutWriter } from './line-writers';
import { LogWriter } from './log-writer';
import { MrtSinkWriter } from './mrt-sink';
import { KafkaSinkWriter } from './kafka-sink';
import type { SinkStats, SinkWriter } from './sink';
import { SinkQueue } from './sink-queue';
import { SinkFilter } from './sink-filter';

/** Events handed to a writer at once. */
const WRITE_BATCH = 1024;

interface Running {
  readonly config: SinkConfig;
  readonly queue: SinkQueue;
  readonly filter: SinkFilter;
}

/** Makes a writer for a sink type that lives in another module (mrt, kafka): set by that module's wiring. */
export type WriterFactory = (config: SinkConfig, log: Log) => SinkWriter | undefined;

export class Sinks {
  private readonly running: Running[];
  private subscription: Subscription | undefined;

  constructor(
    configs: readonly SinkConfig[],
    private readonly log: Log,
    extra: WriterFactory = () => undefined,
  ) {
    this.running = configs.map((config) => {
      const writer = writerOf(config, log) ?? extra(config, log);
      if (!writer) throw new Error(`sinks: no writer for type "${config.type}"`);
      const batching = config.type === 'kafka' ? { batch: config.batchEvents, lingerMs: config.lingerMs } : { batch: WRITE_BATCH };
      const queue = new SinkQueue(writer, { capacity: config.bufferEvents, ...batching, report: (m) => log.warn(`sink ${config.name}: ${m}`) });
      return { config, queue, filter: new SinkFilter(config) };
    });
  }

  /** Starts taking events. */
  attach(events$: Observable<{ readonly neighbor: Neighbor; readonly event: SessionEvent }>): void {
    if (this.running.length === 0) return;
    this.subscription = events$.subscribe(({ neighbor, event }) => this.take(neighbor, event));
  }

  /** Counters per sink name. */
  stats(): Map<string, SinkStats> {
    return new Map(this.running.map((r) => [r.config.name, r.queue.stats]));
  }

  /** Stops taking events, writes what is queued and closes every sink. */
  async close(): Promise<void> {
    this.subscription?.unsubscribe();
    await Promise.all(
      this.running.map((r) =>
        r.queue.close().catch((e: unknown) => this.log.warn(`sink ${r.config.name}: close failed: ${e instanceof Error ? e.message : String(e)}`)),
      ),
    );
  }

  private take(neighbor: Neighbor, event: SessionEvent): void {
    let time: number | undefined;
    for (const r of this.running) if (r.filter.takes(neighbor, event)) r.queue.push({ neighbor, event, time: (time ??= Date.now()) });
  }
}

function writerOf(config: SinkConfig, log: Log): SinkWriter | undefined {
  switch (config.type) {
    case 'stdout':
      return new StdoutWriter(new EventLines(config.format));
    case 'jsonl':
      return new LineFileWriter(new EventLines(config.format), { file: config.file, maxBytes: config.maxBytes, keep: config.keep });
    case 'log':
      return new LogWriter(log, config.name);
    case 'kafka':
      return new KafkaSinkWriter(
        new EventLines(config.format),
        { name: config.name, brokers: config.brokers, topic: config.topic, clientId: config.clientId, key: config.key, compression: config.compression, acks: config.acks, per: config.per },
        log,
      );
    case 'mrt':
      return new MrtSinkWriter({ directory: config.directory, pattern: config.pattern, rotateSeconds: config.rotateSeconds, sent: config.sent });
    default:
      return undefined;
  }
}
