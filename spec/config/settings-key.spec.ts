import { isLeft } from 'fp-ts/Either';
import { decodeConfig, formatErrors, neighborSettingsKey } from '../../lib/config';

type Json = any;

const neighbor = (): Json => ({
  peerAddress: '127.0.0.2',
  peerAs: 65002,
  localAs: 65001,
  routerId: '192.0.2.1',
  localAddress: '127.0.0.1',
  families: ['ipv4 unicast', 'ipv6 unicast'],
  routes: [{ prefix: '10.0.0.0/24' }],
});

function keyOf(n: Json): string {
  const processes = { announce: { run: ['./announce.py'] }, watch: { run: ['./watch.py'] } };
  const r = decodeConfig({ listen: [{ address: '0.0.0.0', port: 1790 }], processes, neighbors: [n] });
  if (isLeft(r)) throw new Error(formatErrors(r.left));
  return neighborSettingsKey(r.right.neighbors[0]);
}

describe('neighborSettingsKey', () => {
  const before = keyOf(neighbor());

  it('ignores routes, route sets, the description and the order of families', () => {
    const n = neighbor();
    n.routes = [{ prefix: '10.9.0.0/16', med: 3 }];
    n.routeSets = [{ prefixes: { from: '10.0.0.0/24', count: 5 } }];
    n.description = 'renamed';
    n.families = ['ipv6 unicast', 'ipv4 unicast'];
    expect(keyOf(n)).toBe(before);
  });

  it('ignores the process API settings: helpers can change without resetting the session', () => {
    const n = neighbor();
    n.api = { processes: ['announce', 'watch'], neighborChanges: true, receive: ['update'], send: ['update'], packets: true, parsed: false, consolidate: true };
    expect(keyOf(n)).toBe(before);
  });

  it.each<[string, unknown]>([
    ['peerAddress', '127.0.0.3'],
    ['peerPort', 1790],
    ['localAddress', '127.0.0.9'],
    ['localPort', 40000],
    ['localAs', 65009],
    ['peerAs', 65009],
    ['routerId', '192.0.2.9'],
    ['holdTime', 30],
    ['connectRetry', 9],
    ['delayOpen', 5],
    ['passive', true],
    ['families', ['ipv4 unicast']],
    ['addPath', { 'ipv4 unicast': 'both' }],
    ['routeRefresh', false],
    ['extendedMessage', false],
    ['hostname', 'h'],
    ['domainName', 'example.net'],
    ['gracefulRestart', 120],
    ['nexthop', { 'ipv4 unicast': 'ipv6' }],
    ['aigp', true],
  ])('changes when %s changes', (key, value) => {
    const n = neighbor();
    n[key] = value;
    if (key === 'families') n.routes = [];
    expect(keyOf(n)).not.toBe(before);
  });
});
