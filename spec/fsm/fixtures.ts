/** Shared test data for the FSM specs: a neighbor, its OPEN, and a way to walk the FSM to any state. */
import { describeEvent } from '../../lib/fsm/describe';
import { initialState, step } from '../../lib/fsm/step';
import type { Effect, FsmEvent, FsmState, PeerSettings, State, StepResult, TimerName } from '../../lib/fsm/types';
import { Afi, Safi } from '../../lib/wire/iana';
import type {
  KeepaliveMessage,
  Message,
  NotificationMessage,
  OpenMessage,
  RouteRefreshMessage,
  UpdateMessage,
} from '../../lib/wire/types';

export const IPV4_UNICAST = { afi: Afi.IPV4, safi: Safi.UNICAST };
export const IPV6_UNICAST = { afi: Afi.IPV6, safi: Safi.UNICAST };

export const SETTINGS: PeerSettings = {
  localAs: 65001,
  peerAs: 65002,
  routerId: '10.0.0.1',
  holdTime: 90,
  connectRetryTime: 5,
  passive: false,
  delayOpenTime: 0,
  families: [IPV4_UNICAST, IPV6_UNICAST],
  routeRefresh: true,
  extendedMessage: true,
};

export const PASSIVE: PeerSettings = { ...SETTINGS, passive: true };
export const DELAY_OPEN: PeerSettings = { ...SETTINGS, delayOpenTime: 10 };

/** What a well-behaved peer (AS 65002, 10.0.0.2) sends; override fields to break it. */
export function peerOpen(fields: Partial<OpenMessage> = {}): OpenMessage {
  return {
    type: 'open',
    version: 4,
    myAs: 65002,
    holdTime: 90,
    bgpId: '10.0.0.2',
    capabilities: [
      { kind: 'multiprotocol', ...IPV4_UNICAST },
      { kind: 'multiprotocol', ...IPV6_UNICAST },
      { kind: 'route-refresh' },
      { kind: 'asn4', asn: 65002 },
    ],
    ...fields,
  };
}

export const KEEPALIVE: KeepaliveMessage = { type: 'keepalive' };
export const UPDATE: UpdateMessage = { type: 'update', withdrawn: [], attributes: {}, announced: [] };
export const REFRESH: RouteRefreshMessage = { type: 'route-refresh', ...IPV4_UNICAST, subtype: 0 };

export function notificationMessage(code: number, subcode: number, data: Buffer = Buffer.alloc(0)): NotificationMessage {
  return { type: 'notification', code, subcode, data };
}

export const msg = (message: Message): FsmEvent => ({ type: 'Message', message });

/** Folds events through step(), returning every result. */
export function walk(state: FsmState, events: readonly FsmEvent[]): StepResult[] {
  const results: StepResult[] = [];
  for (const event of events) {
    const result = step(state, event);
    results.push(result);
    state = result.state;
  }
  return results;
}

export function after(state: FsmState, events: readonly FsmEvent[]): FsmState {
  const results = walk(state, events);
  return results.length > 0 ? results[results.length - 1].state : state;
}

const PATHS: Record<FsmState['state'], readonly FsmEvent[]> = {
  Idle: [],
  Connect: [{ type: 'ManualStart' }],
  Active: [{ type: 'ManualStart' }],
  OpenSent: [{ type: 'ManualStart' }, { type: 'TcpCrAcked' }],
  OpenConfirm: [{ type: 'ManualStart' }, { type: 'TcpCrAcked' }, msg(peerOpen())],
  Established: [{ type: 'ManualStart' }, { type: 'TcpCrAcked' }, msg(peerOpen()), msg(KEEPALIVE)],
};

/** The FSM walked from Idle to `target` with ordinary events (Active needs passive settings). */
export function reach(target: FsmState['state'], settings: PeerSettings = SETTINGS): FsmState {
  const state = after(initialState(settings), PATHS[target]);
  if (state.state !== target) throw new Error(`fixture reached ${state.state}, not ${target}`);
  return state;
}

// Effect builders, so that tables of expected effects read like the RFC's action lists.
export const CLOSE: Effect = { kind: 'close' };
export const CONNECT: Effect = { kind: 'connect' };
export const start = (timer: TimerName, seconds: number): Effect => ({ kind: 'timer-start', timer, seconds });
export const stop = (timer: TimerName): Effect => ({ kind: 'timer-stop', timer });
export const moved = (from: State, to: State): Effect => ({ kind: 'state', from, to });
export const send = (message: Message): Effect => ({ kind: 'send', message });
export const received = (message: Message): Effect => ({ kind: 'received', message });
export const sendNotification = (code: number, subcode: number, data: Buffer = Buffer.alloc(0)): Effect =>
  send(notificationMessage(code, subcode, data));

/** [name, event] rows for it.each titles. */
export function named(events: readonly FsmEvent[]): Array<[string, FsmEvent]> {
  return events.map((e) => [describeEvent(e), e]);
}
