/**
 * IPv6 unicast (AFI 2, SAFI 1; RFC 4760, RFC 2545): the NLRI value and RIB key is the canonical
 * prefix text "x:x::/len". The next hop is a global address, optionally with a link-local one.
 * The wire codec stays in lib/wire, beside IPv4's, as the codec every context knows by default.
 */
import { Afi, Safi } from '../../wire/iana';
import { ipv6Unicast as wire } from '../../wire/nlri/ipv6-unicast';
import type { FamilyDescriptor, PrefixView } from '../family-descriptor';
import { decodePrefixConfig, inetJsonItems, inetTextItems, ipNextHopRule, parsePrefixOf } from '../ip-prefix/prefix-family';

export const ipv6UnicastFamily: FamilyDescriptor<string, PrefixView, string> = {
  afi: Afi.IPV6,
  safi: Safi.UNICAST,
  name: 'ipv6 unicast',
  wire,

  nlriAt: (list, i) => list.prefixes[i],

  ribKeys: (list) => list.prefixes,
  ribKeyKind: 'string',
  ribKey: (nlri) => nlri,
  nlriOfKey: (key) => key,
  listOfKeys: (head, keys) => Object.assign(head, { prefixes: Array.from(keys) }),

  parseText: (text) => parsePrefixOf(Afi.IPV6, 'IPv6', text),
  formatText: (nlri) => nlri,

  exabgpJsonItems: inetJsonItems,
  exabgpTextItems: inetTextItems,

  decodeConfig: (value) => decodePrefixConfig(Afi.IPV6, 'IPv6', value),
  encodeConfig: (nlri) => nlri,

  nextHop: ipNextHopRule([Afi.IPV6], '::'),

  policyView(nlri) {
    const slash = nlri.lastIndexOf('/');
    return { kind: 'prefix', afi: Afi.IPV6, prefix: nlri, length: Number(nlri.slice(slash + 1)), ipv4: -1 };
  },
};
