/**
 * PeerSession meets the routes only through its own interfaces (ReceivedRoutes, RoutesToSend,
 * ImportRoutes; issue 13: the session layer knows neither lib/rib nor lib/policy): here they are
 * plain recording objects, and a whole session runs in virtual time over a fake socket.
 */
import { VirtualTimeScheduler } from 'rxjs';
import type { SessionEvent } from '../../lib/events/events';
import { PeerSession, type ImportRoutes, type ImportTarget, type ReceivedRoutes, type RoutesToSend } from '../../lib/session/peer-session';
import type { SendGroup } from '../../lib/session/rib-sender';
import { Connection } from '../../lib/session/connection';
import { silentLog } from '../../lib/session/log';
import { encodeMessage } from '../../lib/wire/message';
import { KEEPALIVE_BYTES } from '../../lib/wire/keepalive';
import { ceaseNotification } from '../../lib/wire/notification';
import { Framer } from '../../lib/wire/framer';
import { decodeMessage } from '../../lib/wire/message';
import { DEFAULT_CONTEXT, type CodecContext, type UpdateMessage } from '../../lib/wire/types';
import { PASSIVE, peerOpen } from '../fsm/fixtures';
import { FakeSocket } from './fake-socket';

/** Both sides negotiate 4-octet AS (RFC 6793) and extended messages: the context of the UPDATEs. */
const CTX: CodecContext = { ...DEFAULT_CONTEXT, asn4: true, extendedMessage: true };

const update = (announce: string[], withdraw: string[] = []): UpdateMessage => ({
  type: 'update',
  withdrawn: withdraw.length ? [{ afi: 1, safi: 1, prefixes: withdraw }] : [],
  attributes: announce.length ? { origin: 0, asPath: [{ type: 2, asns: [65002] }] } : {},
  announced: announce.length ? [{ afi: 1, safi: 1, nextHop: ['192.0.2.2'], prefixes: announce }] : [],
});
const prefixes = (m: UpdateMessage) => ({ announce: m.announced.flatMap((l) => l.prefixes), withdraw: m.withdrawn.flatMap((l) => l.prefixes) });

/** A ReceivedRoutes that records what the session does with it, holding announced prefixes in a set. */
function receivedRoutes() {
  const held = new Set<string>();
  const calls: string[] = [];
  const rib: ReceivedRoutes = {
    apply: (m) => {
      const p = prefixes(m);
      calls.push(`apply +${p.announce.join(',')} -${p.withdraw.join(',')}`);
      p.announce.forEach((x) => held.add(x));
      p.withdraw.forEach((x) => held.delete(x));
    },
    changesOf: (m) => {
      const fresh = prefixes(m).announce.filter((x) => !held.has(x));
      calls.push(`changesOf ${fresh.length}`);
      return fresh.length ? update(fresh) : undefined;
    },
    clear: () => {
      calls.push('clear');
      held.clear();
    },
  };
  return { rib, held, calls };
}

const toSend = (groups: SendGroup[]): RoutesToSend => ({ groups: () => groups, usesSelfNextHop: () => false });
const group = (list: string[]): SendGroup => ({ afi: 1, safi: 1, nextHop: '192.0.2.1', attributes: { origin: 0 }, prefixes: list });

/** Runs what is due now on the virtual clock (not the timers due later), letting the session's promises settle between. */
async function settle(scheduler: VirtualTimeScheduler): Promise<void> {
  scheduler.maxFrames = scheduler.now();
  for (let round = 0; round < 20; round++) {
    scheduler.flush();
    for (let i = 0; i < 20; i++) await Promise.resolve();
  }
}

/** A passive session Established over a fake socket at virtual time 0, with the given ports. */
async function established(ports: { ribIn: ReceivedRoutes; ribOut: RoutesToSend; importer?: ImportRoutes }) {
  const scheduler = new VirtualTimeScheduler();
  const socket = new FakeSocket(scheduler);
  const session = new PeerSession({ name: 'ports', settings: PASSIVE, endpoint: { peerAddress: '192.0.2.2', peerPort: 179 }, log: silentLog, scheduler, ...ports });
  const events: SessionEvent[] = [];
  session.events$.subscribe((e) => events.push(e));
  session.start();
  session.accept(new Connection(socket.asSocket(), 'incoming', scheduler));
  socket.emit('data', Buffer.concat([encodeMessage(peerOpen(), DEFAULT_CONTEXT), KEEPALIVE_BYTES]));
  await settle(scheduler);
  expect(session.state).toBe('Established');
  return { scheduler, socket, session, events };
}

/** The UPDATEs the fake socket got, decoded. */
function sentUpdates(socket: FakeSocket): UpdateMessage[] {
  const framer = new Framer();
  framer.maxLength = 65535;
  return socket.writes.flatMap(({ bytes }) => framer.push(bytes)).map((m) => decodeMessage(m, CTX)).filter((m): m is UpdateMessage => m.type === 'update');
}

