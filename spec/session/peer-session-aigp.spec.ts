/**
 * RFC 7311 §3 AIGP_SESSION on real sessions over loopback: a hub announces one route with an AIGP
 * metric to three rxbgp peers. The defaults are the RFC's (enabled for iBGP, disabled for eBGP),
 * `aigp: true` enables it on an eBGP session, and a receiver with it disabled ignores what it gets.
 */
import type { UpdateMessage } from '../../lib/wire/types';
import { startDaemon, until } from '../daemon/helpers';

const HUB = '127.0.105.1';
const IBGP = '127.0.105.2';
const EBGP = '127.0.105.3';
const EBGP_AIGP = '127.0.105.4';
const PORT = 18105;
const HUB_AS = 65105;
const AIGP_HEX = '801a0b01000b0000000000000064'; // AIGP, optional, 11: TLV 1, length 11, metric 100

describe('AIGP_SESSION (RFC 7311 §3)', () => {
  const route = { prefix: '10.105.0.0/24', nextHop: '198.51.100.1', aigp: 100 };
  const hub = startDaemon({
    listen: [{ address: HUB, port: PORT }],
    neighbors: [
      { peerAddress: IBGP, localAddress: HUB, localAs: HUB_AS, peerAs: HUB_AS, routerId: '192.0.2.105', passive: true, routes: [route] },
      { peerAddress: EBGP, localAddress: HUB, localAs: HUB_AS, peerAs: 65103, routerId: '192.0.2.105', passive: true, routes: [route] },
      { peerAddress: EBGP_AIGP, localAddress: HUB, localAs: HUB_AS, peerAs: 65104, routerId: '192.0.2.105', passive: true, aigp: true, routes: [route] },
    ],
  });
  /** A peer of the hub; `aigp` is its own AIGP_SESSION setting toward the hub. */
  const spoke = (me: string, asn: number, aigp?: boolean) => {
    const s = startDaemon({
      neighbors: [{ peerAddress: HUB, peerPort: PORT, localAddress: me, localAs: asn, peerAs: HUB_AS, routerId: me, connectRetry: 1, ...(aigp === undefined ? {} : { aigp }) }],
    });
    const raw: string[] = [];
    const updates: UpdateMessage[] = [];
    s.daemon.events$.subscribe(({ event }) => {
      if (event.kind !== 'update' || event.direction !== 'receive') return;
      if (event.raw) raw.push(event.raw.toString('hex'));
      if (event.message.announced.length > 0) updates.push(event.message);
    });
    return { ...s, raw, updates };
  };
  const ibgp = spoke(IBGP, HUB_AS); // default: enabled (internal)
  const ebgp = spoke(EBGP, 65103, true); // enabled here, but the hub's default for it is disabled
  const ebgpAigp = spoke(EBGP_AIGP, 65104, false); // the hub sends it; this receiver ignores it

  beforeAll(async () => {
    await Promise.all([hub.started, ibgp.started, ebgp.started, ebgpAigp.started]);
    await until(() => [ibgp, ebgp, ebgpAigp].every((s) => s.updates.length > 0), 15000, 'the route at every peer');
  }, 20000);
  afterAll(async () => {
    await Promise.all([hub.daemon.stop(), ibgp.daemon.stop(), ebgp.daemon.stop(), ebgpAigp.daemon.stop()]);
  });

  it('sends AIGP to an internal peer by default, and it is accepted there', () => {
    expect(ibgp.raw.some((h) => h.includes(AIGP_HEX))).toBe(true);
    expect(ibgp.updates[0].attributes.aigp).toBe(100n);
  });

  it('does not send AIGP to an external peer by default', () => {
    expect(ebgp.raw.some((h) => h.includes('801a0b01000b'))).toBe(false);
    expect(ebgp.updates[0].attributes.aigp).toBeUndefined();
  });

  it('sends it to an external peer configured with aigp; a receiver with aigp false ignores it', () => {
    expect(ebgpAigp.raw.some((h) => h.includes(AIGP_HEX))).toBe(true);
    expect(ebgpAigp.updates[0].attributes.aigp).toBeUndefined();
    expect(ebgpAigp.updates[0].errorAction).toBeUndefined();
  });
});
