/**
 * The flow-latency peer (bench/micro/flow-arrival-peer.ts with its socket in
 * bench/helpers/flow-arrival-peer.py) driven by a raw BGP speaker: it refuses other addresses,
 * opens the session, skips the End-of-RIB, and records a FlowSpec UPDATE with its rule and two
 * times on the helper's clock: the kernel's receive stamp, then the peer process's read.
 */
import * as net from 'net';
import { floorUpdates } from '../../../bench/micro/flow-floor-sender';
import { FlowArrivalPeer, type FlowArrival } from '../../../bench/micro/flow-arrival-peer';
import { flowVictim } from '../../../bench/gen/flow-rules';
import { buildOpen } from '../../../lib/fsm/build-open';
import { endOfRibMessage } from '../../../lib/wire/end-of-rib';
import { Framer } from '../../../lib/wire/framer';
import { Afi, Safi } from '../../../lib/wire/iana';
import { KEEPALIVE_BYTES } from '../../../lib/wire/keepalive';
import { decodeMessage, encodeMessage } from '../../../lib/wire/message';
import { DEFAULT_CONTEXT, type Message } from '../../../lib/wire/types';
import { until } from '../../daemon/helpers';

const SENDER = { address: '127.0.93.3', asn: 65093, routerId: '192.0.2.93' };
const PEER = { address: '127.0.93.4', port: 17934, asn: 65094, routerId: '192.0.2.94' };
const FLOW = { afi: Afi.IPV4, safi: Safi.FLOWSPEC };

function connect(localAddress: string): Promise<{ socket: net.Socket; got: Message[]; closed: () => boolean }> {
  return new Promise((resolve, reject) => {
    const got: Message[] = [];
    let closed = false;
    const framer = new Framer();
    const socket = net.connect({ host: PEER.address, port: PEER.port, localAddress }, () => resolve({ socket, got, closed: () => closed }));
    socket.on('data', (chunk) => {
      for (const m of framer.push(chunk)) got.push(decodeMessage(m, { ...DEFAULT_CONTEXT, asn4: true }));
    });
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

describe('FlowArrivalPeer (its socket in a process of its own)', () => {
  let peer: FlowArrivalPeer | undefined;
  const recorded: FlowArrival[] = [];

  afterAll(async () => {
    await peer?.close();
  });

  it('refuses another address, then records the UPDATE of a FlowSpec rule with its kernel stamp and its read, on the helper clock', async () => {
    peer = await FlowArrivalPeer.listen({
      ...PEER,
      peerAddress: SENDER.address,
      local: { asn: PEER.asn, routerId: PEER.routerId },
      onRule: (a) => void recorded.push(a),
      log: () => undefined,
    });
    const stranger = await connect('127.0.93.5');
    await until(() => stranger.closed(), 5000, 'the stranger refused');
    expect(stranger.got).toEqual([]);

    const s = await connect(SENDER.address);
    await until(() => s.got.length > 0, 5000, "the peer's OPEN");
    const open = s.got[0]!;
    expect(open.type === 'open' && open.capabilities.some((c) => c.kind === 'multiprotocol' && c.afi === FLOW.afi && c.safi === FLOW.safi)).toBe(true);
    const settings = { localAs: SENDER.asn, peerAs: PEER.asn, routerId: SENDER.routerId, holdTime: 90, connectRetryTime: 5, passive: false, delayOpenTime: 0, families: [FLOW], routeRefresh: false, extendedMessage: false };
    s.socket.write(encodeMessage(buildOpen(settings), DEFAULT_CONTEXT));
    await until(() => s.got.some((m) => m.type === 'keepalive'), 5000, "the peer's KEEPALIVE");
    s.socket.write(KEEPALIVE_BYTES);
    await until(() => peer!.established, 5000, 'Established');

    const codec = { ...DEFAULT_CONTEXT, asn4: true };
    const [update] = await floorUpdates({ local: SENDER, peer: PEER, n: 1 });
    const before = process.hrtime.bigint();
    s.socket.write(Buffer.concat([encodeMessage(endOfRibMessage(FLOW), codec), update!]));
    await until(() => recorded.length > 0, 5000, 'the rule recorded');
    const after = process.hrtime.bigint();
    expect(peer.failure).toBeUndefined();
    expect(peer.arrivals).toHaveLength(1);
    const a = peer.arrivals[0]!;
    expect(a.rules).toHaveLength(1);
    expect(a.rules[0]).toContain(flowVictim(0));
    // One clock: our write, the kernel's stamp, the peer's read and our "recorded" come in this order.
    expect(a.atNs).toBeGreaterThan(before);
    expect(a.readNs).toBeGreaterThanOrEqual(a.atNs);
    expect(after).toBeGreaterThan(a.readNs);
    s.socket.destroy();
  });
});
