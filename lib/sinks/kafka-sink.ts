/**
 * The `kafka` sink (kafkajs): one Kafka message per UPDATE event by default, or one per prefix,
 * keyed by the peer, the prefix or nothing, to one topic.
 *
 * When the broker is slow or unreachable the sessions go on: this writer retries the batch it
 * holds (with backoff, until it is sent or the sink closes), so its queue (sink-queue.ts) fills,
 * and past its bound the oldest events are dropped, counted (rxbgp_sink_events_dropped_total)
 * and logged. The producer reconnects by itself. Delivery is at least once: a batch is resent
 * only after the broker refused it or could not be reached, which stores nothing; a send that timed
 * out after the broker took it would be stored twice. (kafkajs's idempotent producer, which would
 * close that gap, is refused by librdkafka's mock broker the tests run against.)
 */
import { CompressionTypes, Kafka, logLevel, Partitioners, type Message, type Producer } from 'kafkajs';
import { formatIpv4Packed, nlriCount, packedIpv4Of } from '../wire/nlri/packed-ipv4';
import { familyName } from '../api/exabgp-json/family-names';
import type { Log } from '../session/log';
import type { EventLines } from './event-lines';
import type { SinkEvent, SinkWriter } from './sink';

export interface KafkaSinkOptions {
  readonly name: string;
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly clientId: string;
  /** Message key: the peer's address, the prefix (with `per: "prefix"`; else the first prefix), or none. */
  readonly key: 'peer' | 'prefix' | 'none';
  readonly compression: 'none' | 'gzip';
  /** -1: all in-sync replicas, 1: the leader, 0: none. */
  readonly acks: -1 | 0 | 1;
  /** One message per event, or per prefix of an UPDATE. */
  readonly per: 'event' | 'prefix';
  /** Longest wait between retries of a batch the broker refused. */
  readonly maxRetryMs?: number;
}

export class KafkaSinkWriter implements SinkWriter {
  private readonly producer: Producer;
  private connected = false;
  private closing = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly lines: EventLines,
    private readonly opts: KafkaSinkOptions,
    private readonly log: Log,
  ) {
    const kafka = new Kafka({
      clientId: opts.clientId,
      brokers: [...opts.brokers],
      // kafkajs logs each retry; the sink says once that the broker is out, and when it is back.
      logLevel: logLevel.NOTHING,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
      connectionTimeout: 3000,
    });
    // One request in flight keeps the order of batches across retries.
    this.producer = kafka.producer({ maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  async write(events: readonly SinkEvent[]): Promise<void> {
    const messages = this.messagesOf(events);
    if (messages.length === 0) return;
    let delay = 100;
    let failing = false;
    for (;;) {
      try {
        if (!this.connected) {
          await this.producer.connect();
          this.connected = true;
        }
        await this.producer.send({
          topic: this.opts.topic,
          messages,
          acks: this.opts.acks,
          compression: this.opts.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None,
        });
        if (failing) this.log.info(`sink ${this.opts.name}: Kafka reachable again, sending`);
        return;
      } catch (e) {
        if (this.closing) throw e;
        if (!failing) this.log.warn(`sink ${this.opts.name}: Kafka send failed (${e instanceof Error ? e.message : String(e)}): retrying; events queue up to the sink's buffer, then the oldest are dropped`);
        failing = true;
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        delay = Math.min(delay * 2, this.opts.maxRetryMs ?? 5000);
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.wake?.();
    if (this.connected) await this.producer.disconnect().catch(() => undefined);
  }

  private messagesOf(events: readonly SinkEvent[]): Message[] {
    const out: Message[] = [];
    for (const e of events) {
      if (this.opts.per === 'prefix' && e.event.kind === 'update') {
        for (const m of this.perPrefix(e)) out.push(m);
        continue;
      }
      const value = this.lines.line(e);
      if (value === undefined) continue;
      out.push(this.keyed(value, e, e.event.kind === 'update' ? firstPrefix(e.event.message) : undefined));
    }
    return out;
  }

  /** One message per prefix: the event's line per announced or withdrawn prefix, narrowed to it. */
  private perPrefix(e: SinkEvent): Message[] {
    if (e.event.kind !== 'update') return [];
    const { message } = e.event;
    const out: Message[] = [];
    const one = (prefix: string, value: object) => out.push(this.keyed(JSON.stringify(value), e, prefix));
    const head = { time: e.time / 1000, neighbor: e.neighbor.name, peer: e.neighbor.endpoint.peerAddress, peerAs: e.neighbor.settings.peerAs, direction: e.event.direction };
    for (const list of message.announced) {
      for (const prefix of prefixesOf(list)) one(prefix, { ...head, type: 'announce', family: familyName(list.afi, list.safi), prefix, nextHop: list.nextHop, attributes: message.attributes });
    }
    for (const list of message.withdrawn) for (const prefix of prefixesOf(list)) one(prefix, { ...head, type: 'withdraw', family: familyName(list.afi, list.safi), prefix });
    return out;
  }

  private keyed(value: string, e: SinkEvent, prefix: string | undefined): Message {
    switch (this.opts.key) {
      case 'peer':
        return { key: e.neighbor.endpoint.peerAddress, value };
      case 'prefix':
        return prefix === undefined ? { value } : { key: prefix, value };
      default:
        return { value };
    }
  }
}

function prefixesOf(list: { readonly afi: number; readonly prefixes: readonly string[] }): string[] {
  const packed = packedIpv4Of(list);
  if (!packed) return [...list.prefixes];
  const out = new Array<string>(packed.length);
  for (let i = 0; i < packed.length; i++) out[i] = formatIpv4Packed(packed[i]);
  return out;
}

function firstPrefix(message: { readonly announced: readonly { readonly afi: number; readonly prefixes: readonly string[] }[]; readonly withdrawn: readonly { readonly afi: number; readonly prefixes: readonly string[] }[] }): string | undefined {
  for (const l of [...message.announced, ...message.withdrawn]) {
    if (nlriCount(l) === 0) continue;
    const packed = packedIpv4Of(l);
    return packed ? formatIpv4Packed(packed[0]) : l.prefixes[0];
  }
  return undefined;
}
