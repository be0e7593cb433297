/**
 * Prometheus metrics (prom-client), read from the daemon's own state each time they are scraped:
 * per neighbor its state, uptime, messages and prefixes in and out, Adj-RIB sizes; per helper
 * process its restarts, queue depth and dropped lines; per sink its queue depth, events written,
 * dropped and errors. Counters are the daemon's own running totals, reported as they are.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import type { HelperStats } from '../api-runtime/api-processes';
import type { SinkStats } from '../sinks/sink';
import type { Neighbor } from '../neighbor/neighbor';

export interface MetricsSource {
  neighbors(): readonly Neighbor[];
  sinks(): ReadonlyMap<string, SinkStats>;
  helpers(): ReadonlyMap<string, HelperStats>;
}

const FSM_STATES = ['Idle', 'Connect', 'Active', 'OpenSent', 'OpenConfirm', 'Established'] as const;

export function createMetrics(source: MetricsSource): Registry {
  const registry = new Registry();
  const labels = (n: Neighbor) => ({ neighbor: n.name, peer: n.endpoint.peerAddress });
  /** A counter whose value is a running total the daemon keeps: set on each scrape. */
  const total = (name: string, help: string, labelNames: string[], read: (set: (labels: Record<string, string>, value: number) => void) => void) =>
    new Counter({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        read((l, v) => {
          if (v > 0) this.inc(l, v);
          else this.inc(l, 0);
        });
      },
    });
  const gauge = (name: string, help: string, labelNames: string[], read: (set: (labels: Record<string, string>, value: number) => void) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        read((l, v) => this.set(l, v));
      },
    });

  gauge('rxbgp_neighbor_up', 'Whether the session with the neighbor is Established (1) or not (0).', ['neighbor', 'peer'], (set) => {
    for (const n of source.neighbors()) set(labels(n), n.state === 'Established' ? 1 : 0);
  });
  gauge('rxbgp_neighbor_state', 'The BGP FSM state of the session (RFC 4271 §8): 1 for the current state.', ['neighbor', 'peer', 'state'], (set) => {
    for (const n of source.neighbors()) for (const s of FSM_STATES) set({ ...labels(n), state: s }, n.state === s ? 1 : 0);
  });
  gauge('rxbgp_neighbor_uptime_seconds', 'Seconds since the session reached Established (0 when it is not).', ['neighbor', 'peer'], (set) => {
    const now = Date.now();
    for (const n of source.neighbors()) {
      const since = n.state === 'Established' ? n.session.establishedAt : undefined;
      set(labels(n), since === undefined ? 0 : (now - since) / 1000);
    }
  });
  total('rxbgp_messages_received_total', 'BGP messages received, by type.', ['neighbor', 'peer', 'type'], (set) => {
    for (const n of source.neighbors()) for (const [type, count] of n.counters.received) set({ ...labels(n), type }, count);
  });
  total('rxbgp_messages_sent_total', 'BGP messages sent, by type.', ['neighbor', 'peer', 'type'], (set) => {
    for (const n of source.neighbors()) for (const [type, count] of n.counters.sent) set({ ...labels(n), type }, count);
  });
  total('rxbgp_prefixes_received_total', 'Prefixes received in UPDATEs, announced or withdrawn (before import policies).', ['neighbor', 'peer', 'action'], (set) => {
    for (const n of source.neighbors()) {
      set({ ...labels(n), action: 'announce' }, n.counters.prefixesReceived.announced);
      set({ ...labels(n), action: 'withdraw' }, n.counters.prefixesReceived.withdrawn);
    }
  });
  total('rxbgp_prefixes_sent_total', 'Prefixes sent in UPDATEs, announced or withdrawn.', ['neighbor', 'peer', 'action'], (set) => {
    for (const n of source.neighbors()) {
      set({ ...labels(n), action: 'announce' }, n.counters.prefixesSent.announced);
      set({ ...labels(n), action: 'withdraw' }, n.counters.prefixesSent.withdrawn);
    }
  });
  gauge('rxbgp_adj_rib_in_routes', 'Routes in the Adj-RIB-In (after import policies).', ['neighbor', 'peer'], (set) => {
    for (const n of source.neighbors()) set(labels(n), n.ribIn.size);
  });
  gauge('rxbgp_adj_rib_out_routes', 'Routes announced to the neighbor (after export policies).', ['neighbor', 'peer'], (set) => {
    for (const n of source.neighbors()) set(labels(n), n.sentRoutes.size);
  });
  total('rxbgp_helper_restarts_total', 'Times a helper process was restarted.', ['process'], (set) => {
    for (const [name, s] of source.helpers()) set({ process: name }, s.restarts);
  });
  gauge('rxbgp_helper_queue_lines', 'Lines waiting for a helper process to read them.', ['process'], (set) => {
    for (const [name, s] of source.helpers()) set({ process: name }, s.queued);
  });
  total('rxbgp_helper_dropped_lines_total', 'Lines for a helper dropped because its queue was full or it was not running.', ['process'], (set) => {
    for (const [name, s] of source.helpers()) set({ process: name }, s.dropped);
  });
  gauge('rxbgp_sink_queue_events', 'Events waiting in a sink\'s queue.', ['sink'], (set) => {
    for (const [name, s] of source.sinks()) set({ sink: name }, s.queued);
  });
  total('rxbgp_sink_events_written_total', 'Events a sink wrote out.', ['sink'], (set) => {
    for (const [name, s] of source.sinks()) set({ sink: name }, s.written);
  });
  total('rxbgp_sink_events_skipped_total', 'Events a sink took but had nothing to write for (an MRT sink\'s state events).', ['sink'], (set) => {
    for (const [name, s] of source.sinks()) set({ sink: name }, s.skipped);
  });
  total('rxbgp_sink_events_dropped_total', 'Events a sink lost: dropped from its full queue or in a failed write.', ['sink'], (set) => {
    for (const [name, s] of source.sinks()) set({ sink: name }, s.dropped);
  });
  gauge('rxbgp_sink_lag_seconds', 'Age of the oldest event a sink has not written yet (0 when it is caught up).', ['sink'], (set) => {
    const now = Date.now();
    for (const [name, s] of source.sinks()) set({ sink: name }, s.oldestPending === undefined ? 0 : Math.max(0, now - s.oldestPending) / 1000);
  });
  total('rxbgp_sink_errors_total', 'Failed writes of a sink.', ['sink'], (set) => {
    for (const [name, s] of source.sinks()) set({ sink: name }, s.errors);
  });
  return registry;
}
