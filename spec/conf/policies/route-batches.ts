/**
 * Batches for the example policies' marble tests, and a one-line text of what a batch means
 * ("+10.0.0.0/24 -10.1.0.0/24 med=5"), so that expected outputs read as routes, not objects.
 */
import path from 'path';
import { TestScheduler } from 'rxjs/testing';
import type { PolicyContext, PolicyFactory, RouteBatch } from '../../../lib/policy/types';
import { attachPackedIpv4 } from '../../../lib/wire/nlri/packed-ipv4';
import { parseIpv4PrefixPacked } from '../../../lib/wire/nlri/ipv4-prefix';
import type { Announced, NlriList, PathAttributes } from '../../../lib/wire/types';

/** A shipped policy module, loaded as the daemon loads it (its `require('rxbgp')` maps to lib/). */
export function shippedPolicy<T = PolicyFactory>(name: string): T {
  return require(path.join(__dirname, '../../../conf/policies', name)) as T;
}

export const base: PathAttributes = { origin: 0, asPath: [{ type: 2, asns: [65002] }] };

/** IPv4 unicast held packed, as the decoder holds it. */
export function packed(prefixes: string[], nextHop = '192.0.2.1'): Announced {
  return attachPackedIpv4({ afi: 1, safi: 1, nextHop: [nextHop] }, prefixes.map(parseIpv4PrefixPacked));
}

/** Text lists: IPv4 with path ids, policies' own lists, IPv6. */
export function text(prefixes: string[], nextHop = '192.0.2.1', pathIds?: number[]): Announced {
  const afi = prefixes[0]?.includes(':') ? 2 : 1;
  return { afi, safi: 1, nextHop: [nextHop], prefixes, ...(pathIds ? { pathIds } : {}) };
}

export function announce(lists: Announced | Announced[], attributes: PathAttributes = base, withdrawn: NlriList[] = []): RouteBatch {
  return { type: 'update', withdrawn, attributes, announced: Array.isArray(lists) ? lists : [lists] };
}

export function withdraw(prefixes: string[], pathIds?: number[]): RouteBatch {
  const afi = prefixes[0]?.includes(':') ? 2 : 1;
  return { type: 'update', withdrawn: [{ afi, safi: 1, prefixes, ...(pathIds ? { pathIds } : {}) }], attributes: {}, announced: [] };
}

/** "+prefix" per announced route (with "#pathId" and "via next hop" when asked), "-prefix" per withdrawn, then `extra` of the attributes. */
export function meaning(batch: RouteBatch, extra: (a: PathAttributes) => string = () => '', showNextHop = false): string {
  const id = (l: NlriList, i: number) => (l.pathIds ? `#${l.pathIds[i]}` : '');
  const words = [
    ...batch.announced.flatMap((l) => l.prefixes.map((p, i) => `+${p}${id(l, i)}${showNextHop ? `@${l.nextHop.join(',')}` : ''}`)),
    ...batch.withdrawn.flatMap((l) => l.prefixes.map((p, i) => `-${p}${id(l, i)}`)),
  ];
  const tail = batch.announced.length ? extra(batch.attributes) : '';
  return [...words, ...(tail ? [tail] : [])].join(' ');
}

export function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

export interface Logged {
  readonly lines: string[];
  readonly context: PolicyContext;
}

/** A context as the chain gives it, with the given scheduler; log lines are collected. */
export function policyContext(scheduler: PolicyContext['scheduler'], localAs = 65001): Logged {
  const lines: string[] = [];
  const logger = { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
  return {
    lines,
    context: { name: 'example', direction: 'import', neighbor: { name: 'n1', peerAddress: '127.0.0.2', peerAs: 65002, localAs }, logger, scheduler },
  };
}
