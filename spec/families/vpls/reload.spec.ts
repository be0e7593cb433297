/**
 * A config reload that changes a neighbor's "vpls", "rtc" and multicast routes sends only the
 * differences (docs/configuration.md#reloading): two in-process daemons, the hub announcing from its
 * config, the spoke recording every UPDATE it receives; after the reload the spoke gets the new and
 * the withdrawn routes and nothing about the routes that stayed, and the session is not reset.
 */
import type { DaemonEvent } from '../../../lib/daemon/daemon';
import type { UpdateMessage } from '../../../lib/wire/types';
import { config, startDaemon, until } from '../../daemon/helpers';

const HUB = '127.0.104.41';
const SPOKE = '127.0.104.42';
const PORT = 17941;
const FAMILIES = ['ipv4 unicast', 'ipv4 multicast', 'l2vpn vpls', 'ipv4 rtc'];

const VPLS_A = { rd: '65041:1', endpoint: 1, base: 800000, offset: 0, size: 10, nextHop: '192.0.2.41' };
const VPLS_B = { rd: '65041:2', endpoint: 2, base: 800016, offset: 0, size: 10, nextHop: '192.0.2.41' };
const RTC_C = { originAs: 65041, routeTarget: 'target:65041:100', nextHop: '192.0.2.41' };
const MULTICAST = { prefix: '232.1.1.0/24', nextHop: '198.51.100.41' };

function hub(neighbor: object): unknown {
  return {
    listen: [{ address: HUB, port: PORT }],
    neighbors: [{ peerAddress: SPOKE, localAddress: HUB, localAs: 65041, peerAs: 65041, routerId: '192.0.2.41', passive: true, families: FAMILIES, ...neighbor }],
  };
}

/** Each NLRI the spoke received, as "+family text" / "-family text". */
function received(events: readonly DaemonEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.event.kind !== 'update' || e.event.direction !== 'receive') continue;
    const m = e.event.message as UpdateMessage;
    for (const l of m.announced) for (const p of l.prefixes) out.push(`+${l.afi}/${l.safi} ${p}`);
    for (const l of m.withdrawn) for (const p of l.prefixes) out.push(`-${l.afi}/${l.safi} ${p}`);
  }
  return out;
}

describe('reload of VPLS, RTC and multicast routes', () => {
  const stops: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await Promise.all(stops.map((s) => s()));
  });

  it('sends only what changed', async () => {
    const h = startDaemon(hub({ vpls: [VPLS_A, VPLS_B], rtc: [RTC_C], routes: [MULTICAST] }));
    stops.push(() => h.daemon.stop());
    await h.started;
    const s = startDaemon({
      listen: [],
      neighbors: [{ peerAddress: HUB, peerPort: PORT, localAddress: SPOKE, localAs: 65041, peerAs: 65041, routerId: '192.0.2.42', connectRetry: 1, families: FAMILIES }],
    });
    stops.push(() => s.daemon.stop());
    await s.started;
    const before = [
      '+25/65 rd 65041:1 endpoint 1 base 800000 offset 0 size 10',
      '+25/65 rd 65041:2 endpoint 2 base 800016 offset 0 size 10',
      '+1/132 origin-as 65041 route-target target:65041:100',
      '+1/2 232.1.1.0/24',
    ];
    await until(() => before.every((r) => received(s.events).includes(r)), 15000, 'the spoke to receive the hub config routes');
    const seen = received(s.events).length;
    const downs = () => s.events.filter((e) => e.event.kind === 'down').length;

    // B gets another label base (another route), C goes, A and the multicast route stay.
    const reload = await h.daemon.reload(config(hub({ vpls: [VPLS_A, { ...VPLS_B, base: 800032 }], rtc: [], routes: [MULTICAST] })));
    expect(reload).toEqual({ added: 0, removed: 0, reset: 0, kept: 1 });
    const after = [
      '+25/65 rd 65041:2 endpoint 2 base 800032 offset 0 size 10',
      '-25/65 rd 65041:2 endpoint 2 base 800016 offset 0 size 10',
      '-1/132 origin-as 65041 route-target target:65041:100',
    ];
    await until(() => after.every((r) => received(s.events).includes(r)), 15000, 'the spoke to receive the differences');
    await new Promise((r) => setTimeout(r, 300));
    expect(received(s.events).slice(seen).sort()).toEqual(after.sort());
    expect(downs()).toBe(0);
  }, 40000);
});
