/**
 * Sinks: where rxbgp pipes what its sessions see (issue 6): stdout, JSON-lines files, log lines,
 * Kafka topics, MRT dumps, and (built on the same parts) the `events` output and helper processes.
 * Every sink gets the daemon's events from the one event bus through its own bounded queue
 * (sink-queue.ts, or the line queue of events-output.ts and the helpers), so a slow or failing
 * sink delays or loses only its own output, never a session or another sink (DESIGN.md: never let
 * a queue grow without bound).
 */
import type { EventPeer } from '../events/event-peer';
import type { SessionEvent } from '../events/events';

/** One event of one neighbor, as sinks receive it. */
export interface SinkEvent {
  readonly neighbor: EventPeer;
  readonly event: SessionEvent;
  /** When the daemon saw it (ms since the epoch). */
  readonly time: number;
}

/** Counters every sink keeps, for metrics and `show sinks`. */
export interface SinkStats {
  /** Events taken in (after the sink's filter). */
  readonly accepted: number;
  /** Events written out (a line, a record, a Kafka message or more). */
  readonly written: number;
  /**
   * Events taken but with nothing to write in this sink's form (an MRT sink reads state events
   * only to learn a session's addresses). accepted = written + skipped + dropped + queued, once no
   * batch is being written.
   */
  readonly skipped: number;
  /** Events lost: dropped from a full queue, or failed to write. */
  readonly dropped: number;
  /** Events waiting in the queue now. */
  readonly queued: number;
  /** Write failures so far. */
  readonly errors: number;
  /** The last failure, if any. */
  readonly lastError?: string;
  /** When the oldest event not written yet was taken (ms since the epoch): how far the sink lags. */
  readonly oldestPending?: number;
}

/** What a sink does with a batch of events it takes from its queue. */
export interface SinkWriter {
  /**
   * Writes the events, in order; resolves when they are out with how many of them were written
   * (the others had nothing to write in this sink's form), or rejects saying why.
   */
  write(events: readonly SinkEvent[]): Promise<number>;
  /** Flushes and closes (files, connections). */
  close(): Promise<void>;
}

/**
 * A consumer of the daemon's event bus (lib/daemon/event-bus.ts): the stdout events output, the
 * helper processes, and the configured sinks. take() never blocks: each sink has its own bounded
 * queue (lib/events/drop-oldest-queue.ts), so a slow one delays or loses only its own output.
 * `P` is what the sink reads of the neighbor (the daemon's sinks may read more than EventPeer).
 */
export interface EventSink<P extends EventPeer = EventPeer> {
  take(neighbor: P, event: SessionEvent): void;
}
