/**
 * The one place a kafkajs client is set up, for the `kafka` sink (kafka-sink.ts) and the Kafka
 * command source (lib/sources/kafka-source.ts): kafkajs's own logging off (each user says once
 * that the broker is out, and when it is back), a bounded connection timeout, and the retry
 * schedule the caller gives (a sink retries briefly per batch, a source keeps trying).
 */
import { Kafka, logLevel, type RetryOptions } from 'kafkajs';

export interface KafkaClientOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly retry: RetryOptions;
}

export function kafkaClient(opts: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: opts.clientId,
    brokers: [...opts.brokers],
    logLevel: logLevel.NOTHING,
    retry: opts.retry,
    connectionTimeout: 3000,
  });
}
