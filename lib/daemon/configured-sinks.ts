/**
 * The sinks of the config's "sinks" list, as one consumer of the daemon's event bus: each event goes
 * to every sink whose filter takes it, through the sink's own bounded queue (sinks/sink-queue.ts).
 * Building a line (JSON, MRT record) happens in the sink's writer, off the session's path. The
 * daemon reads the config here, so the sinks themselves never see it.
 */
import type { SinkConfig } from '../config/types';
import type { EventPeer } from '../events/event-peer';
import type { SessionEvent } from '../events/events';
import type { Log } from '../events/log';
import { EventLines } from '../sinks/event-lines';
import { LineFileWriter, StdoutWriter } from '../sinks/line-writers';
import { LogWriter } from '../sinks/log-writer';
import { MrtSinkWriter } from '../sinks/mrt-sink';
import { KafkaSinkWriter } from '../sinks/kafka-sink';
import type { EventSink, SinkStats, SinkWriter } from '../sinks/sink';
import { SinkQueue } from '../sinks/sink-queue';
import { SinkFilter, type SinkFilterOptions } from '../sinks/sink-filter';

/** Events handed to a writer at once. */
const WRITE_BATCH = 1024;

interface Running {
  readonly config: SinkConfig;
  readonly queue: SinkQueue;
  readonly filter: SinkFilter;
}

/** Makes a writer for a sink type that lives in another module (mrt, kafka): set by that module's wiring. */
export type WriterFactory = (config: SinkConfig, log: Log) => SinkWriter | undefined;

/** What a sink's config says it takes. */
export function sinkFilterOptions(config: SinkConfig): SinkFilterOptions {
  return {
    ...(config.filter.events ? { events: config.filter.events } : {}),
    ...(config.filter.neighbors ? { neighbors: config.filter.neighbors } : {}),
    wire: config.type === 'mrt',
    sent: config.type === 'mrt' && config.sent,
  };
}

export class ConfiguredSinks implements EventSink {
  private readonly running: Running[];
  private closed = false;

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
      return { config, queue, filter: new SinkFilter(sinkFilterOptions(config)) };
    });
  }

  /** True when there is no sink to feed. */
  get empty(): boolean {
    return this.running.length === 0;
  }

  /** Counters per sink name. */
  stats(): Map<string, SinkStats> {
    return new Map(this.running.map((r) => [r.config.name, r.queue.stats]));
  }

  /** Stops taking events, writes what is queued and closes every sink. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.running.map((r) =>
        r.queue.close().catch((e: unknown) => this.log.warn(`sink ${r.config.name}: close failed: ${e instanceof Error ? e.message : String(e)}`)),
      ),
    );
  }

  take(neighbor: EventPeer, event: SessionEvent): void {
    if (this.closed) return;
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
