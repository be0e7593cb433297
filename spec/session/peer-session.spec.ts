/**
 * PeerSession's send of an API change on an idle Established session (issue 12, flow latency):
 * the UPDATE is handed to the socket before announceApi returns, so a helper's line goes out in
 * the tick that read it, ahead of its own `done` ack (queued for the helper's stdin, written in a
 * microtask), and with no hop through the promise chain.
 */
import * as net from 'net';
import { buildOpen } from '../../lib/fsm/build-open';
import type { PeerSettings } from '../../lib/fsm/types';
import { Neighbor } from '../../lib/neighbor/neighbor';
import { silentLog } from '../../lib/session/log';
import { Framer } from '../../lib/wire/framer';
import { Afi, MessageType, Safi } from '../../lib/wire/iana';
import { KEEPALIVE_BYTES } from '../../lib/wire/keepalive';
import { decodeMessage, encodeMessage } from '../../lib/wire/message';
import { DEFAULT_CONTEXT, type UpdateMessage } from '../../lib/wire/types';
import { until } from '../daemon/helpers';

const LOCAL = '127.0.93.1';
const PEER = '127.0.93.2';
const PORT = 17931;

const SETTINGS: PeerSettings = {
  localAs: 65001,
  peerAs: 65002,
  routerId: '192.0.2.1',
  holdTime: 90,
  connectRetryTime: 1,
  passive: false,
  delayOpenTime: 0,
  families: [{ afi: Afi.IPV4, safi: Safi.UNICAST }],
  routeRefresh: true,
  extendedMessage: false,
};

const route = (prefix: string) => ({ afi: Afi.IPV4, safi: Safi.UNICAST, prefix, nextHop: '192.0.2.9', attributes: { origin: 0, asPath: [] } });

describe('PeerSession: an API change on an idle session', () => {
  let server: net.Server;
  let neighbor: Neighbor;
  /** UPDATEs the peer got, decoded, in order. */
  const received: UpdateMessage[] = [];

  beforeAll(async () => {
    server = net.createServer((socket) => {
      const framer = new Framer();
      socket.on('data', (chunk) => {
        for (const m of framer.push(chunk)) {
          const d = decodeMessage(m, { ...DEFAULT_CONTEXT, asn4: true });
          if (d.type === 'open') socket.write(Buffer.concat([encodeMessage(buildOpen({ ...SETTINGS, localAs: 65002, routerId: '192.0.2.2' }), DEFAULT_CONTEXT), KEEPALIVE_BYTES]));
          if (d.type === 'update') received.push(d);
        }
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(PORT, PEER, resolve));
    neighbor = new Neighbor({ name: 'latency-peer', settings: SETTINGS, endpoint: { peerAddress: PEER, peerPort: PORT, localAddress: LOCAL }, log: silentLog });
    neighbor.start();
    await until(() => neighbor.state === 'Established', 10000, 'Established');
    // The session's first send (the empty table and its End-of-RIB) is over: the session is idle.
    await until(() => received.length >= 1, 10000, 'End-of-RIB');
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  afterAll(async () => {
    await neighbor?.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('hands the UPDATE to the socket before announceApi returns, and a second change of the same tick after it, in order', async () => {
    const socket = neighbor.session.connection!.socket;
    const written: number[] = [];
    const write = socket.write.bind(socket) as (b: Buffer) => boolean;
    (socket as unknown as { write: (b: Buffer) => boolean }).write = (b: Buffer) => {
      written.push(b[18]);
      return write(b);
    };
    const before = received.length;
    neighbor.announceApi([route('10.93.1.0/24')]);
    // Synchronously: nothing has had a chance to run in between (no microtask, no timer).
    expect(written).toEqual([MessageType.UPDATE]);
    neighbor.announceApi([route('10.93.2.0/24')]);
    expect(written).toEqual([MessageType.UPDATE]);
    await until(() => received.length >= before + 2, 5000, 'both UPDATEs at the peer');
    expect(received.slice(before).map((u) => u.announced.flatMap((a) => a.prefixes))).toEqual([['10.93.1.0/24'], ['10.93.2.0/24']]);
    expect(neighbor.state).toBe('Established');
  });
});
