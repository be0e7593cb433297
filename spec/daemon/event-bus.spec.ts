import { Subject } from 'rxjs';
import { EventBus } from '../../lib/daemon/event-bus';
import type { DaemonEvent } from '../../lib/daemon/daemon';
import type { SessionEvent } from '../../lib/events/events';
import type { Neighbor } from '../../lib/neighbor/neighbor';

const up = (n: string): DaemonEvent => ({ neighbor: { name: n } as Neighbor, event: { kind: 'fsm', from: 'Idle', to: 'Connect' } as SessionEvent });

function recorder(name: string, log: string[]) {
  return { take: (neighbor: Neighbor, e: SessionEvent) => log.push(`${name}:${neighbor.name}:${e.kind}`) };
}

/** A bus on a subject of events, with two recording sinks a and b. */
function setup() {
  const events$ = new Subject<DaemonEvent>();
  const log: string[] = [];
  return { events$, bus: new EventBus(events$), log, a: recorder('a', log), b: recorder('b', log) };
}

describe('EventBus', () => {
  it('hands every event to each sink on it, in the order they were added, from one subscription', () => {
    const { events$, bus, log, a, b } = setup();
    bus.add(a);
    bus.add(b);
    bus.add(a); // once only
    events$.next(up('n1'));
    expect(log).toEqual(['a:n1:fsm', 'b:n1:fsm']);
    expect(events$.observers).toHaveLength(1);
  });

  it('a sink taken off gets nothing more; close() ends the subscription', () => {
    const { events$, bus, log, a, b } = setup();
    bus.add(a);
    bus.add(b);
    bus.remove(a);
    events$.next(up('n1'));
    bus.close();
    events$.next(up('n2'));
    expect(log).toEqual(['b:n1:fsm']);
    expect(events$.observed).toBe(false);
  });
});