describe('PeerSession through its route interfaces', () => {
  it('stores what the peer sends in ReceivedRoutes and reports it with its bytes; clears them when the session goes down', async () => {
    const received = receivedRoutes();
    const { scheduler, socket, session, events } = await established({ ribIn: received.rib, ribOut: toSend([]) });
    const bytes = encodeMessage(update(['10.1.0.0/24', '10.2.0.0/24']), CTX);
    socket.emit('data', bytes);
    socket.emit('data', encodeMessage(update([], ['10.1.0.0/24']), CTX));
    expect(received.calls).toEqual(['apply +10.1.0.0/24,10.2.0.0/24 -', 'apply + -10.1.0.0/24']);
    expect([...received.held]).toEqual(['10.2.0.0/24']);
    const reported = events.filter((e): e is Extract<SessionEvent, { kind: 'update' }> => e.kind === 'update');
    expect(reported.map((e) => [e.direction, prefixes(e.message)])).toEqual([
      ['receive', { announce: ['10.1.0.0/24', '10.2.0.0/24'], withdraw: [] }],
      ['receive', { announce: [], withdraw: ['10.1.0.0/24'] }],
    ]);
    expect(reported[0].raw?.equals(bytes)).toBe(true);
    expect(events.some((e) => e.kind === 'wire-update')).toBe(false);
    socket.emit('data', encodeMessage(ceaseNotification(2), CTX));
    await settle(scheduler);
    expect(session.state).toBe('Idle');
    expect(received.calls.at(-1)).toBe('clear');
    expect(received.held.size).toBe(0);
    session.dispose();
  });

  it('sends the groups of RoutesToSend when Established, then an End-of-RIB per family, and a change given to announce()', async () => {
    const { scheduler, socket, session } = await established({ ribIn: receivedRoutes().rib, ribOut: toSend([group(['10.8.0.0/24', '10.9.0.0/24'])]) });
    const first = sentUpdates(socket).map(prefixes);
    expect(first).toEqual([
      { announce: ['10.8.0.0/24', '10.9.0.0/24'], withdraw: [] },
      // End-of-RIB for IPv4 (an empty UPDATE) and IPv6 unicast (an empty MP_UNREACH_NLRI).
      { announce: [], withdraw: [] },
      { announce: [], withdraw: [] },
    ]);
    session.announce({ withdraw: [{ afi: 1, safi: 1, prefixes: ['10.8.0.0/24'] }], announce: [group(['10.7.0.0/24'])] });
    // Written at once: the session was idle.
    expect(sentUpdates(socket).slice(first.length).map(prefixes)).toEqual([
      { announce: [], withdraw: ['10.8.0.0/24'] },
      { announce: ['10.7.0.0/24'], withdraw: [] },
    ]);
    await settle(scheduler);
    session.dispose();
  });

  it('with active ImportRoutes: the UPDATE goes to them (wire-update reported first), and what they accept is stored and reported as imported', async () => {
    const received = receivedRoutes();
    const seen: string[] = [];
    let target: ImportTarget | undefined;
    const importer: ImportRoutes = {
      active: true,
      open: (t) => {
        seen.push(`open refresh=${typeof t.refresh}`);
        target = t;
      },
      receive: (m, raw) => seen.push(`receive ${prefixes(m).announce.join(',')} raw=${raw ? raw.length : 'none'}`),
      close: () => seen.push('close'),
    };
    const { scheduler, socket, session, events } = await established({ ribIn: received.rib, ribOut: toSend([]), importer });
    // The peer's OPEN (fixtures) offers route refresh: the policies may ask for the routes again.
    expect(seen).toEqual(['open refresh=function']);
    const bytes = encodeMessage(update(['10.3.0.0/24']), CTX);
    socket.emit('data', bytes);
    expect(seen.at(-1)).toBe(`receive 10.3.0.0/24 raw=${bytes.length}`);
    // Nothing stored before the policies give it back.
    expect(received.calls).toEqual([]);
    expect(events.filter((e) => e.kind === 'wire-update' || e.kind === 'update').map((e) => e.kind)).toEqual(['wire-update']);
    // The policies let through a changed batch; later, a re-run of held routes reports only what changes.
    target!.accept(update(['10.3.0.0/25']), undefined, false);
    target!.accept(update(['10.3.0.0/25', '10.4.0.0/24']), undefined, true);
    expect(received.calls).toEqual(['apply +10.3.0.0/25 -', 'changesOf 1', 'apply +10.4.0.0/24 -']);
    const imported = events.filter((e): e is Extract<SessionEvent, { kind: 'update' }> => e.kind === 'update');
    expect(imported.map((e) => [prefixes(e.message).announce, e.imported])).toEqual([
      [['10.3.0.0/25'], true],
      [['10.4.0.0/24'], true],
    ]);
    socket.emit('data', encodeMessage(ceaseNotification(2), CTX));
    await settle(scheduler);
    expect(seen.at(-1)).toBe('close');
    // Output of the policies after the session went down is not stored.
    target!.accept(update(['10.5.0.0/24']), undefined, false);
    expect(received.held.has('10.5.0.0/24')).toBe(false);
    session.dispose();
  });
});
