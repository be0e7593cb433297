/**
 * Peers that send bad bytes get the NOTIFICATION RFC 4271 §6 prescribes (or RFC 7606 handling)
 * and never disturb another session of the same daemon.
 */
import { startDaemon, until } from './helpers';
import { RawPeer } from './raw-peer';
import type { Daemon } from '../../lib/daemon/daemon';
import type { Message, NotificationMessage } from '../../lib/wire/types';

const D = '127.0.0.21';
const GOOD = '127.0.0.22';
const BAD = '127.0.0.23';
const PORT = 17921;

const isNotification = (m: Message): m is NotificationMessage => m.type === 'notification';
const codes = (m: Message) => (isNotification(m) ? [m.code, m.subcode] : m.type);

describe('misbehaving peers', () => {
  let daemon: Daemon;
  let good: RawPeer;

  beforeAll(async () => {
    const s = startDaemon({
      listen: [{ address: D, port: PORT }],
      neighbors: [
        { peerAddress: GOOD, localAddress: D, localAs: 65001, peerAs: 65002, routerId: '192.0.2.21', passive: true, routes: [{ prefix: '10.21.0.0/24' }] },
        { peerAddress: BAD, localAddress: D, localAs: 65001, peerAs: 65003, routerId: '192.0.2.21', passive: true, holdTime: 9 },
      ],
    });
    await s.started;
    daemon = s.daemon;
    good = await RawPeer.connect(D, PORT, GOOD);
    good.open({ localAs: 65002, routerId: '192.0.2.22' });
    await good.waitFor((m) => m.type === 'open');
    good.send({ type: 'keepalive' });
    await until(() => daemon.neighbors[0].state === 'Established', 5000, 'the good session');
  });

  afterAll(async () => {
    good?.destroy();
    await daemon?.stop();
  });

  afterEach(async () => {
    // Whatever the bad peer did, the good session is still up and keeps its routes flowing.
    expect(daemon.neighbors[0].state).toBe('Established');
    await until(() => daemon.neighbors[1].state !== 'Established', 3000, 'bad session to end');
  });

  async function badPeer(): Promise<RawPeer> {
    // The bad neighbor may still be in its backoff (1 s, 2 s ...) after the previous case.
    await until(() => daemon.neighbors[1].state === 'Active', 10000, 'bad neighbor listening again');
    return RawPeer.connect(D, PORT, BAD);
  }

  async function establishedBadPeer(): Promise<RawPeer> {
    const p = await badPeer();
    p.open({ localAs: 65003, routerId: '192.0.2.23' });
    await p.waitFor((m) => m.type === 'open');
    p.send({ type: 'keepalive' });
    await until(() => daemon.neighbors[1].state === 'Established', 3000, 'bad peer established');
    // A KEEPALIVE while Established marks the session stable, so the next case needs no long backoff.
    p.send({ type: 'keepalive' });
    await until(() => daemon.neighbors[1].session.fsmState.connectRetryCounter === 0, 3000, 'backoff reset');
    return p;
  }

  it('wrong peer AS in OPEN: OPEN Message Error / Bad Peer AS (2/2)', async () => {
    const p = await badPeer();
    p.open({ localAs: 64999, routerId: '192.0.2.23' });
    expect(codes(await p.waitFor(isNotification))).toEqual([2, 2]);
    await p.waitClosed();
  });

  it('hold time 1 in OPEN: Unacceptable Hold Time (2/6)', async () => {
    const p = await badPeer();
    p.open({ localAs: 65003, routerId: '192.0.2.23', holdTime: 1 });
    expect(codes(await p.waitFor(isNotification))).toEqual([2, 6]);
  });

  it('broken marker: Connection Not Synchronized (1/1)', async () => {
    const p = await establishedBadPeer();
    p.send(Buffer.from('00'.repeat(16) + '001304', 'hex'));
    expect(codes(await p.waitFor(isNotification))).toEqual([1, 1]);
    await p.waitClosed();
  });

  it('length over 4096 without extended message: Bad Message Length (1/2) with the length as data', async () => {
    const p = await establishedBadPeer();
    p.send(Buffer.from('ff'.repeat(16) + '138802', 'hex'));
    const n = (await p.waitFor(isNotification)) as NotificationMessage;
    expect([n.code, n.subcode, n.data.toString('hex')]).toEqual([1, 2, '1388']);
  });

  it('unknown message type: Bad Message Type (1/3)', async () => {
    const p = await establishedBadPeer();
    p.send(Buffer.from('ff'.repeat(16) + '001309', 'hex'));
    const n = (await p.waitFor(isNotification)) as NotificationMessage;
    expect([n.code, n.subcode, n.data.toString('hex')]).toEqual([1, 3, '09']);
  });

  it('a second OPEN in Established: FSM error (5/3, RFC 6608)', async () => {
    const p = await establishedBadPeer();
    p.open({ localAs: 65003, routerId: '192.0.2.23' });
    expect(codes(await p.waitFor(isNotification))).toEqual([5, 3]);
  });

  it('malformed ORIGIN is treat-as-withdraw (RFC 7606): the session stays up and the route is gone', async () => {
    const p = await establishedBadPeer();
    const attrs = (origin: string) => `400101${origin}` + '40020602010000fdeb' + '400304c6336401';
    const update = (origin: string) => {
      const body = `0000${(attrs(origin).length / 2).toString(16).padStart(4, '0')}${attrs(origin)}18141717`; // NLRI 20.23.23.0/24
      return Buffer.from('ff'.repeat(16) + (19 + body.length / 2).toString(16).padStart(4, '0') + '02' + body, 'hex');
    };
    p.send(update('00'));
    const rib = daemon.neighbors[1].ribIn;
    await until(() => rib.size === 1, 3000, 'route in Adj-RIB-In');
    p.send(update('07')); // ORIGIN 7 does not exist
    await until(() => rib.size === 0, 3000, 'treat-as-withdraw');
    expect(daemon.neighbors[1].state).toBe('Established');
    expect(p.received.filter(isNotification)).toEqual([]);
    p.destroy();
  });

  it('a peer that goes silent: Hold Timer Expired (4/0) after the negotiated 9 s', async () => {
    const p = await establishedBadPeer();
    const n = await p.waitFor(isNotification, 15000);
    expect(codes(n)).toEqual([4, 0]);
  }, 25000);
});
