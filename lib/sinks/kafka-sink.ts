/**
 * The `kafka` sink (kafkajs): one Kafka message per UPDATE event by default, or one per prefix,
 * keyed by the peer, the prefix or nothing, to one topic (the messages: kafka-messages.ts).
 *
 * When the broker is slow or unreachable the sessions go on: this writer retries the batch it
 * holds (with backoff, until it is sent or the sink closes), so its queue (sink-queue.ts) fills,
 * and past its bound the oldest events are dropped, counted (rxbgp_sink_events_dropped_total)
 * and logged. The producer reconnects by itself. Delivery is at least once: a batch is resent
 * only after the broker refused it or could not be reached, which stores nothing; a send that timed
 * out after the broker took it would be stored twice. (kafkajs's idempotent producer, which would
 * close that gap, is refused by librdkafka's mock broker the tests run against.)
 */
import { CompressionTypes, Partitioners, type Producer } from 'kafkajs';
import { kafkaClient } from './kafka-client';
import type { Log } from '../events/log';
import type { EventLines } from './event-lines';
import { kafkaMessages, type KafkaMessageOptions } from './kafka-messages';
import type { SinkEvent, SinkWriter } from './sink';

export interface KafkaSinkOptions extends KafkaMessageOptions {
  readonly name: string;
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly clientId: string;
  readonly compression: 'none' | 'gzip';
  /** -1: all in-sync replicas, 1: the leader, 0: none. */
  readonly acks: -1 | 0 | 1;
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
    // A batch is retried here briefly; write() retries it for longer, saying once that the broker is out.
    const kafka = kafkaClient({ clientId: opts.clientId, brokers: opts.brokers, retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 } });
    // One request in flight keeps the order of batches across retries.
    this.producer = kafka.producer({ maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  /** Resolves with the number of events sent (as one message each, or one per prefix). */
  async write(events: readonly SinkEvent[]): Promise<number> {
    const { messages, events: sent } = kafkaMessages(events, this.lines, this.opts);
    if (messages.length === 0) return 0;
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
        return sent;
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
}
