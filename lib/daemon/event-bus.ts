/**
 * The daemon's one event bus (DESIGN.md "One event bus, sinks at the ends"): every session event of
 * every neighbor, after FlowSpec validation (daemon.ts), goes to each sink on it: the stdout `events`
 * output (sinks/events-output.ts), the helper processes (lib/api-runtime/api-processes.ts), and the config's sinks
 * (configured-sinks.ts: jsonl, Kafka, MRT, the log, stdout). One subscription; each sink queues or
 * drops on its own (never blocking a session or another sink). The daemon wires it once; no layer
 * below knows which sinks exist.
 */
import type { Observable, Subscription } from 'rxjs';
import type { Neighbor } from '../neighbor/neighbor';
import type { EventSink } from '../sinks/sink';
import type { DaemonEvent } from './daemon';

export class EventBus {
  private sinks: readonly EventSink<Neighbor>[] = [];
  private readonly subscription: Subscription;

  constructor(events$: Observable<DaemonEvent>) {
    this.subscription = events$.subscribe(({ neighbor, event }) => {
      for (const sink of this.sinks) sink.take(neighbor, event);
    });
  }

  /** Puts a sink on the bus (after the ones already there: each event reaches them in that order). */
  add(sink: EventSink<Neighbor>): void {
    if (!this.sinks.includes(sink)) this.sinks = [...this.sinks, sink];
  }

  /** Takes a sink off the bus: it gets no more events (closing it is its owner's job). */
  remove(sink: EventSink<Neighbor>): void {
    this.sinks = this.sinks.filter((s) => s !== sink);
  }

  /** No more events to any sink. */
  close(): void {
    this.subscription.unsubscribe();
    this.sinks = [];
  }
}
