/**
 * The three-policy import chain the issue-5 cases run (ingest-policies through the daemon's
 * config, policy-chain in-process): a prefix filter on length, a deny list checked for every route,
 * and an attribute rewrite. Together they pass every prefix of the bench's run, so the receiver's
 * count still proves all N arrived, and they leave a mark (the MED and a community) on every
 * route, so a run with the policies silently off cannot pass.
 *
 * The modules are the CommonJS files beside this one, loaded from the source tree (the build does
 * not copy .js files); they `require('rxbgp')`, which the package resolves to dist/lib once built.
 */
import path from 'path';
import { loadPolicyFactory } from '../../lib/policy/load-policy';
import type { ChainPolicy } from '../../lib/policy/policy-chain';
import { REPO_ROOT } from '../daemons/rxbgp';
import type { Ipv4PrefixRun } from '../gen/prefix-run';

export const POLICY_DIR = path.join(REPO_ROOT, 'bench', 'policies');

/** What set-med.js writes on every route, and the ingest consumer and the micro pass check for. */
export const REWRITE = { med: 4242, community: '64512:4242' } as const;

/**
 * The RFC 6890 special-purpose ranges an eBGP import denies (conf/policies/no-bogons.js holds the
 * same), as [network, length, where it is defined]. IPv4 ones are matched by number; the IPv6 ones
 * are never compared with an IPv4 route but belong in a real list.
 */
const BOGONS: ReadonlyArray<readonly [string, number, string]> = [
  ['0.0.0.0', 8, 'RFC 791 "this network"'],
  ['10.0.0.0', 8, 'RFC 1918 private'],
  ['100.64.0.0', 10, 'RFC 6598 shared address space'],
  ['127.0.0.0', 8, 'RFC 1122 loopback'],
  ['169.254.0.0', 16, 'RFC 3927 link-local'],
  ['172.16.0.0', 12, 'RFC 1918 private'],
  ['192.0.0.0', 24, 'RFC 6890 IETF protocol assignments'],
  ['192.0.2.0', 24, 'RFC 5737 TEST-NET-1'],
  ['192.168.0.0', 16, 'RFC 1918 private'],
  ['198.18.0.0', 15, 'RFC 2544 benchmarking'],
  ['198.51.100.0', 24, 'RFC 5737 TEST-NET-2'],
  ['203.0.113.0', 24, 'RFC 5737 TEST-NET-3'],
  ['224.0.0.0', 4, 'RFC 5771 multicast'],
  ['240.0.0.0', 4, 'RFC 1112 reserved'],
  ['::', 8, 'loopback, unspecified, IPv4-mapped'],
  ['2001:db8::', 32, 'RFC 3849 documentation'],
  ['fc00::', 7, 'RFC 4193 unique local'],
  ['fe80::', 10, 'RFC 4291 link-local'],
];

/**
 * The bogon deny list for a run: every entry except those the run's addresses fall in. The bench
 * sends consecutive /24s from 10.0.0.0 (inside RFC 1918's 10/8, which a real list denies), so
 * that entry is left out and the list matches nothing sent, while each route is still compared
 * with every other entry.
 */
export function denyListFor(run: Ipv4PrefixRun): string[] {
  const first = run.address(0);
  const end = run.address(run.count - 1) + 256;
  return BOGONS.filter(([network, length]) => {
    if (network.includes(':')) return true;
    const start = dottedQuad(network);
    const stop = start + 2 ** (32 - length);
    return stop <= first || start >= end;
  }).map(([network, length]) => `${network}/${length} le ${network.includes(':') ? 128 : 32}`);
}

export interface BenchPolicy {
  readonly name: string;
  /** Absolute path of the module. */
  readonly module: string;
  readonly options: Record<string, unknown>;
}

/** The chain, in the order it runs: filter on length, deny list, then the rewrite of what passed. */
export function benchChain(run: Ipv4PrefixRun): BenchPolicy[] {
  return [
    { name: 'max-length', module: path.join(POLICY_DIR, 'max-length.js'), options: { maxLengthIpv4: 24, maxLengthIpv6: 48 } },
    { name: 'deny-bogons', module: path.join(POLICY_DIR, 'deny-prefixes.js'), options: { deny: denyListFor(run) } },
    { name: 'set-med', module: path.join(POLICY_DIR, 'set-med.js'), options: { ...REWRITE } },
  ];
}

/** The config's "policies" and the neighbor's "import" for the chain (rxbgpConfig's policies / import). */
export function benchChainConfig(run: Ipv4PrefixRun): {
  readonly policies: Record<string, { readonly module: string; readonly options: Record<string, unknown> }>;
  readonly import: string[];
} {
  const chain = benchChain(run);
  return {
    policies: Object.fromEntries(chain.map((p) => [p.name, { module: p.module, options: p.options }])),
    import: chain.map((p) => p.name),
  };
}

/** The chain's modules loaded as the daemon loads them (lib/policy/load-policy.ts), for PolicyChain. */
export function loadBenchChain(run: Ipv4PrefixRun): ChainPolicy[] {
  return benchChain(run).map((p) => ({ name: p.name, factory: loadPolicyFactory(p.module), options: p.options }));
}

function dottedQuad(text: string): number {
  return text.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}
