/**
 * The start-up warm-up of the route-line path (lib/daemon/warm-up.ts): every example route a
 * grammar gives is accepted, distinct, announced and then withdrawn through the real sender.
 */
import { FAMILY_REGISTRY } from '../../lib/families';
import { warmUp } from '../../lib/daemon/warm-up';
import { Daemon } from '../../lib/daemon/daemon';
import { config } from './helpers';

const IPV4_FLOW = FAMILY_REGISTRY.get(1, 133)!;
const IPV6_FLOW = FAMILY_REGISTRY.get(2, 133)!;
const IPV4_UNICAST = FAMILY_REGISTRY.get(1, 1)!;

describe('warmUp', () => {
  it('announces and withdraws each example route of a grammar once, however many of its families are given', async () => {
    expect(await warmUp([IPV4_FLOW, IPV6_FLOW], 40)).toBe(80);
  });

  it('does nothing for families without a route grammar', async () => {
    expect(await warmUp([IPV4_UNICAST], 40)).toBe(0);
  });

  it('the FlowSpec examples are distinct rules the API takes (a refused or repeated one would not be sent)', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => IPV4_FLOW.routeGrammar!.example!(i));
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('Daemon warm-up', () => {
  const neighbor = (peerAddress: string, families: string[]) => ({ peerAddress, peerAs: 65002, passive: true, families });
  // Passive neighbors on a listener of their own (127.0.0.235): nothing connects anywhere.
  const daemonConfig = (neighbors: unknown[]) => ({ localAs: 65001, routerId: '192.0.2.1', listen: [{ address: '127.0.0.235', port: 18235 }], control: { enabled: false }, neighbors });

  it('warms a grammar at start or on the reload that adds its first neighbor, once', async () => {
    const debug: string[] = [];
    const log = { error() {}, warn() {}, info() {}, debug: (m: string) => debug.push(m) };
    const daemon = new Daemon(config(daemonConfig([neighbor('127.0.2.236', ['ipv4 unicast'])])), log);
    await daemon.start();
    try {
      expect(debug.filter((l) => l.startsWith('warmed'))).toEqual([]);
      await daemon.reload(config(daemonConfig([neighbor('127.0.2.236', ['ipv4 unicast']), neighbor('127.0.2.237', ['ipv4 flow'])])));
      expect(debug.filter((l) => l.startsWith('warmed'))).toEqual([expect.stringMatching(/^warmed the route path of ipv4 flow: 10000 example routes in \d+ ms$/)]);
      await daemon.reload(config(daemonConfig([neighbor('127.0.2.237', ['ipv4 flow', 'ipv6 flow']), neighbor('127.0.2.238', ['ipv6 flow'])])));
      expect(debug.filter((l) => l.startsWith('warmed'))).toHaveLength(1);
    } finally {
      await daemon.stop();
    }
  });
});
