/**
 * FlowSpec rules through policies end to end, two speakers on loopback: A announces its config
 * `flows` through conf/policies/flowspec-guard.js as an export policy, B receives them through the
 * same module as an import policy with stricter options. What B holds is what both let through,
 * with the rate-limits each capped; a rule A stops announcing is withdrawn at B through B's policy.
 */
import path from 'path';
import { decodeConfig, formatErrors } from '../../lib/config';
import type { Config } from '../../lib/config/types';
import { Daemon } from '../../lib/daemon/daemon';
import { flowActionOf } from '../../lib/families/flowspec';
import { startDaemon, until } from './helpers';

const A = '127.0.0.207';
const B = '127.0.0.208';
const PORT = 18291;
const GUARD = path.join(__dirname, '../../conf/policies/flowspec-guard.js');

const HOST = 'flow destination-ipv4 198.51.100.1/32 protocol =udp source-port =53';
const SLASH24 = 'flow destination-ipv4 203.0.113.0/24';
const SLASH48 = 'flow destination-ipv6 2001:db8:1::/48/0 next-header =tcp';

const FLOWS = {
  host: { match: { destination: '198.51.100.1/32', protocol: 'udp', sourcePort: '=53' }, then: { rateLimit: 50000000 } },
  wide: { match: { destination: '198.51.0.0/16' }, then: { discard: true } },
  slash24: { match: { destination: '203.0.113.0/24' }, then: { rateLimit: 100 } },
  slash48: { match: { destination: '2001:db8:1::/48', nextHeader: 'tcp' }, then: { rateLimit: 9600 } },
  wide6: { match: { destination: '2001:db8::/32' }, then: { discard: true } },
};

function senderConfig(flows: ReadonlyArray<keyof typeof FLOWS>): Config {
  const r = decodeConfig({
    policies: { guard: { module: GUARD, options: { maxRate: 10000000, minDestinationLength: 24, minDestinationLengthIpv6: 48 } } },
    neighbors: [
      {
        peerAddress: B, peerPort: PORT, localAddress: A, localAs: 65001, peerAs: 65002, routerId: '192.0.2.207', connectRetry: 1,
        families: ['ipv4 flow', 'ipv6 flow'],
        flows: flows.map((f) => FLOWS[f]),
        export: ['guard'],
      },
    ],
  });
  if (r._tag === 'Left') throw new Error(formatErrors(r.left));
  return r.right;
}

describe('FlowSpec rules through export and import policies (flowspec-guard.js)', () => {
  let a: Daemon;
  let b: ReturnType<typeof startDaemon>;
  const errors: string[] = [];
  const warnings: string[] = [];

  /** B's Adj-RIB-In: each rule with its rate-limit. */
  const atB = () =>
    [...b.daemon.neighbors[0].ribIn.entries()]
      .map(([, rule, e]) => {
        const rates = (e.attributes.extendedCommunities ?? []).map(flowActionOf).filter((x) => x?.kind === 'rate-limit');
        return `${rule} rate ${rates.map((x) => (x?.kind === 'rate-limit' ? x.bytesPerSecond : '')).join(',')}`;
      })
      .sort();

  beforeAll(async () => {
    b = startDaemon({
      listen: [{ address: B, port: PORT }],
      policies: { guard: { module: GUARD, options: { maxRate: 1000000, minDestinationLength: 28 } } },
      neighbors: [{ peerAddress: A, localAddress: B, localAs: 65002, peerAs: 65001, routerId: '192.0.2.208', passive: true, families: ['ipv4 flow', 'ipv6 flow'], import: ['guard'] }],
    });
    await b.started;
    a = new Daemon(senderConfig(['host', 'wide', 'slash24', 'slash48', 'wide6']), { error: (m) => errors.push(m), warn: (m) => warnings.push(m), info() {}, debug() {} });
    await a.start();
  });

  afterAll(async () => {
    await a?.stop();
    await b?.daemon.stop();
  });

  it('B holds the rules both policies let through, rates capped by A (10 MB/s) then by B (1 MB/s)', async () => {
    await until(() => atB().length === 2, 10000, `rules at B (${atB().join(' | ')}; errors ${errors.join(' | ')})`);
    expect(atB()).toEqual([`${HOST} rate 1000000`, `${SLASH48} rate 9600`]);
    // A sent the /24 (B's import refused it: it wants /28), never the /16 or the IPv6 /32.
    const sentByA = [...a.neighbors[0].sentRoutes.groups()].flatMap((g) => g.prefixes).sort();
    expect(sentByA).toEqual([HOST, SLASH24, SLASH48]);
    const capped = [...a.neighbors[0].sentRoutes.groups()].find((g) => g.prefixes.includes(HOST))!;
    expect((capped.attributes.extendedCommunities ?? []).map(flowActionOf)).toEqual([{ kind: 'rate-limit', asn: 0, bytesPerSecond: 10000000 }]);
    expect(warnings.some((w) => w.includes('export policy "guard": refused') && w.includes('flow destination-ipv4 198.51.0.0/16'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a rule A stops announcing is withdrawn at B, through both policies', async () => {
    await a.reload(senderConfig(['slash24', 'slash48', 'wide6']));
    await until(() => atB().length === 1, 10000, `the withdrawal at B (${atB().join(' | ')})`);
    expect(atB()).toEqual([`${SLASH48} rate 9600`]);
    expect(errors).toEqual([]);
  });
});
