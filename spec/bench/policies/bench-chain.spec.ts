import fs from 'fs';
import { PrefixList } from '../../../lib/policy/prefix-list';
import { RouteCursor } from '../../../lib/policy/route-view';
import { Afi, Safi } from '../../../lib/wire/iana';
import { parseIpv4PrefixPacked } from '../../../lib/wire/nlri/ipv4-prefix';
import { attachPackedIpv4 } from '../../../lib/wire/nlri/packed-ipv4';
import { benchChain, benchChainConfig, denyListFor, loadBenchChain, REWRITE } from '../../../bench/policies/bench-chain';
import { Ipv4PrefixRun } from '../../../bench/gen/prefix-run';

/** Whether `list` covers the /24 `text`, read through a route cursor as a policy would. */
function covers(list: PrefixList, text: string): boolean {
  const announced = attachPackedIpv4({ afi: Afi.IPV4, safi: Safi.UNICAST, nextHop: ['198.51.100.1'] }, [parseIpv4PrefixPacked(text)]);
  return list.matches(new RouteCursor().over(announced, {}).at(0));
}

describe('denyListFor', () => {
  it('leaves out 10/8 for the bench run from 10.0.0.0 and keeps every other bogon', () => {
    const run = new Ipv4PrefixRun('10.0.0.0', 1_000_000);
    const deny = denyListFor(run);
    expect(deny).not.toContain('10.0.0.0/8 le 32');
    expect(deny).toEqual(expect.arrayContaining(['0.0.0.0/8 le 32', '100.64.0.0/10 le 32', '192.168.0.0/16 le 32', '240.0.0.0/4 le 32', 'fc00::/7 le 128']));
    expect(deny).toHaveLength(17);
    const list = PrefixList.parse(deny);
    for (const i of [0, 65_535, 65_536, 999_999]) expect(covers(list, run.text(i))).toBe(false);
    expect(covers(list, '192.168.1.0/24')).toBe(true);
  });

  it('leaves out every range a run reaches into, and only those', () => {
    // 100.0.0.0/24 onwards for 2^14 + 1 /24s ends in 100.64.0.0/24, inside RFC 6598's 100.64/10.
    expect(denyListFor(new Ipv4PrefixRun('100.0.0.0', 2 ** 14))).toContain('100.64.0.0/10 le 32');
    const reaching = denyListFor(new Ipv4PrefixRun('100.0.0.0', 2 ** 14 + 1));
    expect(reaching).not.toContain('100.64.0.0/10 le 32');
    expect(reaching).toContain('10.0.0.0/8 le 32');
  });
});

describe('benchChain', () => {
  const run = new Ipv4PrefixRun('10.0.0.0', 1000);

  it('is a length filter, the deny list, then the rewrite, each module a file in bench/policies', () => {
    const chain = benchChain(run);
    expect(chain.map((p) => p.name)).toEqual(['max-length', 'deny-bogons', 'set-med']);
    for (const p of chain) expect(fs.existsSync(p.module)).toBe(true);
    expect(chain[1]!.options).toEqual({ deny: denyListFor(run) });
    expect(chain[2]!.options).toEqual(REWRITE);
  });

  it('gives the config its policies by name and the neighbor its import list in chain order', () => {
    const config = benchChainConfig(run);
    expect(config.import).toEqual(['max-length', 'deny-bogons', 'set-med']);
    expect(Object.keys(config.policies)).toEqual(config.import);
    expect(config.policies['set-med']).toEqual({ module: benchChain(run)[2]!.module, options: REWRITE });
  });

  it('loads every module as the daemon does', () => {
    const loaded = loadBenchChain(run);
    expect(loaded.map((p) => [p.name, typeof p.factory])).toEqual([
      ['max-length', 'function'],
      ['deny-bogons', 'function'],
      ['set-med', 'function'],
    ]);
  });
});
