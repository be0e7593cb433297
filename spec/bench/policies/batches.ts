/** Route batches for the bench policies' specs: IPv4 lists held packed, as the decoder hands them over. */
import type { RouteBatch } from '../../../lib/policy/types';
import { Afi, Safi } from '../../../lib/wire/iana';
import { parseIpv4PrefixPacked } from '../../../lib/wire/nlri/ipv4-prefix';
import { attachPackedIpv4 } from '../../../lib/wire/nlri/packed-ipv4';
import type { PathAttributes } from '../../../lib/wire/types';

export const ATTRIBUTES: PathAttributes = { origin: 0, asPath: [{ type: 2, asns: [65001] }], nextHop: '198.51.100.1' };

export function batch(announced: readonly string[], withdrawn: readonly string[] = [], attributes: PathAttributes = ATTRIBUTES): RouteBatch {
  return {
    type: 'update',
    withdrawn: withdrawn.length ? [{ afi: Afi.IPV4, safi: Safi.UNICAST, prefixes: [...withdrawn] }] : [],
    attributes,
    announced: announced.length
      ? [attachPackedIpv4({ afi: Afi.IPV4, safi: Safi.UNICAST, nextHop: ['198.51.100.1'] }, announced.map(parseIpv4PrefixPacked))]
      : [],
  };
}

/** An IPv6 batch (text prefixes). */
export function batch6(announced: readonly string[]): RouteBatch {
  return {
    type: 'update',
    withdrawn: [],
    attributes: ATTRIBUTES,
    announced: [{ afi: Afi.IPV6, safi: Safi.UNICAST, prefixes: [...announced], nextHop: ['2001:db8::1'] }],
  };
}

/** What a batch means, as plain data. */
export function meaning(b: RouteBatch): { announce: string[]; withdraw: string[] } {
  return { announce: b.announced.flatMap((l) => l.prefixes), withdraw: b.withdrawn.flatMap((l) => l.prefixes) };
}
